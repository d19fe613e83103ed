import { createHash } from 'node:crypto';

/** `prev` of the very first record of a log: nothing came before it. */
export const GENESIS = '0'.repeat(64);

/** The link to a line: sha256 over its exact text (UTF-8, without the newline), hex. */
export function lineHash(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

export type ChainVerdict =
  | {
      ok: true;
      /** Lines read, chained records among them, and lines written before the chain existed (at the top). */
      lines: number;
      chained: number;
      legacy: number;
      /** The hash of the last line: the next record links to it. */
      last: string;
      /** The file starts with a rotation record: the hash it links to, and whether the previous file matched. */
      rotatedFrom?: { hash: string; checked: boolean };
    }
  | { ok: false; line: number; reason: string; lines: number };

/**
 * Check a hash chain, one line at a time (feed lines in order, then `end()`).
 * Every record after the first must carry `prev` = sha256 of the line before
 * it; the first is linked to {@link GENESIS}, or is an `audit.rotated` record
 * linking to the previous file. Lines without `prev` are accepted only at the
 * top (written before the chain existed). Pure: no I/O.
 */
export class ChainChecker {
  private n = 0;
  private chained = 0;
  private legacy = 0;
  private previous: string | undefined;
  private broken: { line: number; reason: string } | undefined;
  private rotatedFrom: string | undefined;

  /** @param previousFileLast hash of the last line of the rotated file, when it is at hand. */
  constructor(private readonly previousFileLast?: string) {}

  push(line: string): void {
    this.n++;
    if (this.broken) return;
    let rec: { prev?: unknown; event?: unknown } | undefined;
    try {
      const v = JSON.parse(line) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) rec = v as typeof rec;
    } catch {
      // not JSON: reported below
    }
    const fail = (reason: string) => {
      this.broken = { line: this.n, reason };
    };
    if (!rec) return fail('not a JSON record (edited, or cut short by a full disk)');
    if (typeof rec.prev !== 'string') {
      if (this.chained > 0) return fail('the record has no `prev` hash (inserted, or edited)');
      this.legacy++;
    } else if (this.chained === 0 && this.legacy === 0) {
      if (rec.event === 'audit.rotated') {
        this.rotatedFrom = rec.prev;
        if (this.previousFileLast !== undefined && rec.prev !== this.previousFileLast)
          return fail('the rotation record does not link to the last record of the previous file');
      } else if (rec.prev !== GENESIS)
        return fail('the first record does not start the chain (lines removed above it?)');
      this.chained++;
    } else {
      if (rec.prev !== this.previous)
        return fail(
          '`prev` does not match the hash of the line before (a line before it was changed, removed or inserted)',
        );
      this.chained++;
    }
    this.previous = lineHash(line);
  }

  end(): ChainVerdict {
    if (this.broken) return { ok: false, ...this.broken, lines: this.n };
    return {
      ok: true,
      lines: this.n,
      chained: this.chained,
      legacy: this.legacy,
      last: this.previous ?? GENESIS,
      ...(this.rotatedFrom !== undefined
        ? { rotatedFrom: { hash: this.rotatedFrom, checked: this.previousFileLast !== undefined } }
        : {}),
    };
  }
}

/** `audit verify` as text: Chinese first, English beside it; the first broken line by number. */
export function formatVerify(v: ChainVerdict, file = 'the audit log'): string {
  if (!v.ok)
    return (
      `✘ 审计日志被改动或损坏 / ${file} is broken at line ${v.line}: ${v.reason}` +
      `\n下一步 / Next: compare line ${v.line} with the Redis copy or a backup;` +
      ' keep this file as evidence (do not fix it in place)'
    );
  const parts = [`✔ 审计日志完整 / ${file} verified: ${v.chained} chained records in ${v.lines} lines`];
  if (v.legacy) parts.push(`${v.legacy} older lines at the top were written before the chain existed`);
  if (v.rotatedFrom)
    parts.push(
      v.rotatedFrom.checked
        ? `continues the rotated file (link ${v.rotatedFrom.hash.slice(0, 12)}… checked)`
        : `continues a rotated file (link ${v.rotatedFrom.hash.slice(0, 12)}…` +
            `; that file was not found next to it, so the link was not checked)`,
    );
  return parts.join('; ');
}
