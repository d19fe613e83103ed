/**
 * Parsing `systemctl show <unit> -p A,B,…` (KEY=VALUE lines) and decoding the
 * exit statuses systemd records, shared by the service-side checks. Properties
 * are machine-readable and stable across systemd versions, unlike the prose of
 * `systemctl status`, so checks read these instead.
 */

import type { Observation } from './check.js';
import { commandProblem, excerpt } from './output.js';
import type { ExecResult } from '../transport/transport.js';

/** Properties of one unit; only the keys systemd printed are present. */
export type UnitProperties = Readonly<Record<string, string>>;

/**
 * Read the state of a unit from `systemctl show` output: its properties, or the
 * observation to return instead (no result, transport problem, or output
 * without an ActiveState). Shared by the checks that look at a unit's state.
 */
export function readUnitState(
  res: ExecResult | undefined,
  unit: string,
  evidenceSize: { lines?: number; chars?: number } = {},
): { props: UnitProperties } | { observation: Omit<Observation, 'check'> } {
  if (!res)
    return {
      observation: {
        status: 'error',
        summary: '没有命令结果 / no command result',
        evidence: '',
        facts: {},
        signals: [],
      },
    };
  const problem = commandProblem(res, 'systemctl');
  if (problem) return { observation: problem };
  const props = parseSystemdShow(res.stdout);
  if (!props || props.ActiveState === undefined) {
    return {
      observation: {
        status: 'error',
        summary: `无法解析 systemctl show 输出 / could not read \`systemctl show ${unit}\` output`,
        evidence: excerpt(`${res.stdout}\n${res.stderr}`.trim(), evidenceSize.lines, evidenceSize.chars),
        facts: { exitCode: res.code },
        signals: [],
      },
    };
  }
  return { props };
}

const KEY = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Parse `systemctl show` output. Lines without `=` or with a key that is not a
 * property name are ignored (values may contain `=`). Returns `undefined` when
 * no property line was found at all (garbage, empty output).
 */
export function parseSystemdShow(text: string): UnitProperties | undefined {
  const props: Record<string, string> = {};
  let found = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    if (!KEY.test(key) || key.length > 64) continue;
    // The first occurrence wins: `systemctl show` prints each property once.
    if (!Object.hasOwn(props, key)) props[key] = line.slice(eq + 1);
    found = true;
  }
  return found ? Object.freeze(props) : undefined;
}

/** An integer property, or `null` when it is absent or not a number (older systemd lacks e.g. NRestarts). */
export function intProperty(props: UnitProperties, key: string): number | null {
  const v = props[key];
  if (v === undefined || !/^-?\d{1,10}$/.test(v.trim())) return null;
  return Number(v.trim());
}

/**
 * systemd's names for the exit statuses of a service's main process
 * (`src/basic/exit-status.c`); 0–7 are the generic/LSB ones.
 */
const EXIT_STATUS_NAMES: Readonly<Record<number, string>> = {
  0: 'SUCCESS',
  1: 'FAILURE',
  2: 'INVALIDARGUMENT',
  3: 'NOTIMPLEMENTED',
  4: 'NOPERMISSION',
  5: 'NOTINSTALLED',
  6: 'NOTCONFIGURED',
  7: 'NOTRUNNING',
  200: 'CHDIR',
  201: 'NICE',
  202: 'FDS',
  203: 'EXEC',
  204: 'MEMORY',
  205: 'LIMITS',
  206: 'OOM_ADJUST',
  207: 'SIGNAL_MASK',
  208: 'STDIN',
  209: 'STDOUT',
  210: 'CHROOT',
  211: 'IOPRIO',
  212: 'TIMERSLACK',
  213: 'SECUREBITS',
  214: 'SETSCHEDULER',
  215: 'CPUAFFINITY',
  216: 'GROUP',
  217: 'USER',
  218: 'CAPABILITIES',
  219: 'CGROUP',
  220: 'SETSID',
  221: 'CONFIRM',
  222: 'STDERR',
  224: 'PAM',
  225: 'NETWORK',
  226: 'NAMESPACE',
  227: 'NO_NEW_PRIVILEGES',
  228: 'SECCOMP',
  229: 'SELINUX_CONTEXT',
  230: 'PERSONALITY',
  231: 'APPARMOR_PROFILE',
  232: 'ADDRESS_FAMILIES',
  233: 'RUNTIME_DIRECTORY',
  235: 'CHOWN',
  236: 'SMACK_PROCESS_LABEL',
  237: 'KEYRING',
  238: 'STATE_DIRECTORY',
  239: 'CACHE_DIRECTORY',
  240: 'LOGS_DIRECTORY',
  241: 'CONFIGURATION_DIRECTORY',
  242: 'NUMA_POLICY',
  243: 'CREDENTIALS',
  245: 'BPF',
};

/** Signal names by number on Linux x86/ARM, for main processes killed by a signal. */
const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
};

/** `217` → `USER`; unknown numbers → `undefined`. */
export function exitStatusName(status: number): string | undefined {
  return EXIT_STATUS_NAMES[status];
}

/** How the main process ended, from `ExecMainCode` (the `si_code` of its SIGCHLD). */
export type ExitCodeKind = 'none' | 'exited' | 'killed' | 'dumped' | 'unknown';

export function exitCodeKind(execMainCode: number | null): ExitCodeKind {
  switch (execMainCode) {
    case null:
    case 0:
      return 'none';
    case 1:
      return 'exited';
    case 2:
      return 'killed';
    case 3:
      return 'dumped';
    default:
      return 'unknown';
  }
}

/**
 * Human label of the main process's last exit, as `systemctl status` prints it:
 * `217/USER`, `1/FAILURE`, `9/SIGKILL`, or the bare number when unnamed.
 */
export function describeExit(status: number, kind: ExitCodeKind): string {
  const name = kind === 'killed' || kind === 'dumped' ? SIGNAL_NAMES[status] : EXIT_STATUS_NAMES[status];
  return name ? `${status}/${name}` : String(status);
}

/** The parts of an `ExecStart={ path=… ; argv[]=… ; … status=N }` property the checks use. */
export interface ExecStartInfo {
  path: string;
  argv: string;
  /** `status=` of the last run, when systemd recorded one (`0/0` → 0). */
  status: number | null;
}

/** Parse the first command of an `ExecStart=` (or `ExecStartEx=`) property value. */
export function parseExecStart(value: string | undefined): ExecStartInfo | undefined {
  if (!value) return undefined;
  const path = /(?:^|[{;]\s*)path=([^\s;]+)/.exec(value)?.[1];
  if (!path) return undefined;
  const argv = /argv\[\]=(.*?)\s;\s(?:ignore_errors|flags)=/.exec(value)?.[1] ?? path;
  const st = /\bstatus=(\d+)/.exec(value);
  return { path, argv, status: st ? Number(st[1]) : null };
}

/**
 * A name from a property (User=, Group=, a path) as it may appear in a one-line
 * summary: control and bidi-override characters replaced, length bounded.
 */
export function printable(name: string, max = 64): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
