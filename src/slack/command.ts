import { parseCommand, type ParsedCommand } from '../command/parse.js';
import { tokenize } from '../command/tokenize.js';
import { matchIntent } from '../intent/match.js';
import { findPlaybook } from '../playbooks/loader.js';
import { mrkdwnMessage, noticeMessage, playbookMessage, safe } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { encodeButtonValue } from './button-value.js';
import type { Reply, SlackDeps } from './deps.js';
import {
  checksHelp,
  helpMessage,
  listMessage,
  targetsMessage,
  unknownCheck,
  unknownPlaybook,
  unknownTarget,
} from './help.js';
import type { RunRequest } from './run-report.js';
import { resolveCheck, resolveDiagnose } from '../command/resolve.js';
import { ACTION } from './report-buttons.js';

/** What to do with one `/oms …` line: answer at once (ephemeral), start a run, or hand it to a hook. */
export type CommandOutcome =
  | { kind: 'answer'; message: Fitted }
  | { kind: 'run'; request: RunRequest }
  | { kind: 'hook'; command: Extract<ParsedCommand, { verb: 'run' | 'audit' }> };

/**
 * Decide what a slash command means, without any I/O — the same parser and
 * shell-metacharacter refusal as the console. Unknown words fall through to
 * intent matching; nothing matched → help with the valid choices.
 */
export function planCommand(
  text: string,
  deps: Pick<SlackDeps, 'config' | 'playbooks' | 'checks' | 'findCheck' | 'actionHooks'>,
): CommandOutcome {
  const { config, playbooks, checks } = deps;
  const words = tokenize(text);
  const parsed = parseCommand(words, { freeTextFallsThrough: true });
  if (!parsed.ok)
    return {
      kind: 'answer',
      message: helpMessage(playbooks, config, {
        error: parsed.error,
        hint: parsed.hint.replace(/`(diagnose|match|list|run|audit) /g, '`/oms $1 '),
      }),
    };
  const cmd = parsed.command;
  switch (cmd.verb) {
    case 'run':
    case 'audit':
      if (deps.actionHooks?.onCommand) return { kind: 'hook', command: cmd };
      return {
        kind: 'answer',
        message: noticeMessage(
          `\`${cmd.verb}\` 在 Slack 中还不可用 / is not available in Slack yet: 审批流程尚未接入 / the approvals flow is not connected.`,
          {
            next: '用 `/oms diagnose <playbook>` 诊断；修复命令在报告中 / use `/oms diagnose <playbook>`; the report shows the fix command',
          },
        ),
      };
    case 'help':
      return {
        kind: 'answer',
        message: cmd.topic === 'check' || cmd.topic === 'checks' ? checksHelp(checks) : helpMessage(playbooks, config),
      };
    case 'list':
      return { kind: 'answer', message: listMessage(playbooks) };
    case 'targets':
      return { kind: 'answer', message: targetsMessage(config) };
    case 'show': {
      const p = findPlaybook(playbooks, cmd.playbook);
      return { kind: 'answer', message: p ? playbookMessage(p) : unknownPlaybook(cmd.playbook, playbooks) };
    }
    case 'match': {
      const m = matchIntent(cmd.text, playbooks);
      if (!m.playbook) return { kind: 'answer', message: unknownPlaybook(cmd.text, playbooks) };
      const alts = m.alternatives.map((a) => `\`${a.id}\` (${a.confidence})`).join(', ');
      return {
        kind: 'answer',
        message: mrkdwnMessage(
          `match: ${m.playbook.id}`,
          `*${safe(m.playbook.id)}*: ${safe(m.playbook.title)} (confidence ${m.confidence})${alts ? `\nalso: ${alts}` : ''}\n→ \`/oms diagnose ${safe(m.playbook.id)}\``,
        ),
      };
    }
    case 'keyscan':
    case 'sudoers':
    case 'doctor':
      return {
        kind: 'answer',
        message: noticeMessage(
          `\`${cmd.verb}\` 只能在 bot 所在的机器上运行 / runs only on the bot's machine, not from Slack.`,
          { next: `在那台机器上运行 \`oms-chatops ${cmd.verb}\` / run \`oms-chatops ${cmd.verb}\` there` },
        ),
      };
    case 'check': {
      const r = resolveCheck(cmd.check, cmd.target, deps.findCheck, config);
      if (r.kind === 'unknown-check') return { kind: 'answer', message: unknownCheck(r.id, checks) };
      if (r.kind === 'unknown-target') return { kind: 'answer', message: unknownTarget(r.name, config) };
      return { kind: 'run', request: { kind: 'check', check: r.check, target: r.target } };
    }
    case 'diagnose': {
      const r = resolveDiagnose(cmd.query, cmd.target, playbooks, config);
      switch (r.kind) {
        case 'unknown-target':
          return { kind: 'answer', message: unknownTarget(r.name, config) };
        case 'unknown-playbook':
          return { kind: 'answer', message: unknownPlaybook(r.text, playbooks) };
        case 'ambiguous':
          return {
            kind: 'answer',
            message: noticeMessage(
              `"${r.text}" 可能是 / could be: ${r.candidates.map((c) => `${c.id} (${c.title})`).join('; ')} — 没有运行任何东西 / nothing was run`,
              {
                next: '选一个 / pick one',
                buttons: r.candidates.slice(0, 5).map((c) => ({
                  text: `诊断 / Diagnose ${c.id}`,
                  actionId: `${ACTION.runSuggestion}_${c.id}`,
                  value: encodeButtonValue({ v: 1, k: 'diagnose', p: c.id, t: r.target.name }),
                })),
              },
            ),
          };
        case 'run':
          return { kind: 'run', request: { kind: 'diagnose', playbook: r.playbook, target: r.target } };
      }
    }
  }
  // parseCommand may grow verbs the Slack front end does not know yet.
  return { kind: 'answer', message: helpMessage(playbooks, config) };
}

/** The hook call for `/oms audit` / `/oms run`. */
export async function runCommandHook(
  deps: SlackDeps,
  command: Extract<ParsedCommand, { verb: 'run' | 'audit' }>,
  where: { user: string; channel: string },
  reply: Reply,
): Promise<void> {
  await deps.actionHooks!.onCommand!({ command, user: where.user, channel: where.channel, reply });
}
