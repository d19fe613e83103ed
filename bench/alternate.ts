/**
 * An alternating harness for whole-process timings: every round runs each command once, in turn, so that load
 * from other work on the machine falls on all of them alike. Prints medians; asserts nothing.
 */
import { spawnSync } from 'node:child_process';

export interface Row {
  name: string;
  argv: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Exit codes that count as a normal run (default [0]). */
  ok?: number[];
}

export interface Timed {
  row: Row;
  ms: number[];
  /** Runs whose exit code was not in `ok`, with the first one's stderr. */
  failures: number;
  firstError?: string;
}

export function alternate(rows: readonly Row[], rounds: number, warmup = 1): Timed[] {
  const out: Timed[] = rows.map((row) => ({ row, ms: [], failures: 0 }));
  for (let round = -warmup; round < rounds; round++) {
    for (const t of out) {
      const t0 = performance.now();
      const r = spawnSync(t.row.argv[0]!, t.row.argv.slice(1), {
        cwd: t.row.cwd,
        env: { ...process.env, ...t.row.env },
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        timeout: 120_000,
      });
      const ms = performance.now() - t0;
      if (round < 0) continue;
      t.ms.push(ms);
      if (!(t.row.ok ?? [0]).includes(r.status ?? -1)) {
        t.failures++;
        t.firstError ??= `${r.error?.message ?? `exit ${r.status}`}: ${(r.stderr ?? '').trim().slice(0, 300)}`;
      }
    }
  }
  return out;
}

export function median(ms: readonly number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** One line per row: median, min, max, and a note when runs failed. */
export function printRows(timed: readonly Timed[]): void {
  const width = Math.max(...timed.map((t) => t.row.name.length));
  for (const t of timed) {
    const s = [...t.ms].sort((a, b) => a - b);
    const fail = t.failures ? `  (${t.failures} runs failed: ${t.firstError})` : '';
    console.log(
      `  ${t.row.name.padEnd(width)}  median ${seconds(median(s))}  min ${seconds(s[0]!)}  max ${seconds(s.at(-1)!)}${fail}`,
    );
  }
}
