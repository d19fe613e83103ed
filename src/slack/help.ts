import { NEXT_LABEL } from '../messages/message.js';
import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import { usage, verbsFor } from '../command/verbs.js';
import * as say from '../messages/catalogue.js';
import type { Playbook } from '../playbooks/playbook.js';
import { mrkdwnMessage, safe } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import { noticeFor, slackRef } from './notice.js';

/** The `/oms` answers that need no server: help (from the verb table), list, targets, and "what is valid". */

const code = (s: string) => `\`${escapeMrkdwn(s)}\``;

export function helpMessage(
  playbooks: readonly Playbook[],
  config: Config,
  problem?: { error: string; hint: string },
): Fitted {
  const lines = [
    ...(problem ? [`:warning: ${safe(problem.error)}`, `*${NEXT_LABEL}:* ${safe(problem.hint)}`, ''] : []),
    '*oms-chatops — OMS 故障排查 / troubleshooting* (只读检查 / read-only checks)',
    ...verbsFor('slack').map((v) => `${code(`/oms ${usage(v)}`)} ${safe(v.summary.zh)} / ${safe(v.summary.en)}`),
    '',
    `*排查手册 / playbooks:* ${playbooks.map((p) => code(p.id)).join(', ')}`,
    `*目标 / targets:* ${[...config.targets.keys()].map(code).join(', ')} (默认 / default ${code(config.defaultTarget)})`,
    `也可以直接把报错贴到频道里，或用一句话描述问题 (${code('/oms 超级管理员登录不上')}) / ` +
      'you can also paste an error line into a channel where I am, or describe the problem in a sentence.',
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

export function unknownPlaybook(text: string, playbooks: readonly Playbook[]): Fitted {
  return noticeFor(
    say.unknownPlaybook(
      text,
      playbooks.map((p) => p.id),
      slackRef,
    ),
  );
}

export function unknownTarget(name: string, config: Config): Fitted {
  return noticeFor(say.unknownTarget(name, [...config.targets.keys()], config.source, slackRef, config.groups));
}

export function emptyGroup(name: string, config: Config): Fitted {
  return noticeFor(say.emptyGroup(name, config.source, slackRef));
}

export function unknownCheck(id: string, checks: readonly Check[]): Fitted {
  return noticeFor(
    say.unknownCheck(
      id,
      checks.map((c) => c.id),
      slackRef,
    ),
  );
}
