import type { Target } from '../config/target.js';
import { targetPaths } from '../config/target.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import { clip, commandProblem, excerpt } from './output.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

/** Full at this use (%) or below this free space: writes fail soon (logs, SQLite, uploads). */
export const FULL_PERCENT = 95;
export const FULL_FREE_KB = 100 * 1024;
/** Low: worth a warning. */
export const LOW_PERCENT = 90;
export const LOW_FREE_KB = 500 * 1024;

/**
 * Where the backend writes: its logs, the backend folder (SQLite database, media),
 * the system logs (journal, nginx) and the MySQL data folder when there is one.
 */
export function diskPaths(target: Target): string[] {
  const p = targetPaths(target);
  return [...new Set([p.logDir, p.backend, p.mediaDir, '/var/log', '/var/lib/mysql', '/tmp'])];
}

export interface DfLine {
  path: string;
  filesystem: string;
  total: number;
  used: number;
  free: number;
  percent: number;
  /** Inodes used (%); 0 where the file system has no inode count (btrfs prints `-`). */
  inodePercent: number;
  mount: string;
}

const ROW = /^(\S.*?)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+%|-)\s+(\d+%|-)\s+(\/.*)$/;

/** The columns asked of GNU df (coreutils ≥ 8.21: Kylin V10, CentOS 7, Debian): blocks and inodes in one run. */
const COLUMNS = '--output=source,size,used,avail,pcent,ipcent,target';

/**
 * `df` rows matched to the paths asked for: df prints one row per path that
 * exists, in order, and an error line for each missing one.
 */
export function parseDf(stdout: string, stderr: string, paths: readonly string[]): DfLine[] {
  const missing = new Set<string>();
  for (const m of stderr.slice(0, 64 * 1024).matchAll(/^df: ['‘]?(\/[^\n]*?)['’]?: /gm)) missing.add(m[1]!);
  const present = paths.filter((p) => !missing.has(p));
  const rows: DfLine[] = [];
  for (const line of stdout.split('\n', 200).slice(1)) {
    if (line.length > 2000) continue;
    const m = ROW.exec(line.replace(/\r$/, ''));
    if (!m) continue;
    const path = present[rows.length];
    if (path === undefined) break;
    rows.push({
      path,
      filesystem: m[1]!,
      total: Number(m[2]),
      used: Number(m[3]),
      free: Number(m[4]),
      percent: m[5] === '-' ? 0 : parseInt(m[5]!, 10),
      inodePercent: m[6] === '-' ? 0 : parseInt(m[6]!, 10),
      mount: m[7]!,
    });
  }
  return rows;
}

const mb = (kb: number) =>
  kb >= 10 * 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(0)} GB` : `${Math.floor(kb / 1024)} MB`;

/** Free space and inodes on the file systems the backend writes to. */
export const diskSpace = defineCheck({
  id: 'disk-space',
  title: '磁盘空间（日志与数据库所在位置）',
  titleEn: 'Disk space where the logs and the database live',
  signals: {
    'space-ok': `every file system the backend writes to has space (< ${LOW_PERCENT}% used)`,
    'disk-full': `a file system is full (≥ ${FULL_PERCENT}% or < 100 MB free): logs, the SQLite database, uploads fail`,
    'disk-low': `a file system is getting full (≥ ${LOW_PERCENT}% or < 500 MB free)`,
    'inodes-full': `a file system has no inodes left (≥ ${FULL_PERCENT}%): "No space left on device" with free blocks`,
  },
  commands: (target) => [{ argv: ['df', '-k', COLUMNS, ...diskPaths(target)], timeoutMs: 8000 }],
  interpret([blocks], target): Result {
    if (!blocks)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(blocks, 'df');
    if (problem) return problem;
    const paths = diskPaths(target);
    const rows = parseDf(blocks.stdout, blocks.stderr, paths);
    if (rows.length === 0)
      return {
        status: 'error',
        summary: `无法识别的 df 输出 / df printed no usable row (exit ${blocks.code ?? 'none'})`,
        evidence: excerpt(`${blocks.stdout}\n${blocks.stderr}`.trim(), 6, 600),
        facts: {},
        signals: [],
      };
    return judge(rows);
  },
});

function judge(rows: DfLine[]): Result {
  const signals: string[] = [];
  const notes: string[] = [];
  let status: CheckStatus = 'ok';
  const add = (signal: string, s: CheckStatus, note: string) => {
    if (!signals.includes(signal)) signals.push(signal);
    notes.push(note);
    status = worseStatus(status, s);
  };
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.mount)) continue;
    seen.add(r.mount);
    const where = `${clip(r.mount, 80)} (${clip(r.path, 80)})`;
    if (r.percent >= FULL_PERCENT || (r.free < FULL_FREE_KB && r.total > 0))
      add('disk-full', 'fail', `磁盘已满 / ${where} is ${r.percent}% full, ${mb(r.free)} free`);
    else if (r.percent >= LOW_PERCENT || (r.free < LOW_FREE_KB && r.total > 0))
      add('disk-low', 'warn', `磁盘空间不足 / ${where} is ${r.percent}% full, ${mb(r.free)} free`);
  }
  const seenInodes = new Set<string>();
  for (const r of rows) {
    if (seenInodes.has(r.mount)) continue;
    seenInodes.add(r.mount);
    if (r.inodePercent >= FULL_PERCENT)
      add('inodes-full', 'fail', `inode 已用完 / ${clip(r.mount, 80)} uses ${r.inodePercent}% of its inodes`);
  }
  const table = rows
    .filter((r, i) => rows.findIndex((x) => x.mount === r.mount) === i)
    .slice(0, 10)
    .map((r) => `${clip(r.mount, 60)}  ${r.percent}% used, ${mb(r.free)} free  (${clip(r.path, 60)})`)
    .join('\n');
  const facts = {
    mounts: rows.slice(0, 10).map((r) => `${clip(r.mount, 80)}:${r.percent}%`),
    fullest: Math.max(...rows.map((r) => r.percent)),
  };
  if (signals.length === 0)
    return {
      status: 'ok',
      summary: `磁盘空间充足 / disk space is fine (fullest ${facts.fullest}% used)`,
      evidence: table,
      facts,
      signals: ['space-ok'],
    };
  return { status, summary: clip(notes.join('; '), 550), evidence: table, facts, signals };
}
