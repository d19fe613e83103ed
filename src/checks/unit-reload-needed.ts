import type { ExecResult } from '../transport/transport.js';
import { defineCheck, type Observation } from './check.js';
import { clip, commandProblem, excerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

const PROPERTY = /^(NeedDaemonReload|FragmentPath|LoadState)=(.{0,512})$/;

/** The three properties this check asks for; other lines and over-long values are ignored. */
export function parseReloadState(
  text: string,
): Partial<Record<'NeedDaemonReload' | 'FragmentPath' | 'LoadState', string>> {
  const out: Partial<Record<'NeedDaemonReload' | 'FragmentPath' | 'LoadState', string>> = {};
  let start = 0;
  // Line by line without split(): a 5 MB answer must not become a million strings.
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start <= 560) {
      const m = PROPERTY.exec(text.slice(start, end).replace(/\r$/, ''));
      if (m && out[m[1] as keyof typeof out] === undefined) out[m[1] as keyof typeof out] = m[2]!;
    }
    start = end + 1;
  }
  return out;
}

/**
 * Did the unit file change on disk since systemd loaded it? `NeedDaemonReload=yes`
 * means systemd still runs the old definition until `systemctl daemon-reload`.
 */
export const unitReloadNeeded = defineCheck({
  id: 'unit-reload-needed',
  title: '单元文件修改后是否已 daemon-reload',
  titleEn: 'Unit changed without daemon-reload',
  signals: {
    current: 'systemd runs the unit file as it is on disk',
    'reload-needed': 'the unit file changed on disk without systemctl daemon-reload (NeedDaemonReload=yes)',
    'unit-not-found': 'the unit is not installed (skipped)',
  },
  commands: (target) => [
    { argv: ['systemctl', 'show', target.service, '-p', 'NeedDaemonReload,FragmentPath,LoadState'], timeoutMs: 8000 },
  ],
  interpret: ([res], target) => interpretReload(res, target.service),
});

function interpretReload(res: ExecResult | undefined, service: string): Result {
  if (!res)
    return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
  const problem = commandProblem(res, 'systemctl');
  if (problem) return problem;
  const p = parseReloadState(res.code === 0 ? res.stdout : '');
  const fragment = p.FragmentPath ? clip(p.FragmentPath.replace(/[^\x20-\x7e]/g, '?'), 200) : null;
  const facts = { fragmentPath: fragment, needDaemonReload: p.NeedDaemonReload ?? null };
  if (p.LoadState === 'not-found' || (p.LoadState !== undefined && p.FragmentPath === '')) {
    return {
      status: 'skipped',
      summary: `没有安装 ${service} 单元 / the unit ${service} is not installed`,
      evidence: excerpt(res.stdout, 4, 400),
      facts,
      signals: ['unit-not-found'],
    };
  }
  if (p.NeedDaemonReload === 'yes') {
    return {
      status: 'fail',
      summary:
        `单元文件已修改但没有执行 daemon-reload，systemd 仍在使用旧配置 / ` +
        `${fragment ?? service} changed on disk without daemon-reload: systemd still runs the old definition`,
      evidence: `NeedDaemonReload=yes\nFragmentPath=${fragment ?? ''}`,
      facts,
      signals: ['reload-needed'],
    };
  }
  if (p.NeedDaemonReload === 'no') {
    return {
      status: 'ok',
      summary: `systemd 使用的是磁盘上的单元文件 / systemd runs ${fragment ?? service} as it is on disk`,
      evidence: `NeedDaemonReload=no\nFragmentPath=${fragment ?? ''}`,
      facts,
      signals: ['current'],
    };
  }
  return {
    status: 'error',
    summary:
      `无法读取 NeedDaemonReload / could not read NeedDaemonReload from systemctl show` +
      (res.code ? ` (exit ${res.code})` : ''),
    evidence: excerpt(`${res.stdout}\n${res.stderr}`.trim(), 6, 600),
    facts: { ...facts, exitCode: res.code },
    signals: [],
  };
}
