import { planCheck, planDiagnosis } from '../app/run.js';
import { mrkdwnMessage, noticeMessage, safe } from '../render/blocks.js';
import type { Reply } from './deps.js';
import { mention } from './escape.js';
import type { TaskPlace } from './tasks.js';
import { encodeButtonValue } from './button-value.js';
import type { CommandPlace, CommandPlan, SlackContext, SlackFeature } from './feature.js';
import { emptyGroup, unknownCheck, unknownPlaybook, unknownTarget } from './help.js';
import type { FleetRun } from './fleet-report.js';
import { BUTTON_ID } from './report-buttons.js';
import { choicesMessage, howtoMessage } from '../render/intent.js';
import { templateButtons } from './intent-answer.js';
import { runAndReport } from './run-report.js';

/**
 * Diagnoses and checks in Slack: `/oms diagnose …` and `/oms check …`, the
 * Re-run, Run diagnosis and Show playbook buttons, and refusals of clicks that
 * do not validate. Unknown names are answered in the ack; runs post a root
 * message, update it, and end with the report (run-report.ts).
 */
export function diagnoseFeature(ctx: SlackContext): SlackFeature {
  const { deps, out } = ctx;
  const answer = (message: ReturnType<typeof noticeMessage>): CommandPlan => ({ kind: 'answer', message });
  const fleetWork = (task: 'diagnose' | 'check', run: FleetRun, where: CommandPlace): CommandPlan => ({
    kind: 'work',
    task,
    // The fleet run and its table (fleet-report.ts) are loaded on the first run over a group.
    run: async (reply, at) => (await import('./fleet-report.js')).runFleetAndReport(deps, out, run, where, reply, at),
  });
  return {
    name: 'diagnose',
    verbs: ['diagnose', 'check'],
    command(cmd, where) {
      if (cmd.verb === 'check') {
        const r = planCheck(cmd, deps);
        if (r.kind === 'unknown-check') return answer(unknownCheck(r.id, deps.checks));
        if (r.kind === 'unknown-target') return answer(unknownTarget(r.name, deps.config));
        if (r.kind === 'empty-group') return answer(emptyGroup(r.name, deps.config));
        if (r.kind === 'fleet') return fleetWork('check', { what: { kind: 'check', check: r.check }, ...r }, where);
        const request = { kind: 'check' as const, check: r.check, target: r.target };
        return { kind: 'work', task: 'check', run: (reply, at) => runAndReport(deps, out, request, where, reply, at) };
      }
      if (cmd.verb !== 'diagnose') return answer(unknownPlaybook('', deps.playbooks));
      const r = planDiagnosis(cmd, deps);
      switch (r.kind) {
        case 'unknown-target':
          return answer(unknownTarget(r.name, deps.config));
        case 'empty-group':
          return answer(emptyGroup(r.name, deps.config));
        case 'fleet':
          return fleetWork('diagnose', { what: { kind: 'diagnose', playbook: r.playbook }, ...r }, where);
        case 'unknown-playbook':
          return answer(unknownPlaybook(r.text, deps.playbooks));
        case 'ambiguous':
          if (r.group) return answer(pickOneForGroup(r.candidates, r.group));
          return {
            kind: 'post',
            message: choicesMessage(
              r.candidates,
              r.candidates.map((c) => ({
                text: `诊断 / Diagnose ${c.id}`,
                actionId: `${BUTTON_ID.runSuggestion}_${c.id}`,
                value: encodeButtonValue({ v: 1, k: 'diagnose', p: c.id, t: r.target.name }),
              })),
            ),
          };
        case 'howto':
          return answer(
            howtoMessage(r.playbook, r.section, templateButtons(r.playbook.id, r.section.id, r.target.name)),
          );
        case 'run': {
          const request = { kind: 'diagnose' as const, playbook: r.playbook, target: r.target };
          const run = (reply: Reply, at: TaskPlace) => runAndReport(deps, out, request, where, reply, at);
          return { kind: 'work', task: 'diagnose', run };
        }
      }
    },
    clicks: ['run', 'answer', 'refuse'],
    async click(outcome, place) {
      if (outcome.kind === 'refuse' || outcome.kind === 'answer') {
        await place.reply(outcome.reply);
        return;
      }
      if (outcome.kind !== 'run') return;
      const { channel, messageTs, threadTs, user } = place;
      if (!channel) {
        await place.reply(
          noticeMessage('这个按钮不在频道里，无法运行 / this button is not in a channel, nothing was run', {
            next: '在频道里用 `/oms diagnose …` / use `/oms diagnose …` in a channel',
          }),
        );
        return;
      }
      if (outcome.fromSuggestion && messageTs) {
        // The suggestion turns into a note, so the button cannot be clicked twice.
        const what = outcome.request.kind === 'diagnose' ? outcome.request.playbook.id : '';
        await out.update(
          channel,
          messageTs,
          mrkdwnMessage(
            `${user} 开始了诊断 / started the diagnosis: ${what}`,
            `:arrow_forward: ${mention(user)} 开始了诊断 / started the diagnosis: \`${safe(what)}\``,
          ),
          { bestEffort: true },
        );
      }
      const where = { channel, user, ...(threadTs ? { threadTs } : {}) };
      await runAndReport(deps, out, outcome.request, where, place.reply, place.at);
    },
  };
}

/** A description that fits several playbooks, over a group: name one (a click would run on the whole group). */
function pickOneForGroup(candidates: readonly { id: string }[], group: string) {
  const commands = candidates.map((c) => `\`/oms diagnose ${c.id} ${group}\``).join(', ');
  return noticeMessage('你是想…? 有几本手册都对得上 / did you mean… several playbooks fit — nothing was run', {
    next: `写出手册名 / name the playbook: ${commands}`,
  });
}
