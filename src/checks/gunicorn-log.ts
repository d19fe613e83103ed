import type { CheckStatus, FactValue } from './check.js';
import { clip, tailExcerpt } from './output.js';
import { FAILING_LOG_SIGNALS, ORDER, RULES, STARTUP_LOG_SIGNALS, type LogSignal } from './gunicorn-log-rules.js';

export {
  FAILING_LOG_SIGNALS,
  LOG_SIGNALS,
  STARTUP_LOG_SIGNALS,
  SYSTEMD_ONLY_SIGNALS,
  type LogSignal,
} from './gunicorn-log-rules.js';

/**
 * Classifier of gunicorn / Django / systemd log lines, shared by
 * `backend-journal` (journalctl) and `backend-error-log` (gunicorn's
 * `--error-logfile`). Wording differs between versions (gunicorn 20–23,
 * systemd 239 on Kylin V10 vs 252 on Debian 12), so the patterns key on the
 * stable fragments: `WORKER TIMEOUT`, `status=217`, `Failed at step USER` …
 */

/** Lines longer than this are only inspected up to it (a 5 MB line must not stall the bot). */
const MAX_LINE = 4000;

export interface SignalHits {
  count: number;
  /** 0-based index of the last line that matched. */
  lastIndex: number;
  /** The last matching line (trimmed to a readable length). */
  lastLine: string;
}

export interface LogClassification {
  /** Recognised signals, most serious first. */
  signals: LogSignal[];
  hits: Partial<Record<LogSignal, SignalHits>>;
  /** Worker pids named in SIGTERM / TIMEOUT / SIGKILL lines, in order of appearance, de-duplicated. */
  sigtermPids: string[];
  timeoutPids: string[];
  killedPids: string[];
  /** Hosts Django rejected (from `Invalid HTTP_HOST header: 'x'`). */
  disallowedHosts: string[];
  /** Index of the last line showing a (re)start that worked (`Started …`, `Listening at:`, `Booting worker`), or -1. */
  lastStartIndex: number;
  /** Non-empty lines inspected. */
  lineCount: number;
  /** Lines that look like journal or gunicorn log lines (timestamped). */
  logLikeLines: number;
  lines: string[];
}

const JOURNAL_LINE =
  /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)\S* \S+ \S+?(?:\[\d+\])?: /;
const GUNICORN_LINE = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[ ,.][^\]]*)?\] \[\d+\] \[[A-Z]+\]/;
const JOURNAL_HEADER = /^-- (?:Logs begin at|Journal begins at|No entries|Boot |Reboot)/;
const STARTED = /systemd\[\d+\]: Started |\bListening at: |\bBooting worker with pid/;

/**
 * Classify log text (journalctl output, gunicorn error log). Pure, never throws.
 * `exclude` drops signals that cannot come from this source (systemd-only ones
 * in gunicorn's own log).
 */
export function classifyLog(text: string, exclude: readonly LogSignal[] = []): LogClassification {
  const rules = RULES.filter((r) => !exclude.includes(r.signal));
  const lines = text.replace(/\r/g, '').split('\n');
  const hits: Partial<Record<LogSignal, SignalHits>> = {};
  const sigtermPids: string[] = [];
  const timeoutPids: string[] = [];
  const killedPids: string[] = [];
  const disallowedHosts: string[] = [];
  let lastStartIndex = -1;
  let lineCount = 0;
  let logLikeLines = 0;
  const kept: string[] = [];

  for (const full of lines) {
    if (full.trim() === '') continue;
    const line = full.length > MAX_LINE ? full.slice(0, MAX_LINE) : full;
    const index = kept.length;
    kept.push(line);
    lineCount++;
    if (JOURNAL_LINE.test(line) || GUNICORN_LINE.test(line) || JOURNAL_HEADER.test(line)) logLikeLines++;
    if (STARTED.test(line)) lastStartIndex = index;
    for (const rule of rules) {
      if (!rule.test.test(line)) continue;
      const h = hits[rule.signal];
      const shown = clip(line, 300);
      if (h) {
        h.count++;
        h.lastIndex = index;
        h.lastLine = shown;
      } else {
        hits[rule.signal] = { count: 1, lastIndex: index, lastLine: shown };
      }
    }
    collect(/Worker \(pid:\s*(\d+)\) was sent SIGTERM/i, line, sigtermPids);
    collect(/WORKER TIMEOUT \(pid:\s*(\d+)\)/i, line, timeoutPids);
    collect(/Worker \(pid:\s*(\d+)\) was sent SIGKILL/i, line, killedPids);
    collect(/Invalid HTTP_HOST header: '([^']{1,253})'/, line, disallowedHosts);
  }
  const signals = ORDER.filter((s) => hits[s] !== undefined);
  return {
    signals,
    hits,
    sigtermPids,
    timeoutPids,
    killedPids,
    disallowedHosts,
    lastStartIndex,
    lineCount,
    logLikeLines,
    lines: kept,
  };
}

function collect(re: RegExp, line: string, into: string[]): void {
  const m = re.exec(line);
  if (m?.[1] && !into.includes(m[1]) && into.length < 50) into.push(m[1]);
}

