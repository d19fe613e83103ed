import type { Check } from '../checks/check.js';
import type { Target } from '../config/target.js';
import { runPlaybook, runSingleChecks } from '../engine/engine.js';
import type { Report, ReportObservation } from '../engine/report.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Fitted } from '../render/block-limits.js';
import { noticeMessage, progressMessage, reportDetails, reportFile, reportMessage } from '../render/blocks.js';
import { describeSlackError, isNotInChannel, slackErrorCode, INVITE_HINT } from './errors.js';
import type { Reply, SlackDeps } from './deps.js';
import type { Outbox } from './outbox.js';
import { reportButtons } from './report-buttons.js';
import { UpdateThrottle } from './throttle.js';
import { recordSlackRun } from './approval-audit.js';
import type { TaskPlace } from './tasks.js';

/** One diagnosis (a playbook) or one check on a target. */
export type RunRequest =
  { kind: 'diagnose'; playbook: Playbook; target: Target } | { kind: 'check'; check: Check; target: Target };

/** Where the answer goes and who asked. */
export interface RunPlace {
  channel: string;
  user: string;
  /** Set when the run was started inside a thread (a suggestion's button): everything stays in that thread. */
  threadTs?: string;
}

/**
 * Post the root message, update it as checks finish (throttled), replace it
 * with the final report, then put the details — and a file with whatever did
 * not fit — in its thread. If the bot cannot post in the channel, the asker
 * is told how to invite it and still gets the report, privately.
 */
export async function runAndReport(
  deps: SlackDeps,
  out: Outbox,
  req: RunRequest,
  place: RunPlace,
  reply: Reply,
  track?: TaskPlace,
): Promise<Report | undefined> {
  const what = req.kind === 'diagnose' ? `diagnose ${req.playbook.id}` : `check ${req.check.id}`;
  const checkIds = req.kind === 'diagnose' ? req.playbook.checks : [req.check.id];
  const transport = deps.transportFor(req.target);
  const run = {
    requester: place.user,
    what,
    playbook:
      req.kind === 'diagnose'
        ? { id: req.playbook.id, title: req.playbook.title, titleEn: req.playbook.titleEn }
        : null,
    target: { name: req.target.name, host: req.target.host, transport: transport.describe },
    checks: checkIds,
  };
  const finished: ReportObservation[] = [];

  let root: { channel: string; ts: string } | undefined;
  try {
    root = await out.post(place.channel, progressMessage(run, finished), place.threadTs);
    // Should anything below fail, the background wrapper replaces this message with what went wrong.
    if (track) track.progress = root;
  } catch (e) {
    if (isNotInChannel(e)) {
      await reply(
        noticeMessage(
          'oms-chatops 不在这个频道里，所以结果只发给你 / I am not in this channel, so only you will see the result.',
          { next: INVITE_HINT },
        ),
      );
    } else {
      const p = describeSlackError(e);
      await reply(noticeMessage(`${p.text} — 诊断没有运行 / the diagnosis was not run`, { next: p.next }));
      return undefined;
    }
  }

  const throttle = new UpdateThrottle(deps.updateIntervalMs ?? 1000, deps.clock);
  const onObservation = (o: ReportObservation) => {
    finished.push(o);
    if (root) {
      const at = root;
      throttle.schedule(() => out.update(at.channel, at.ts, progressMessage(run, finished), { bestEffort: true }));
    }
  };
  const engineDeps = { findCheck: deps.findCheck, now: deps.now };
  let report: Report;
  let final: Fitted;
  try {
    report =
      req.kind === 'diagnose'
        ? await runPlaybook(req.playbook, req.target, transport, engineDeps, { onObservation })
        : await runSingleChecks([req.check], req.target, transport, { now: deps.now }, { onObservation });
    await recordSlackRun(deps, report, place, req.kind === 'check' ? req.check.id : undefined);
    final = reportMessage(
      report,
      run,
      reportButtons(report, place.user, what, req.kind === 'check' ? req.check.id : undefined),
    );
  } catch (e) {
    // No progress update may land after the failure notice that will replace the root message.
    await throttle.finish(async () => undefined);
    throw e;
  }
  if (!root) {
    await reply(final);
    return report;
  }
  const at = root;
  try {
    await throttle.finish(() => out.update(at.channel, at.ts, final));
  } catch (e) {
    const p = describeSlackError(e);
    await reply(
      noticeMessage(`${p.text} — 报告没能更新到频道里 / the report could not be written to the channel`, {
        next: p.next,
      }),
    );
    await reply(final);
    return report;
  }
  const thread = place.threadTs ?? at.ts;
  // The root now holds the report: a later failure is told in the thread instead of replacing it.
  if (track) {
    delete track.progress;
    track.channel = at.channel;
    track.threadTs = thread;
  }
  const details = reportDetails(report);
  try {
    await out.post(at.channel, details, thread);
    if (final.overflow.length > 0 || details.overflow.length > 0) {
      await out.upload(
        at.channel,
        thread,
        reportFile(report),
        '完整报告（消息放不下的部分）/ the full report (what did not fit in the messages)',
      );
    }
  } catch (e) {
    deps.log?.(`thread details failed: ${slackErrorCode(e) ?? (e as Error).message}`);
    const p = describeSlackError(e);
    await reply(
      noticeMessage(`${p.text} — 详情没能发到消息串 / the details could not be posted in the thread`, { next: p.next }),
    );
  }
  return report;
}
