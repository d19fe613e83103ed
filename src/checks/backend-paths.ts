import { targetPaths } from '../config/target.js';
import { defineCheck, type CheckStatus, type FactValue } from './check.js';
import { commandProblem, excerpt } from './output.js';
import { parseExecStart, parseSystemdShow, printable } from './systemd-show.js';

/** One path as `stat -c %n|%U|%G|%a|%F` printed it. */
export interface StatEntry {
  path: string;
  owner: string;
  group: string;
  /** Permission bits in octal as stat prints them (`755`, `2775`). */
  mode: string;
  type: string;
}

export interface StatOutput {
  entries: Map<string, StatEntry>;
  /** Paths stat said do not exist (ENOENT, ENOTDIR). */
  missing: Set<string>;
  /** Paths the bot user could not look at (EACCES): unknown, not missing. */
  unknown: Set<string>;
}

export const STAT_FORMAT = '%n|%U|%G|%a|%F';

/** Parse `stat -c '%n|%U|%G|%a|%F' paths…`: stdout lines plus `stat: cannot stat[x] 'p': reason` on stderr. */
export function parseStat(stdout: string, stderr: string): StatOutput {
  const entries = new Map<string, StatEntry>();
  for (const raw of stdout.split('\n')) {
    const f = raw.replace(/\r$/, '').split('|');
    if (f.length < 5) continue;
    // The name is everything before the last four fields (a path may contain `|`).
    const [owner, group, mode, type] = f.slice(-4) as [string, string, string, string];
    if (!/^[0-7]{1,4}$/.test(mode)) continue;
    const path = f.slice(0, -4).join('|');
    entries.set(path, { path, owner, group, mode, type });
  }
  const missing = new Set<string>();
  const unknown = new Set<string>();
  for (const m of stderr.matchAll(/cannot stat(?:x)? ['‘"](.+?)['’"]: (.+)/g)) {
    const path = m[1] ?? '';
    if (/No such file|Not a directory/i.test(m[2] ?? '')) missing.add(path);
    else unknown.add(path);
  }
  return { entries, missing, unknown };
}

type Want = 'r' | 'w' | 'x';

/**
 * May `user` (primary group `group`) do `want` on the entry, judging only by
 * owner, group and mode. `'maybe'` when only a supplementary group we cannot
 * see could allow it. Root may do anything.
 */
export function mayAccess(e: StatEntry, user: string, group: string, want: Want[]): true | false | 'maybe' {
  if (user === '' || user === 'root' || user === '0') return true;
  const bits = e.mode.padStart(3, '0').slice(-3);
  const digit = (i: number) => Number(bits[i]);
  const allows = (d: number) => want.every((w) => (w === 'r' ? d & 4 : w === 'w' ? d & 2 : d & 1));
  if (e.owner === user) return allows(digit(0));
  const primary = group || user; // without Group= systemd uses the user's primary group, usually named like the user
  if (e.group === primary) return allows(digit(1));
  if (allows(digit(2))) return true;
  return allows(digit(1)) ? 'maybe' : false;
}

const isDir = (e: StatEntry) => e.type === 'directory' || e.type === 'symbolic link';

/** Do the backend's files exist, and may the service user use them. */
export const backendPaths = defineCheck({
  id: 'backend-paths',
  title: '后端目录与权限',
  titleEn: 'Backend paths and permissions',
  signals: {
    'workdir-missing': 'the backend directory (WorkingDirectory) does not exist',
    'gunicorn-missing': 'the configured gunicorn does not exist',
    'wsgi-missing': 'the WSGI module file does not exist',
    'logdir-missing': 'the log directory does not exist',
    'logdir-not-writable': 'the service user cannot write to the log directory (owner/group/mode)',
    'backend-not-readable': 'the service user cannot enter the backend directory',
    'execstart-mismatch':
      'ExecStart runs another program than the configured gunicorn, and it does not exist (203/EXEC)',
    'paths-ok': 'all paths exist with usable permissions',
  },
  commands: (target) => {
    const p = targetPaths(target);
    return [
      { argv: ['systemctl', 'show', target.service, '-p', 'WorkingDirectory,ExecStart,User,Group'], timeoutMs: 8000 },
      { argv: ['stat', '-c', STAT_FORMAT, p.backend, p.gunicorn, p.wsgiFile, p.logDir], timeoutMs: 8000 },
    ];
  },
  interpret: ([show, stat], target) => {
    if (!show || !stat)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(show, 'systemctl') ?? commandProblem(stat, 'stat');
    if (problem) return problem;
    const p = targetPaths(target);
    const props = parseSystemdShow(show.stdout);
    const s = parseStat(stat.stdout, stat.stderr);
    const wanted = [p.backend, p.gunicorn, p.wsgiFile, p.logDir];
    const seen = wanted.filter((w) => s.entries.has(w) || s.missing.has(w) || s.unknown.has(w));
    if (!props || seen.length === 0) {
      return {
        status: 'error',
        summary: '无法解析 systemctl show / stat 输出 / could not read the systemctl show or stat output',
        evidence: excerpt(`${show.stdout}\n${stat.stdout}\n${stat.stderr}`.trim(), 8, 800),
        facts: {},
        signals: [],
      };
    }
    const user = (props.User ?? '').trim();
    const group = (props.Group ?? '').trim();
    const who = printable(user || 'root');
    const workdir = (props.WorkingDirectory ?? '').replace(/^[-!+]+/, '');
    const exec = parseExecStart(props.ExecStart);
    const facts: Record<string, FactValue> = {
      user: user || 'root',
      group: group || null,
      workingDirectory: workdir || null,
    };
    for (const [key, path] of [
      ['backend', p.backend],
      ['gunicorn', p.gunicorn],
      ['wsgiFile', p.wsgiFile],
      ['logDir', p.logDir],
    ] as const) {
      const e = s.entries.get(path);
      facts[key] = e ? `${e.owner}:${e.group} ${e.mode} ${e.type}` : s.missing.has(path) ? 'missing' : 'unknown';
    }
    const signals: string[] = [];
    const notes: { zh: string; en: string; fail: boolean }[] = [];
    const add = (signal: string, zh: string, en: string, fail = true) => {
      signals.push(signal);
      notes.push({ zh, en, fail });
    };

    const backend = s.entries.get(p.backend);
    if (s.missing.has(p.backend) || (backend && !isDir(backend)))
      add('workdir-missing', `后端目录 ${p.backend} 不存在`, `${p.backend} does not exist`);
    else if (backend && isDir(backend) && backend.type === 'directory') {
      const ok = mayAccess(backend, user, group, ['x']);
      if (ok !== true)
        add(
          'backend-not-readable',
          `用户 ${who} 无法进入 ${p.backend}`,
          `${who} cannot enter ${p.backend} (${backend.owner}:${backend.group} ${backend.mode})`,
          ok === false,
        );
    }

    const execDiffers = exec !== undefined && exec.path !== p.gunicorn && !exec.argv.split(/\s+/).includes(p.gunicorn);
    if (exec && execDiffers) facts.execStartProgram = exec.path;
    if (exec && execDiffers && exec.status === 203) {
      add(
        'execstart-mismatch',
        `ExecStart 程序 ${printable(exec.path, 120)} 不存在（配置为 ${p.gunicorn}）`,
        `ExecStart runs ${printable(exec.path, 120)}, not ${p.gunicorn}, and systemd could not execute it (203/EXEC)`,
      );
    }
    if (s.missing.has(p.gunicorn)) {
      // When the unit runs another program, the configured path may simply be outdated config.
      add(
        'gunicorn-missing',
        `gunicorn ${p.gunicorn} 不存在`,
        `${p.gunicorn} does not exist${execDiffers && exec ? ` (the unit runs ${printable(exec.path, 120)})` : ''}`,
        !execDiffers,
      );
    }
    if (s.missing.has(p.wsgiFile))
      add('wsgi-missing', `WSGI 文件 ${p.wsgiFile} 不存在`, `${p.wsgiFile} does not exist`);

    const logDir = s.entries.get(p.logDir);
    if (s.missing.has(p.logDir) || (logDir && !isDir(logDir)))
      add('logdir-missing', `日志目录 ${p.logDir} 不存在`, `${p.logDir} does not exist`);
    else if (logDir && logDir.type === 'directory') {
      const ok = mayAccess(logDir, user, group, ['w', 'x']);
      if (ok !== true) {
        const why = `${logDir.owner}:${logDir.group} ${logDir.mode}`;
        add(
          'logdir-not-writable',
          `用户 ${who} 无法写入 ${p.logDir}`,
          `${who} cannot write to ${p.logDir} (${why})` +
            (ok === 'maybe' ? ` unless ${who} is in group ${logDir.group}` : ''),
          ok === false,
        );
      }
    }

    const evidence = excerpt(
      [
        `User=${props.User ?? ''}`,
        `Group=${props.Group ?? ''}`,
        `WorkingDirectory=${props.WorkingDirectory ?? ''}`,
        ...(exec ? [`ExecStart path=${exec.path}${exec.status !== null ? ` status=${exec.status}` : ''}`] : []),
        stat.stdout.trim(),
        stat.stderr.trim(),
      ]
        .filter((l) => l !== '')
        .join('\n'),
      12,
    );
    const extra: string[] = [];
    if (workdir && workdir !== p.backend.replace(/\/+$/, ''))
      extra.push(`WorkingDirectory=${printable(workdir, 120)} differs from ${p.backend}`);
    if (execDiffers && exec && !signals.includes('execstart-mismatch'))
      extra.push(`the unit runs ${printable(exec.path, 120)}`);
    if (s.unknown.size) extra.push(`cannot see ${[...s.unknown].join(', ')}`);
    const extraEn = extra.length ? ` (${extra.join('; ')})` : '';

    if (signals.length === 0) {
      const status: CheckStatus = s.unknown.size ? 'warn' : 'ok';
      return {
        status,
        summary: `后端目录与权限正常 / backend paths exist and ${who} may use them${extraEn}`,
        evidence,
        facts,
        signals: ['paths-ok'],
      };
    }
    const status: CheckStatus = notes.some((n) => n.fail) ? 'fail' : 'warn';
    return {
      status,
      summary: `${notes.map((n) => n.zh).join('；')} / ${notes.map((n) => n.en).join('; ')}${extraEn}`,
      evidence,
      facts,
      signals,
    };
  },
});
