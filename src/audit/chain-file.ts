import { createReadStream } from 'node:fs';
import { open, readFile, stat, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ChainChecker, GENESIS, lineHash, type ChainVerdict } from './chain.js';

/** Where the chain continues: `prev` for the next record, and a rotation record to write first after a rotation. */
export interface ChainHead {
  /** The file's size now (the append starts here). */
  size: number;
  prev: string;
  /** The file is shorter than when we last wrote it (copytruncate) or gone: link to the last hash we wrote. */
  rotatedFrom?: { hash: string; size: number };
}

/** How far back the last line is looked for (a record is a few kilobytes at most). */
const TAIL_MAX = 1 << 20;

/**
 * The chain's state next to the log: `<file>.chain` holds the hash of the last
 * line written and the file's size after it. After `copytruncate` the file is
 * shorter than that size, so the next append first writes a rotation record
 * linking to the saved hash; the chain then runs across both files.
 */
export class ChainFile {
  readonly side: string;

  constructor(readonly file: string) {
    this.side = `${file}.chain`;
  }

  /** Call with the log's lock held. */
  async head(): Promise<ChainHead> {
    const size = await sizeOf(this.file);
    const saved = await this.readSide();
    if (saved && size < saved.size) return { size, prev: saved.hash, rotatedFrom: saved };
    if (size === 0) return { size, prev: GENESIS };
    if (saved && saved.size === size) return { size, prev: saved.hash };
    // Written by something that did not update the side file (or it was lost): the file itself says.
    const last = await lastLine(this.file, size);
    return { size, prev: last === undefined ? GENESIS : lineHash(last) };
  }

  /** After an append: remember the last hash and the size (best effort; {@link head} falls back to the file). */
  async saved(hash: string, size: number): Promise<void> {
    await writeFile(this.side, JSON.stringify({ hash, size }), { mode: 0o600 }).catch(() => undefined);
  }

  private async readSide(): Promise<{ hash: string; size: number } | undefined> {
    try {
      const v = JSON.parse(await readFile(this.side, 'utf8')) as { hash?: unknown; size?: unknown };
      if (typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash) && typeof v.size === 'number')
        return { hash: v.hash, size: v.size };
    } catch {
      // missing or half-written: the file is read instead
    }
    return undefined;
  }
}

/** Check the chain of `file` (and its link to `<file>.1`, the rotated copy, when that is there). */
export async function verifyChainFile(file: string): Promise<ChainVerdict> {
  const rotated = `${file}.1`;
  const rotatedSize = await sizeOf(rotated);
  const before = rotatedSize > 0 ? await lastLine(rotated, rotatedSize) : undefined;
  const checker = new ChainChecker(before === undefined ? undefined : lineHash(before));
  let stream;
  try {
    stream = createReadStream(file, { encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      stream!.once('open', () => resolve());
      stream!.once('error', reject);
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return checker.end();
    throw e;
  }
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) checker.push(line);
  return checker.end();
}

async function sizeOf(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return 0;
      throw e;
    },
  );
}

/** The last complete line of `file` (without its newline), read from the end. */
async function lastLine(file: string, size: number): Promise<string | undefined> {
  const handle = await open(file, 'r');
  try {
    const len = Math.min(size, TAIL_MAX);
    const buf = Buffer.alloc(len);
    await handle.read(buf, 0, len, size - len);
    const text = buf.toString('utf8').replace(/\n$/, '');
    const nl = text.lastIndexOf('\n');
    if (nl < 0 && len < size) return undefined;
    return text.slice(nl + 1);
  } finally {
    await handle.close();
  }
}
