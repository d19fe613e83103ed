import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Playbook } from '../playbooks/playbook.js';
import { mrkdwnMessage, noticeMessage, safe } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';

/** The `/oms` answers that need no server: help, list, targets, and the "what is valid" notices. */

const code = (s: string) => `\`${escapeMrkdwn(s)}\``;

export function helpMessage(
  playbooks: readonly Playbook[],
  config: Config,
  problem?: { error: string; hint: string },
): Fitted {
  const lines = [
    ...(problem ? [`:warning: ${safe(problem.error)}`, `*下一步 / Next:* ${safe(problem.hint)}`, ''] : []),
    '*oms-chatops — OMS 故障排查 / troubleshooting* (只读检查 / read-only checks)',
    `${code('/oms diagnose <playbook|alias|description> [target]')} 运行排查手册 / run a playbook, e.g. ${code('/oms diagnose login')}, ${code('/oms 超级管理员登录不上')}`,
    `${code('/oms check <check-id> [target]')} 运行单项检查 / run one check (${code('/oms help check')} lists them)`,
    `${code('/oms list')} 排查手册 / the playbooks · ${code('/oms show <playbook>')} 查看手册 / read one`,
    `${code('/oms targets')} 服务器 / the servers · ${code('/oms match "<log line>"')} 匹配日志 / which playbook fits a pasted line`,
    '',
    `*排查手册 / playbooks:* ${playbooks.map((p) => code(p.id)).join(', ')}`,
    `*目标 / targets:* ${[...config.targets.keys()].map(code).join(', ')} (默认 / default ${code(config.defaultTarget)})`,
    '也可以直接把报错贴到频道里 / you can also paste an error line into a channel where I am.',
  ];
  return mrkdwnMessage(problem ? `${problem.error} — ${problem.hint}` : 'oms-chatops help', lines.join('\n'));
}

export function checksHelp(checks: readonly Check[]): Fitted {
  return mrkdwnMessage(
    'oms-chatops checks',
    [
      '*只读检查 / read-only checks* (`/oms check <id> [target]`):',
      ...checks.map((c) => `${code(c.id)} ${safe(c.title)} / ${safe(c.titleEn)}`),
    ].join('\n'),
  );
}

export function listMessage(playbooks: readonly Playbook[]): Fitted {
  return mrkdwnMessage(
    'oms-chatops playbooks',
    [
      '*排查手册 / playbooks* (`/oms diagnose <id>`, `/oms show <id>`):',
      ...playbooks.map(
        (p) => `• ${code(p.id)} ${safe(p.title)} / ${safe(p.titleEn)} — _${p.aliases.map((a) => safe(a)).join(', ')}_`,
      ),
    ].join('\n'),
  );
}

export function targetsMessage(config: Config): Fitted {
  const lines = [...config.targets.values()].map(
    (t) =>
      `• ${code(t.name)} ${t.host === 'local' ? '本机 / this machine (no SSH)' : safe(`${t.user ?? '?'}@${t.host}:${t.port}`)} — ${safe(t.publicUrl)}${t.name === config.defaultTarget ? ' *(默认 / default)*' : ''}`,
  );
  return mrkdwnMessage('oms-chatops targets', [`*目标 / targets* (${safe(config.source)}):`, ...lines].join('\n'));
}

export function unknownPlaybook(text: string, playbooks: readonly Playbook[]): Fitted {
  return noticeMessage(`没有匹配的排查手册 / no playbook matches "${text}" — 没有运行任何东西 / nothing was run`, {
    choices: playbooks.map((p) => p.id),
    next: '`/oms list` 查看手册；例如 `/oms diagnose login`，或用一句话描述问题 / `/oms list` shows the playbooks; e.g. `/oms diagnose login`, or describe the problem in a sentence',
  });
}

export function unknownTarget(name: string, config: Config): Fitted {
  return noticeMessage(`未知目标 / unknown target "${name}" — 没有运行任何东西 / nothing was run`, {
    choices: [...config.targets.keys()],
    next: `在命令末尾写目标名，例如 \`/oms diagnose login ${config.defaultTarget}\`；目标在 ${config.source} 中配置 / end the command with a target name; targets are configured in ${config.source}`,
  });
}

export function unknownCheck(id: string, checks: readonly Check[]): Fitted {
  return noticeMessage(`未知检查 / unknown check "${id}" — 没有运行任何东西 / nothing was run`, {
    choices: checks.map((c) => c.id),
    next: '例如 `/oms check backend-service` / e.g. `/oms check backend-service`',
  });
}