/** One-line bilingual explanation of a signal for summaries. */
export const LOG_SIGNAL_TEXT: Readonly<Record<LogSignal, string>> = {
  'worker-sigterm': '工作进程收到 SIGTERM（重启/重载时属正常） / worker SIGTERM (normal during restarts/reloads)',
  'worker-timeout': '工作进程超时 / WORKER TIMEOUT',
  'worker-oom': '工作进程被杀（疑似内存不足） / worker killed (SIGKILL, likely out of memory)',
  'address-in-use': '端口已被占用 / address already in use',
  'permission-denied': '权限不足 / permission denied',
  'module-import-error': '应用导入失败 / the WSGI application failed to import',
  'disallowed-host': 'Host 不在 ALLOWED_HOSTS 中 / DisallowedHost (ALLOWED_HOSTS)',
  'no-such-table': '数据库缺少表（迁移未执行） / no such table (migrations not applied)',
  'database-unavailable': '无法打开或连接数据库 / the database cannot be opened or reached (OperationalError)',
  'exit-217-user': 'User= 指定的用户不存在 (217/USER) / User= does not exist (217/USER)',
  'exit-200-chdir': 'WorkingDirectory 无法进入 (200/CHDIR) / WorkingDirectory missing (200/CHDIR)',
  'exit-203-exec': 'ExecStart 无法执行 (203/EXEC) / ExecStart not executable (203/EXEC)',
  'unit-syntax': 'unit 文件有被忽略的行 / systemd ignored lines of the unit file',
  'no-entries': '日志中没有该服务的记录 / no journal entries for the unit',
  'journal-access-denied': '无权限读取系统日志 / no permission to read the system journal',
};

/** The lines that prove the given signals (last occurrence of each, in log order), plus context. */
export function evidenceLines(c: LogClassification, signals: readonly LogSignal[], max = 12): string {
  const idx = new Set<number>();
  for (const s of signals) {
    const h = c.hits[s];
    if (h) idx.add(h.lastIndex);
  }
  // Add a few earlier matching lines of the same signals when there is room.
  if (idx.size < max) {
    for (let i = c.lines.length - 1; i >= 0 && idx.size < max; i--) {
      if (idx.has(i)) continue;
      const line = c.lines[i] ?? '';
      if (RULES.some((r) => signals.includes(r.signal) && r.test.test(line))) idx.add(i);
    }
  }
  return [...idx]
    .sort((a, b) => a - b)
    .slice(-max)
    .map((i) => c.lines[i] ?? '')
    .join('\n');
}

/**
 * True when the text looks like binary garbage rather than a log: NUL bytes,
 * or many replacement/control characters (non-UTF-8 decoded as U+FFFD).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  if (sample.includes('\0')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || c === 0x7f) bad++;
  }
  return bad / sample.length > 0.1;
}

/** Where a classified log came from, for summaries. */
export type LogSource = 'journal' | 'error log';

const SOURCE_ZH: Readonly<Record<LogSource, string>> = { journal: '服务日志', 'error log': '错误日志' };

/**
 * Status and one-line summary for a classified log, shared by `backend-journal`
 * and `backend-error-log`. `fail` for current breakage (timeouts, OOM kills, a
 * startup failure not followed by a successful start); `warn` for history and
 * oddities (unit syntax, DisallowedHost, no entries); `error` when the journal
 * is not readable; `ok` otherwise, including worker SIGTERM lines alone, which
 * gunicorn logs whenever it replaces workers on a reload or restart.
 */
export function judgeLog(
  c: LogClassification,
  source: LogSource,
  raw: string,
): { status: CheckStatus; summary: string; evidence: string; facts: Record<string, FactValue>; signals: string[] } {
  const facts = logFacts(c);
  if (c.signals.length === 0) {
    return {
      status: 'ok',
      summary: `${SOURCE_ZH[source]}中未发现问题 / no problems in the backend ${source} (${c.lineCount} lines)`,
      evidence: tailExcerpt(raw, 6),
      facts,
      signals: [],
    };
  }
  const failing = c.signals.filter((s) => FAILING_LOG_SIGNALS.includes(s));
  const current = failing.filter(
    (s) => !(STARTUP_LOG_SIGNALS.includes(s) && c.lastStartIndex > (c.hits[s]?.lastIndex ?? -1)),
  );
  let status: CheckStatus;
  if (current.length > 0) status = 'fail';
  else if (c.signals.includes('journal-access-denied')) status = 'error';
  else if (
    failing.length > 0 ||
    c.signals.some((s) => s === 'unit-syntax' || s === 'disallowed-host' || s === 'no-entries')
  )
    status = 'warn';
  else status = 'ok';

  const shown = (current.length > 0 ? current : c.signals).slice(0, 3);
  const zh = shown.map((s) => LOG_SIGNAL_TEXT[s].split(' / ')[0]).join('；');
  const en = shown.map((s) => LOG_SIGNAL_TEXT[s].split(' / ')[1]).join('; ');
  let note = '';
  if (failing.length > 0 && current.length === 0) note = ' (before the last successful start)';
  if (status === 'ok') note = `, ${c.hits['worker-sigterm']?.count ?? 0} line(s); no timeouts or OOM kills`;
  return {
    status,
    summary: `${SOURCE_ZH[source]}：${zh} / backend ${source}: ${en}${note}`,
    evidence: evidenceLines(c, c.signals),
    facts,
    signals: [...c.signals],
  };
}

function logFacts(c: LogClassification): Record<string, FactValue> {
  const facts: Record<string, FactValue> = { lines: c.lineCount };
  for (const s of c.signals) facts[`${camel(s)}Count`] = c.hits[s]?.count ?? 0;
  if (c.sigtermPids.length) facts.sigtermPids = c.sigtermPids;
  if (c.timeoutPids.length) facts.timeoutPids = c.timeoutPids;
  if (c.killedPids.length) facts.killedPids = c.killedPids;
  if (c.disallowedHosts.length) facts.disallowedHosts = c.disallowedHosts;
  const worst = c.signals.find((s) => s !== 'worker-sigterm') ?? c.signals[0];
  if (worst) facts.lastProblem = c.hits[worst]?.lastLine ?? null;
  return facts;
}

function camel(s: string): string {
  return s.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}
