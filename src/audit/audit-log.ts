import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { redactDeep } from '../redact.js';

/** What happened. `action.*` events follow one approval from request to result. */
export const AUDIT_EVENTS = [
  'diagnosis',
  'check',
  'action.requested',
  'action.approved',
  'action.denied',
  'action.expired',
  'action.refused',
  'action.executed',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** One line of the audit log. Only `ts` and `event` are always present. */
export const auditRecordSchema = z.object({
  ts: z.string(),
  event: z.enum(AUDIT_EVENTS),
  /** Who: a Slack user ID, or `console:<login>` for the terminal. */
  user: z.string().optional(),
  via: z.enum(['slack', 'console', 'cli']).optional(),
  target: z.string().optional(),
  host: z.string().optional(),
  playbook: z.string().optional(),
  check: z.string().optional(),
  action: z.string().optional(),
  approvalId: z.string().optional(),
  /** The exact argv run (or to be run) with `sudo -n`. */
  command: z.array(z.array(z.string())).optional(),
  exitCode: z.number().nullable().optional(),
  durationMs: z.number().optional(),
  /** Diagnosis verdict, check status, or the action's post-check verdict. */
  verdict: z.string().optional(),
  /** Why: the requester's reason, the denial reason, the refusal. */
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type AuditEntry = Omit<AuditRecord, 'ts'> & { ts?: string };

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
 * (no secrets), never rewritten. Appends go through `O_APPEND`, one write per
 * line, in order within the process.
 */
export class AuditLog {
  private queue: Promise<unknown> = Promise.resolve();
  private dirReady: Promise<unknown> | undefined;

  constructor(private readonly options: AuditLogOptions) {}

  get file(): string {
    return this.options.file;
  }

  /** Write one record; resolves with what was written. Rejects only if the file cannot be written. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    const record = clean({ ...entry, ts: entry.ts ?? (this.options.now?.() ?? new Date()).toISOString() });
    const line = JSON.stringify(record);
    const write = this.queue.then(async () => {
      this.dirReady ??= mkdir(dirname(this.options.file), { recursive: true, mode: 0o700 });
      await this.dirReady;
      await appendFile(this.options.file, `${line}\n`, { flag: 'a', mode: 0o600 });
      for (const m of this.options.mirrors ?? []) {
        await m.pushList(AUDIT_LIST, line).catch((e: Error) => this.options.onMirrorError?.(e));
      }
      return record;
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Records matching the query, oldest first (the last `limit` when given). Lines that are not records are skipped. */
  async read(query: AuditQuery = {}): Promise<AuditRecord[]> {
    await this.queue;
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

/** Parse one JSON line into a record, or undefined. */
export function parseLine(line: string): AuditRecord | undefined {
  if (!line.trim()) return undefined;
  try {
    const parsed = auditRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
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
