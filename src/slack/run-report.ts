import { runRequest, type RunRequest } from '../app/run.js';
import type { Fitted } from '../render/block-limits.js';
import type { TaskPlace } from './tasks.js';
import type { Report, ReportObservation } from '../engine/report.js';
import { redact } from '../redact.js';
import { noticeMessage, progressMessage, reportDetails, reportFile, reportMessage } from '../render/blocks.js';
import { describeSlackError, isNotInChannel, slackErrorCode, INVITE_HINT, ONLY_YOU_SEE_IT } from './errors.js';
import type { Reply, SlackDeps } from './deps.js';
import type { Outbox } from './outbox.js';
import { reportButtons } from './report-buttons.js';
import { UpdateThrottle } from './throttle.js';
import { layoutNotice } from './layout-message.js';

export type { RunRequest } from '../app/run.js';

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
  const checkId = req.kind === 'check' ? req.check.id : undefined;
  const finished: ReportObservation[] = [];
  /** What discovery said about the target's layout (conflicts with the config, undecided parts): told in the thread. */
  const layoutNotices: string[] = [];
  let run: Parameters<typeof progressMessage>[0] | undefined;
  let root: { channel: string; ts: string } | undefined;
  const throttle = new UpdateThrottle(deps.updateIntervalMs ?? 1000, deps.clock);
  const actor = { id: place.user, via: 'slack' as const, channel: place.channel };
  let report: Report;
  let final: Fitted;
  try {
    const result = await runRequest(
      req,
      actor,
      { ...deps, onAuditError: (e) => deps.log?.(`could not write the audit log: ${redact(e.message)}`) },
      {
        onStart: async (start) => {
          run = {
            requester: place.user,
            what: start.what,
            playbook:
              req.kind === 'diagnose'
                ? { id: req.playbook.id, title: req.playbook.title, titleEn: req.playbook.titleEn }
                : null,
            target: { name: req.target.name, host: req.target.host, transport: start.transport },
            checks: start.checks,
          };
          try {
            root = await out.post(place.channel, progressMessage(run, finished), place.threadTs);
            // Should anything below fail, the background wrapper replaces this message with what went wrong.
            if (track) track.progress = root;
          } catch (e) {
            if (!isNotInChannel(e)) {
              const p = describeSlackError(e);
              await reply(noticeMessage(`${p.text} — 诊断没有运行 / the diagnosis was not run`, { next: p.next }));
              return false;
            }
            await reply(noticeMessage(ONLY_YOU_SEE_IT, { next: INVITE_HINT }));
          }
        },
        onLayoutNotices: (_target, notices) => layoutNotices.push(...notices),
        onObservation: (o) => {
          finished.push(o);
          if (root && run) {
            const at = root;
            const info = run;
            throttle.schedule(() =>
              out.update(at.channel, at.ts, progressMessage(info, finished), { bestEffort: true }),
            );
          }
        },
      },
    );
    if (result.kind === 'cancelled' || !run) return undefined;
    report = result.report;
    final = reportMessage(report, run, reportButtons(report, place.user, run.what, checkId));
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
    if (layoutNotices.length > 0) await out.post(at.channel, layoutNotice(req.target.name, layoutNotices), thread);
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
