import type { ExecResult } from '../transport/transport.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import { clip, commandProblem } from './output.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

/** Kernel and systemd lines that record an OOM kill (wording of kernels 3.10 to 6.x, systemd 219 to 255). */
const KERNEL_OOM = new RegExp(
  [
    /Out of memory: Kill(?:ed)? process \d+ \(([^)]{1,64})\)/,
    /Memory cgroup out of memory: Kill(?:ed)? process \d+ \(([^)]{1,64})\)/,
    /oom-kill:.{0,400}?task=([^,\s]{1,64})/,
  ]
    .map((r) => r.source)
    .join('|'),
);
const INVOKED = /\b([\w.-]{1,64}) invoked oom-killer:/;
const UNIT_OOM =
  /A process of this unit has been killed by the OOM killer|Failed with result 'oom-kill'|due to memory pressure/;
const GUNICORN_OOM = /Worker \(pid:\s*\d+\) was sent SIGKILL! Perhaps out of memory\?/;
const BACKEND_TASKS = /^(gunicorn|python[\d.]*|uwsgi)$/;

export interface OomScan {
  backend: string[];
  other: string[];
  unit: string[];
  gunicorn: string[];
}

/** The OOM lines of the kernel log and the unit's journal, split by whose process died. At most 20 of each. */
export function scanOom(kernel: string, journal: string, service: string): OomScan {
  const out: OomScan = { backend: [], other: [], unit: [], gunicorn: [] };
  const push = (list: string[], line: string) => {
    if (list.length < 20) list.push(clip(line.trim(), 300));
  };
  for (const line of kernel.split('\n', 20_000)) {
    if (line.length > 4000) continue;
    const m = KERNEL_OOM.exec(line);
    if (m) {
      const task = m[1] ?? m[2] ?? m[3] ?? '';
      const mine = BACKEND_TASKS.test(task) || line.includes(`/${service}.service`);
      push(mine ? out.backend : out.other, line);
    } else if (INVOKED.test(line) && line.includes(`${service}.service`)) push(out.backend, line);
  }
  for (const line of journal.split('\n', 20_000)) {
    if (line.length > 4000) continue;
    if (UNIT_OOM.test(line)) push(out.unit, line);
    else if (GUNICORN_OOM.test(line)) push(out.gunicorn, line);
  }
  return out;
}

/** `MemoryMax`, `MemoryHigh`, `MemoryCurrent` from `systemctl show`: bytes, or null for infinity/unset. */
export function parseMemory(text: string): { max: number | null; high: number | null; current: number | null } {
  const get = (k: string): number | null => {
    const m = new RegExp(`^${k}=(\\d{1,20})\\s*$`, 'm').exec(text.slice(0, 16 * 1024));
    return m ? Number(m[1]) : null;
  };
  return { max: get('MemoryMax') ?? get('MemoryLimit'), high: get('MemoryHigh'), current: get('MemoryCurrent') };
}

const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;

/** OOM kills of the backend's workers, and the memory limit of its unit. */
export const backendMemory = defineCheck({
  id: 'backend-memory',
  title: '内存：OOM 与 MemoryMax',
  titleEn: 'Memory: OOM kills and MemoryMax',
  signals: {
    'memory-ok': 'no OOM kill in the kernel log or the unit journal; no tight MemoryMax',
    'backend-oom-killed': "the kernel's OOM killer killed gunicorn workers (kernel log, or the unit's Result=oom-kill)",
    'other-oom-killed': 'the OOM killer killed other processes on this host (memory pressure)',
    'memory-max-set': 'the unit sets MemoryMax (or MemoryLimit): its workers are killed at that limit',
    'near-memory-max': 'the unit uses ≥ 90 % of its MemoryMax',
  },
  commands: (target) => [
    {
      argv: ['systemctl', 'show', target.service, '-p', 'MemoryMax,MemoryHigh,MemoryLimit,MemoryCurrent,Result'],
      timeoutMs: 8000,
    },
    { argv: ['journalctl', '-k', '-n', '2000', '--no-pager', '-o', 'short-iso'], timeoutMs: 10_000 },
  ],
  // The unit's own journal (systemd's and gunicorn's OOM lines) is backend-journal's: its worker-oom signal.
  interpret([show, kernel], target): Result {
    if (!show || !kernel)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(show, 'systemctl');
    if (problem) return problem;
    const usable = (r: ExecResult) => (commandProblem(r, 'journalctl') ? '' : r.stdout);
    const mem = parseMemory(show.stdout);
    const result = /^Result=(.{0,40})$/m.exec(show.stdout)?.[1]?.trim() ?? '';
    const scan = scanOom(usable(kernel), '', target.service);
    if (result === 'oom-kill') scan.unit.unshift(`${target.service}.service: Result=oom-kill`);
    return judge(scan, mem);
  },
});

function judge(scan: OomScan, mem: ReturnType<typeof parseMemory>): Result {
  const signals: string[] = [];
  const notes: string[] = [];
  let status: CheckStatus = 'ok';
  const add = (signal: string, s: CheckStatus, note: string) => {
    signals.push(signal);
    notes.push(note);
    status = worseStatus(status, s);
  };
  const backendKills = scan.backend.length + scan.unit.length + scan.gunicorn.length;
  const limit = mem.max !== null ? ` (MemoryMax=${mib(mem.max)})` : '';
  if (backendKills > 0)
    add(
      'backend-oom-killed',
      'fail',
      `后端工作进程被 OOM 杀死 / gunicorn workers were killed for lack of memory: ${backendKills} record(s)${limit}`,
    );
  else if (scan.other.length > 0)
    add(
      'other-oom-killed',
      'warn',
      `其他进程被 OOM 杀死 / the OOM killer killed other processes (${scan.other.length})`,
    );
  if (mem.max !== null) signals.push('memory-max-set');
  if (mem.max !== null && mem.current !== null && mem.current >= 0.9 * mem.max)
    add('near-memory-max', 'warn', `接近内存上限 / the unit uses ${mib(mem.current)} of MemoryMax=${mib(mem.max)}`);
  const evidence = [...scan.unit, ...scan.gunicorn, ...scan.backend, ...scan.other].slice(0, 10).join('\n');
  const facts = {
    memoryMax: mem.max,
    memoryCurrent: mem.current,
    backendOomRecords: backendKills,
    otherOomRecords: scan.other.length,
  };
  if (notes.length === 0)
    return {
      status: 'ok',
      summary:
        `没有 OOM 记录 / no OOM kill in the kernel log or the unit journal` +
        (mem.max !== null ? `; MemoryMax=${mib(mem.max)}` : '; no MemoryMax'),
      evidence: mem.current !== null ? `MemoryCurrent=${mib(mem.current)}${limit}` : '',
      facts,
      signals: ['memory-ok', ...signals],
    };
  return {
    status,
    summary: clip(notes.join('; '), 550),
    evidence: clip(`${evidence}${mem.max !== null ? `\nMemoryMax=${mem.max}` : ''}`, 1800),
    facts,
    signals,
  };
}
