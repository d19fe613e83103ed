import { createReadStream } from 'node:fs';
import { appendFile, mkdir, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { redactDeep } from '../redact.js';
import { withFileLock } from '../store/file-lock.js';
import { lineHash, type ChainVerdict } from './chain.js';
import type { AuditEntry, AuditRecord } from './audit-record.js';
import { ChainFile, verifyChainFile } from './chain-file.js';

export type { AuditEntry, AuditEvent, AuditRecord } from './audit-record.js';

/** A second home for each line: the Redis store's list, or a Slack audit channel later. */
export interface AuditMirror {
  pushList(name: string, line: string): Promise<void>;
}

export interface AuditLogOptions {
  /** The JSON Lines file, e.g. `<dataDir>/audit.jsonl`. */
  file: string;
  mirrors?: readonly AuditMirror[];
  now?: () => Date;
  /** A mirror could not take a line (the file still has it). */
  onMirrorError?: (error: Error) => void;
}

export interface AuditQuery {
  since?: Date;
  target?: string;
  limit?: number;
}

/** The list name used in mirrors. */
export const AUDIT_LIST = 'audit';
/** Longer strings are cut: the log records what happened, not whole outputs. */
const MAX_STRING = 2_000;

/**
 * Append-only audit trail as JSON Lines: one object per line, redacted
 * (no secrets), never rewritten. Tamper-evident: each record carries `prev`,
 * the sha256 of the line before it, so an edited, removed or inserted line
 * breaks the chain at that point (`audit verify`); the chain survives
 * copytruncate rotation (chain-file.ts). Appends go through `O_APPEND` under
 * a lock file, in order within the process.
 */
export class AuditLog {
  private queue: Promise<unknown> = Promise.resolve();
  private dirReady: Promise<unknown> | undefined;
  private readonly chain: ChainFile;

  constructor(private readonly options: AuditLogOptions) {
    this.chain = new ChainFile(options.file);
  }

  get file(): string {
    return this.options.file;
  }

  /**
   * Write one record, linked to the line before it; resolves with what was
   * written. Rejects if the file cannot be written (a full disk, permissions):
   * then nothing of the record stays in the file.
   */
  append(entry: AuditEntry): Promise<AuditRecord> {
    const now = () => (this.options.now?.() ?? new Date()).toISOString();
    const record = clean({ ...entry, ts: entry.ts ?? now() });
    const write = this.queue.then(async () => {
      this.dirReady ??= mkdir(dirname(this.options.file), { recursive: true, mode: 0o700 });
      await this.dirReady;
      // The lock keeps the chain whole when the bot and a one-shot CLI append at the same time.
      const { lines, written } = await withFileLock(`${this.options.file}.lock`, async () => {
        const head = await this.chain.head();
        const lines: string[] = [];
        let prev = head.prev;
        if (head.rotatedFrom) {
          const rotation = clean({
            ts: now(),
            event: 'audit.rotated',
            reason: 'the log was rotated (copytruncate) or replaced; this record links to the last one before it',
            details: { previousSize: head.rotatedFrom.size, sizeNow: head.size },
          });
          lines.push(JSON.stringify({ ...rotation, prev }));
          prev = lineHash(lines[0]!);
        }
        const written: AuditRecord = { ...record, prev };
        lines.push(JSON.stringify(written));
        const text = lines.map((l) => `${l}\n`).join('');
        try {
          await appendFile(this.options.file, text, { flag: 'a', mode: 0o600 });
        } catch (e) {
          // Half a line would break the chain for every later record: cut it off again.
          await truncate(this.options.file, head.size).catch(() => undefined);
          throw e;
        }
        await this.chain.saved(lineHash(lines[lines.length - 1]!), head.size + Buffer.byteLength(text));
        return { lines, written };
      });
      for (const m of this.options.mirrors ?? []) {
        for (const line of lines)
          await m.pushList(AUDIT_LIST, line).catch((e: Error) => this.options.onMirrorError?.(e));
      }
      return written;
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** `audit verify`: check the hash chain and name the first broken line. */
  async verify(): Promise<ChainVerdict> {
    await this.queue;
    return verifyChainFile(this.options.file);
  }

  /** Records matching the query, oldest first (the last `limit` when given). Lines that are not records are skipped. */
  async read(query: AuditQuery = {}): Promise<AuditRecord[]> {
    await this.queue;
    // zod (which validates each line) is loaded only when the log is read, not on every start.
    const { parseLine } = await import('./audit-record.js');
    const out: AuditRecord[] = [];
    let stream;
    try {
      stream = createReadStream(this.options.file, { encoding: 'utf8' });
      await new Promise<void>((resolve, reject) => {
        stream!.once('open', () => resolve());
        stream!.once('error', reject);
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      const rec = parseLine(line);
      if (rec && matches(rec, query)) out.push(rec);
    }
    return query.limit !== undefined ? out.slice(-query.limit) : out;
  }
}

export function matches(rec: AuditRecord, query: AuditQuery): boolean {
  if (query.target !== undefined && rec.target !== query.target) return false;
  if (query.since) {
    const t = Date.parse(rec.ts);
    if (!Number.isFinite(t) || t < query.since.getTime()) return false;
  }
  return true;
}

/** Redact and bound every string; drop undefined keys. */
function clean(record: AuditRecord): AuditRecord {
  const cut = (v: unknown): unknown => {
    if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
    if (Array.isArray(v)) return v.map(cut);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .map(([k, x]) => [k, cut(x)]),
      );
    return v;
  };
  // Redact the whole strings first: a cut could leave half a secret that no pattern recognises.
  return cut(redactDeep(record)) as AuditRecord;
}
