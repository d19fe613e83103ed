import { version } from '../app/version.js';
import { parseCommand } from '../command/parse.js';
import { tokenize } from '../command/tokenize.js';
import { findVerb } from '../command/verbs.js';
import { matchIntent } from '../intent/match.js';
import { notOfferedHere } from '../messages/catalogue.js';
import { findPlaybook } from '../playbooks/find.js';
import { mrkdwnMessage, playbookMessage, safe } from '../render/blocks.js';
import type { SlackDeps } from './deps.js';
import type { CommandPlan, CommandPlace, SlackFeature } from './feature.js';
import { checksHelp, helpMessage, listMessage, unknownPlaybook } from './help.js';
import { noticeFor } from './notice.js';
import type { Outgoing } from './outbox.js';
import { targetLayouts, targetsMessage } from './targets.js';

/**
 * Decide what a slash command means — the same parser and shell-metacharacter
 * refusal as the console, with hints written as `/oms …`. Answers that need
 * no server come back at once; verbs a feature claims go to it; verbs the
 * table does not offer in Slack are refused with where to run them. Unknown
 * words fall through to intent matching.
 */
export function planCommand(
  text: string,
  where: Omit<CommandPlace, 'flags'>,
  deps: Pick<SlackDeps, 'config' | 'playbooks' | 'checks' | 'layout'>,
  features: readonly SlackFeature[],
): CommandPlan {
  const { config, playbooks, checks } = deps;
  const parsed = parseCommand(tokenize(text), { freeTextFallsThrough: true, frontEnd: 'slack' });
  const answer = (message: Outgoing): CommandPlan => ({ kind: 'answer', message });
  if (!parsed.ok) return answer(helpMessage(playbooks, config, { error: parsed.error, hint: parsed.hint }));
  const cmd = parsed.command;
  if (findVerb(cmd.verb)?.offeredIn.slack === undefined)
    return answer(noticeFor(notOfferedHere(cmd.verb, 'Slack', `\`oms-chatops ${cmd.verb}\``)));
  const feature = features.find((f) => f.verbs?.includes(cmd.verb));
  if (feature?.command) return feature.command(cmd, { ...where, flags: parsed.flags });
  switch (cmd.verb) {
    case 'help':
      return answer(
        cmd.topic === 'check' || cmd.topic === 'checks' ? checksHelp(checks) : helpMessage(playbooks, config),
      );
    case 'list':
      return answer(listMessage(playbooks));
    case 'targets': {
      // With discovery wired, each target's cached layout too (read from the cache: after the ack).
      const layout = deps.layout;
      if (!layout) return answer(targetsMessage(config));
      return {
        kind: 'work',
        task: 'command',
        run: async (reply) => reply(targetsMessage(config, await targetLayouts(config, layout))),
      };
    }
    case 'show': {
      const p = findPlaybook(playbooks, cmd.playbook);
      return answer(p ? playbookMessage(p) : unknownPlaybook(cmd.playbook, playbooks));
    }
    case 'match': {
      const m = matchIntent(cmd.text, playbooks);
      if (!m.playbook) return answer(unknownPlaybook(cmd.text, playbooks));
      const alts = m.alternatives.map((a) => `\`${a.id}\` (${a.confidence})`).join(', ');
      const id = safe(m.playbook.id);
      return answer(
        mrkdwnMessage(
          `match: ${m.playbook.id}`,
          `*${id}*: ${safe(m.playbook.title)} (confidence ${m.confidence})${alts ? `\nalso: ${alts}` : ''}` +
            `\n→ \`/oms diagnose ${id}\``,
        ),
      );
    }
    case 'version': {
      const v = version(deps);
      return answer(
        mrkdwnMessage(
          `oms-chatops ${v.version}`,
          `*oms-chatops* ${safe(v.version)} · node ${safe(v.node)} · config \`${safe(v.config)}\``,
        ),
      );
    }
    default:
      // A verb the table offers in Slack that no feature claims is a wiring bug; help is the safe answer.
      return answer(helpMessage(playbooks, config));
  }
}
