import { crc32, inflateRawSync } from 'node:zlib';
import { LIMITS } from './fields.js';
import { refuse, type Read } from './problem.js';

/** One entry of a zip's central directory. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const bomb = (what: string) =>
  refuse(
    'zip-bomb',
    `拒绝 / refused: the .xlsx unpacks to ${what} — more than a user list ever needs (a "zip bomb"?); nothing was read`,
    'open it in Excel, keep only the 用户 sheet, save as a new .xlsx and send that',
  );
const corrupt = (what: string) =>
  refuse(
    'corrupt',
    `这个 .xlsx 已损坏 / the .xlsx is damaged: ${what}`,
    'open it in Excel or WPS and save it again as .xlsx (or export CSV), then send the new file',
  );

/**
 * A zip read through its central directory, with every limit checked before
 * a byte is inflated: entry count, the declared uncompressed total, and each
 * entry inflated with `maxOutputLength` = its declared size (an entry that
 * lies about its size fails instead of filling memory).
 */
export class ZipReader {
  private constructor(
    private readonly buf: Buffer,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  static open(buf: Buffer): Read<ZipReader> {
    const end = findEndOfCentralDirectory(buf);
    if (end < 0) return corrupt('no zip directory (cut off while uploading?)');
    const count = buf.readUInt16LE(end + 10);
    const cdSize = buf.readUInt32LE(end + 12);
    const cdOffset = buf.readUInt32LE(end + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return bomb('a ZIP64 archive');
    if (count > LIMITS.maxZipEntries) return bomb(`${count} files`);
    if (cdOffset + cdSize > end) return corrupt('the zip directory points outside the file');
    const entries = new Map<string, ZipEntry>();
    let total = 0;
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) return corrupt('a broken zip directory entry');
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        flags: buf.readUInt16LE(p + 8),
        method: buf.readUInt16LE(p + 10),
        crc: buf.readUInt32LE(p + 16),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
        name: buf.toString('utf8', p + 46, Math.min(p + 46 + nameLen, end)),
      };
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return bomb('a ZIP64 entry');
      total += entry.size;
      if (total > LIMITS.maxUncompressedBytes)
        return bomb(`more than ${Math.round(LIMITS.maxUncompressedBytes / 1024 / 1024)} MB`);
      entries.set(entry.name.replace(/^\/+/, ''), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return { ok: true, value: new ZipReader(buf, entries) };
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, or a refusal (encrypted, unknown method, larger than declared, bad CRC). */
  read(name: string): Read<Buffer> {
    const e = this.entries.get(name);
    if (!e) return corrupt(`${name} is missing`);
    if (e.flags & 1)
      return refuse(
        'legacy-or-encrypted',
        '这个文件有密码保护 / the workbook is password-protected',
        'remove the password in Excel (File → Info → Protect Workbook) and send it again',
      );
    const p = e.localOffset;
    if (p + 30 > this.buf.length || this.buf.readUInt32LE(p) !== LOCAL) return corrupt(`${name} has no local header`);
    const start = p + 30 + this.buf.readUInt16LE(p + 26) + this.buf.readUInt16LE(p + 28);
    if (start + e.compressedSize > this.buf.length) return corrupt(`${name} is cut off`);
    const raw = this.buf.subarray(start, start + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) data = Buffer.from(raw);
    else if (e.method === 8) {
      if (e.size === 0) return { ok: true, value: Buffer.alloc(0) };
      try {
        data = inflateRawSync(raw, { maxOutputLength: e.size });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          return bomb(`more than its directory says (${name})`);
        return corrupt(`${name} does not decompress`);
      }
    } else return corrupt(`${name} uses compression method ${e.method}`);
    if (data.length !== e.size || crc32(data) !== e.crc) return corrupt(`${name} fails its checksum`);
    return { ok: true, value: data };
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}
