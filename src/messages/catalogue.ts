import type { Message } from './message.js';

/**
 * The bot's shared answers, one place for their wording in both languages.
 * `ref` writes a command as the asker types it where they are (`/oms list`,
 * `oms-chatops list`, `list`): see commandRef in src/command/args.ts.
 */
type Ref = (words: string) => string;

const NOTHING_RUN = { zh: '没有运行任何东西', en: 'nothing was run' };

export function unknownTarget(
  name: string,
  targets: readonly string[],
  source: string,
  ref: Ref,
  groups: ReadonlyMap<string, readonly string[]> = new Map(),
): Message {
  const named = [...groups.entries()].filter(([, members]) => members.length > 0);
  const withGroups = named.length > 0;
  return {
    zh: `未知目标${withGroups ? '或目标组' : ''} "${name}" — ${NOTHING_RUN.zh}`,
    en: `unknown target${withGroups ? ' or group' : ''} "${name}" — ${NOTHING_RUN.en}`,
    next: {
      zh: `在命令末尾写目标名${withGroups ? '或组名' : ''}（${ref('targets')}）；它们在 ${source} 中配置`,
      en: `end the command with one of the targets${withGroups ? ' or groups' : ''} above (configured in ${source})`,
    },
    choices: [...targets, ...named.map(([g, members]) => `${g} (group: ${members.join(', ')})`)],
  };
}

/** A group with no target to run on (`all` when only the built-in `local` is configured). */
export function emptyGroup(name: string, source: string, ref: Ref): Message {
  return {
    zh: `目标组 "${name}" 里没有目标 — ${NOTHING_RUN.zh}`,
    en: `group "${name}" has no targets — ${NOTHING_RUN.en}`,
    next: {
      zh: `在 ${source} 的 targets: 中配置服务器（\`all\` 是除 local 之外的所有目标），或写一个目标名（${ref('targets')}）`,
      en:
        `configure servers under targets: in ${source} (\`all\` is every target but local), ` +
        `or name one target (${ref('targets')})`,
    },
  };
}

export function unknownPlaybook(text: string, playbooks: readonly string[], ref: Ref): Message {
  return {
    zh: `没有匹配的排查手册`,
    en: `no playbook matches "${text}" — ${NOTHING_RUN.en}`,
    next: {
      en:
        `${ref('list')} shows the playbooks; try e.g. ${ref('diagnose login')}, ${ref('diagnose 502')}, ` +
        `or ${ref('match "<pasted log line>"')}`,
    },
    choices: playbooks,
  };
}

export function unknownCheck(id: string, checks: readonly string[], ref: Ref): Message {
  return {
    zh: '未知检查',
    en: `unknown check "${id}" — ${NOTHING_RUN.en}`,
    next: { en: `e.g. ${ref('check backend-service')}; ${ref('help check')} lists them with their signals` },
    choices: checks,
  };
}

export function ambiguous(text: string, candidates: readonly { id: string; title: string }[], ref: Ref): Message {
  return {
    zh: `"${text}" 可能是`,
    en: `could be: ${candidates.map((c) => `${c.id} (${c.title})`).join('; ')} — ${NOTHING_RUN.en}`,
    next: { zh: '选一个', en: `pick one: ${ref('diagnose <id>')}` },
  };
}

/** A verb whose part is not wired into this process. */
export function unavailable(what: 'audit' | 'approvals' | 'access', verb: string, ref: Ref): Message {
  const part = { audit: 'an audit log', approvals: 'the approvals flow', access: 'the SSH access tools' }[what];
  return {
    zh: `${verb} 不可用`,
    en: `${verb} is not available: this process was built without ${part} — ${NOTHING_RUN.en}`,
    next: { en: `start oms-chatops through \`npm start\` / ${ref(verb)} on the bot's machine, which wires it` },
  };
}

/** A verb the table does not offer in this front end (keyscan in Slack). */
export function notOfferedHere(verb: string, where: string, elsewhere: string): Message {
  return {
    zh: `\`${verb}\` 不能在 ${where} 中使用`,
    en: `\`${verb}\` is not offered in ${where} — ${NOTHING_RUN.en}`,
    next: { zh: `在 bot 所在的机器上运行 ${elsewhere}`, en: `run ${elsewhere} on the bot's machine` },
  };
}

export function noTerminalToConfirm(): Message {
  return {
    zh: '拒绝',
    en: 'refused: no terminal to confirm on — nothing was run',
    next: { en: 'run it on a terminal, or add --yes (allowed only where policy.consoleApproval is true)' },
  };
}

export function invalidSince(error: string, ref: Ref): Message {
  return { en: error, next: { en: `e.g. ${ref('audit --since 1h')} or ${ref('audit --since 2026-11-22T21:00:00Z')}` } };
}

export function noAuditRecords(what: string): Message {
  return { zh: '没有记录', en: `no audit records${what}` };
}

export function internalError(message: string): Message {
  return {
    zh: '内部错误',
    en: `internal error: ${message}`,
    next: { en: 'try again; if it repeats, report it with the command you typed' },
  };
}

export function fixTheFile(message: string): Message {
  return { en: message, next: { en: 'fix the file named above and start again' } };
}

export function auditWriteFailed(message: string): Message {
  return { zh: '警告', en: `warning: could not write the audit log: ${message}` };
}

export function redisUnreachable(where: string, message: string): Message {
  return {
    zh: 'Redis 连接失败',
    en: `cannot connect to ${where} (REDIS_URL): ${message}`,
    next: {
      en:
        'check REDIS_URL in /etc/oms-chatops/env (redis://[:password@]host:port[/db]) and that redis-server is ' +
        'reachable, or unset it to use the file store (one instance only)',
    },
  };
}

export function slackConfigError(message: string): Message {
  return {
    zh: 'Slack 配置错误',
    en: `Slack configuration: ${message}`,
    next: { en: "fix /etc/oms-chatops/env (or your shell's variables) — see docs/slack.md" },
  };
}
