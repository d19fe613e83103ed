import { compareRefusal, planCompare } from '../app/compare.js';
import type { CommandPlan, SlackContext, SlackFeature } from './feature.js';
import * as say from '../messages/catalogue.js';
import { unknownPlaybook } from './help.js';
import { noticeFor, slackRef } from './notice.js';

/**
 * `/oms compare <playbook> <target-a> <target-b>`: bad names are answered in the ack; otherwise a root
 * message counts both sides' checks as they finish (throttled), then holds both verdicts and the
 * differences that explain a finding; the thread gets every difference, and a file with both reports
 * when something did not fit. The run and its rendering (compare-run.ts) are loaded on the first comparison:
 * the idle bot does not hold them.
 */
export function compareFeature(ctx: SlackContext): SlackFeature {
  const { deps, out } = ctx;
  return {
    name: 'compare',
    verbs: ['compare'],
    command(cmd, where): CommandPlan {
      if (cmd.verb !== 'compare') return { kind: 'answer', message: unknownPlaybook('', deps.playbooks) };
      const plan = planCompare(cmd, deps);
      switch (plan.kind) {
        case 'unknown-playbook':
          return { kind: 'answer', message: unknownPlaybook(plan.text, deps.playbooks) };
        case 'unknown-target':
          // Targets only: compare takes no group, so groups are not offered as choices.
          return {
            kind: 'answer',
            message: noticeFor(
              say.unknownTarget(plan.name, [...deps.config.targets.keys()], deps.config.source, slackRef),
            ),
          };
        case 'same-target':
        case 'group':
          return { kind: 'answer', message: noticeFor(compareRefusal(plan, cmd.playbook, slackRef)) };
        case 'run':
          return {
            kind: 'work',
            task: 'compare',
            run: async (reply, at) =>
              (await import('./compare-run.js')).compareAndReport(deps, out, plan, where, reply, at),
          };
      }
    },
  };
}
