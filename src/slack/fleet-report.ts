import { fleetWhat, runFleet, type FleetWhat } from '../app/fleet.js';
import type { Target } from '../config/target.js';
import { summarizeFleet } from '../engine/fleet-summary.js';
import type { Report } from '../engine/report.js';
import { redact } from '../redact.js';
import { fleetMessage, type FleetRunInfo } from '../render/fleet-blocks.js';
import { renderFleetText } from '../render/fleet-text.js';
import { PLAIN } from '../render/style.js';
import { noticeMessage, reportMessage } from '../render/blocks.js';
import type { Reply, SlackDeps } from './deps.js';
import { describeSlackError, INVITE_HINT, ONLY_YOU_SEE_IT, isNotInChannel, slackErrorCode } from './errors.js';
import type { Outbox } from './outbox.js';
import { reportButtons } from './report-buttons.js';
import type { RunPlace } from './run-report.js';
import type { TaskPlace } from './tasks.js';
import { UpdateThrottle } from './throttle.js';

export interface FleetRun {
  what: FleetWhat;
  group: string;
  targets: Target[];
}

/**
 * `/oms diagnose login prod` where `prod` is a group: one root message with
 * the table, updated as targets finish (throttled like a single run's
 * progress), then one thread reply per target with a problem — its full
 * report with the usual buttons (Re-run that target, Request the offered
 * action on it). Messages that must arrive go through the outbox, which
 * waits out Slack's 429s; a progress update that fails is skipped.
 */
export async function runFleetAndReport(
  deps: SlackDeps,
  out: Outbox,
  run: FleetRun,
  place: RunPlace,
  reply: Reply,
  track?: TaskPlace,
): Promise<Report[]> {
  const what = fleetWhat(run.what);
  const info: FleetRunInfo = {
    requester: place.user,
    what,
    title:
      run.what.kind === 'diagnose'
        ? `OMS 诊断 / diagnosis: ${run.what.playbook.title} / ${run.what.playbook.titleEn}`
        : `OMS 检查 / check: ${run.what.check.id}`,
    group: run.group,
    targets: run.targets.map((t) => t.name),
  };
  const clock = deps.now ?? (() => new Date());
  const startedAt = clock().toISOString();
  const finished: Report[] = [];
  const times: number[] = [];
  const snapshot = () =>
    summarizeFleet(finished, { group: run.group, what, startedAt, finishedAt: clock().toISOString() }, times);
  let root: { channel: string; ts: string } | undefined;
  try {
    root = await out.post(place.channel, fleetMessage(info, snapshot(), false), place.threadTs);
    if (track) track.progress = root;
  } catch (e) {
    if (!isNotInChannel(e)) {
      const p = describeSlackError(e);
      await reply(noticeMessage(`${p.text} — 诊断没有运行 / the diagnosis was not run`, { next: p.next }));
      return [];
    }
    await reply(noticeMessage(ONLY_YOU_SEE_IT, { next: INVITE_HINT }));
  }
  const throttle = new UpdateThrottle(deps.updateIntervalMs ?? 1000, deps.clock);
  const actor = { id: place.user, via: 'slack' as const, channel: place.channel };
  let result: Awaited<ReturnType<typeof runFleet>>;
  try {
    result = await runFleet(
      { ...deps, onAuditError: (e) => deps.log?.(`could not write the audit log: ${redact(e.message)}`) },
      { what: run.what, group: run.group, targets: run.targets, actor },
      (report, _done, _total, ms) => {
        finished.push(report);
        times.push(ms);
        const at = root;
        if (at)
          throttle.schedule(() =>
            out.update(at.channel, at.ts, fleetMessage(info, snapshot(), false), { bestEffort: true }),
          );
      },
    );
  } catch (e) {
    await throttle.finish(async () => undefined);
    throw e;
  }
  const final = fleetMessage(info, result.summary, true);
  if (!root) {
    await reply(final);
    return result.reports;
  }
  const at = root;
  await throttle.finish(() => out.update(at.channel, at.ts, final));
  const thread = place.threadTs ?? at.ts;
  if (track) {
    delete track.progress;
    track.channel = at.channel;
    track.threadTs = thread;
  }
  if (final.overflow.length > 0) {
    const content = renderFleetText(result.summary, result.reports, PLAIN, { verbose: true });
    const file = { filename: `oms-${run.group}-fleet.txt`, title: `${info.title} @ ${run.group}`, content };
    await out.upload(at.channel, thread, file, '完整的目标表 / the whole table (it did not fit in the message)');
  }
  await postProblems(deps, out, result, info, place, at.channel, thread, reply);
  return result.reports;
}

/** One thread reply per target that is not ok, worst first: its report with Re-run and Request buttons. */
async function postProblems(
  deps: SlackDeps,
  out: Outbox,
  result: Awaited<ReturnType<typeof runFleet>>,
  info: FleetRunInfo,
  place: RunPlace,
  channel: string,
  thread: string,
  reply: Reply,
): Promise<void> {
  const byName = new Map(result.reports.map((r) => [r.target.name, r]));
  const checkId = info.what.startsWith('check ') ? info.what.slice(6) : undefined;
  for (const row of result.summary.rows) {
    if (row.verdict === 'ok') continue;
    const report = byName.get(row.target)!;
    const message = reportMessage(
      report,
      { requester: place.user, what: info.what },
      reportButtons(report, place.user, info.what, checkId),
    );
    try {
      await out.post(channel, message, thread);
    } catch (e) {
      deps.log?.(`fleet thread reply for ${row.target} failed: ${slackErrorCode(e) ?? (e as Error).message}`);
      const p = describeSlackError(e);
      await reply(
        noticeMessage(
          `${p.text} — ${row.target} 的报告没能发到消息串 / the report of ${row.target} could not be posted`,
          {
            next: p.next,
          },
        ),
      );
      return;
    }
  }
}
