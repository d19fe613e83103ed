import { runCompare, type ComparePlan } from '../app/compare.js';
import {
  compareDetails,
  compareMessage,
  compareProgressMessage,
  type CompareProgress,
  type CompareRun,
} from '../compare/blocks.js';
import { compareText } from '../compare/text.js';
import { noticeMessage } from '../render/blocks.js';
import { redact } from '../redact.js';
import { renderText } from '../render/text.js';
import type { Reply, SlackDeps } from './deps.js';
import { describeSlackError, INVITE_HINT, ONLY_YOU_SEE_IT, isNotInChannel, slackErrorCode } from './errors.js';
import type { CommandPlace } from './feature.js';
import type { Outbox } from './outbox.js';
import type { TaskPlace } from './tasks.js';
import { UpdateThrottle } from './throttle.js';

/**
 * Run one comparison and report it (loaded by compare.ts on the first `/oms compare`): a root message counts
 * both sides' checks as they finish (throttled), then holds both verdicts and the differences that explain a
 * finding; the thread gets every difference, and a file with both reports when something did not fit.
 */
export async function compareAndReport(
  deps: SlackDeps,
  out: Outbox,
  plan: Extract<ComparePlan, { kind: 'run' }>,
  place: CommandPlace,
  reply: Reply,
  track: TaskPlace,
): Promise<void> {
  const run: CompareRun = { playbook: plan.playbook, a: plan.a.name, b: plan.b.name, requester: place.user };
  const total = plan.playbook.checks.length;
  const progress: CompareProgress = { a: { done: 0, total }, b: { done: 0, total } };
  let root: { channel: string; ts: string } | undefined;
  try {
    root = await out.post(place.channel, compareProgressMessage(run, progress));
    track.progress = root;
  } catch (e) {
    if (!isNotInChannel(e)) {
      const p = describeSlackError(e);
      await reply(noticeMessage(`${p.text} — 对比没有运行 / the comparison was not run`, { next: p.next }));
      return;
    }
    await reply(noticeMessage(ONLY_YOU_SEE_IT, { next: INVITE_HINT }));
  }
  const throttle = new UpdateThrottle(deps.updateIntervalMs ?? 1000, deps.clock);
  const actor = { id: place.user, via: 'slack' as const, channel: place.channel };
  let result: Awaited<ReturnType<typeof runCompare>>;
  try {
    result = await runCompare(
      plan,
      actor,
      { ...deps, onAuditError: (e) => deps.log?.(`could not write the audit log: ${redact(e.message)}`) },
      {
        onObservation: (side, _o, done, sideTotal) => {
          progress[side] = { done, total: sideTotal };
          const at = root;
          if (at)
            throttle.schedule(() =>
              out.update(at.channel, at.ts, compareProgressMessage(run, progress), { bestEffort: true }),
            );
        },
      },
    );
  } catch (e) {
    // No progress update may land after the failure notice that will replace the root message.
    await throttle.finish(async () => undefined);
    throw e;
  }
  if (result.kind !== 'compared') {
    await throttle.finish(async () => undefined);
    return;
  }
  const c = result.comparison;
  const final = compareMessage(run, c);
  if (!root) {
    await reply(final);
    return;
  }
  const at = root;
  // The final message keeps the same spacing as the progress updates before it.
  await throttle.finish(() => out.update(at.channel, at.ts, final));
  delete track.progress;
  track.channel = at.channel;
  track.threadTs = at.ts;
  const details = compareDetails(c);
  try {
    await out.post(at.channel, details, at.ts);
    if (final.overflow.length > 0 || details.overflow.length > 0) {
      const [ra, rb] = result.reports;
      await out.upload(
        at.channel,
        at.ts,
        {
          filename: `oms-compare-${plan.playbook.id}-${plan.a.name}-${plan.b.name}.txt`,
          title: `OMS compare ${plan.playbook.id}: ${plan.a.name} ↔ ${plan.b.name}`,
          content: redact(
            [
              compareText(c),
              renderText(ra, undefined, { verbose: true }),
              renderText(rb, undefined, { verbose: true }),
            ].join('\n\n'),
          ),
        },
        '完整对比（消息放不下的部分）/ the whole comparison (what did not fit in the messages)',
      );
    }
  } catch (e) {
    deps.log?.(`compare thread details failed: ${slackErrorCode(e) ?? (e as Error).message}`);
    const p = describeSlackError(e);
    await reply(
      noticeMessage(`${p.text} — 详情没能发到消息串 / the details could not be posted in the thread`, { next: p.next }),
    );
  }
}
