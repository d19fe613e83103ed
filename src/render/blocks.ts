import { NEXT_LABEL } from '../messages/message.js';
import type { CheckStatus } from '../checks/check.js';
import type { Report, ReportObservation, Verdict } from '../engine/report.js';
import { redact } from '../redact.js';
import { buttons, context, header, safe, section, type ButtonSpec } from './block-builders.js';
import { fitMessage, type Block, type Fitted } from './block-limits.js';
import { codeBlock, escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';
import { findingLines, followUpLines, orderedFindings, SEVERITY_LABEL } from './chain-lines.js';
import { FOLLOW_UP_HEADING } from './chain-order.js';
import { renderText } from './text.js';

export { safe, type ButtonSpec } from './block-builders.js';

/**
 * Reports and answers as Block Kit. Pure: the Slack layer decides which
 * buttons exist (their values) and where messages go; this module only lays
 * them out. Every string is redacted and escaped here, and every message
 * passes {@link fitMessage} on its way out.
 */

const STATUS_EMOJI: Record<CheckStatus, string> = {
  ok: ':white_check_mark:',
  warn: ':warning:',
  fail: ':x:',
  error: ':grey_question:',
  skipped: ':heavy_minus_sign:',
};
/** The emoji beside a verdict, in every Slack message that shows one (reports, fleets, comparisons). */
export const VERDICT_EMOJI: Record<Verdict, string> = {
  ok: ':large_green_circle:',
  warning: ':large_yellow_circle:',
  problem: ':red_circle:',
  inconclusive: ':white_circle:',
  unreachable: ':no_entry:',
};

/** Who asked and where it runs, for the root message's context line. */
export interface RunInfo {
  /** Slack user id of whoever asked. */
  requester: string;
  /** `diagnose login` or `check backend-service`. */
  what: string;
}

function titleOf(report: Pick<Report, 'playbook'>, what: string): string {
  return report.playbook
    ? `OMS 诊断 / diagnosis: ${report.playbook.title} / ${report.playbook.titleEn}`
    : `OMS 检查 / check: ${what}`;
}

function checkLine(o: Pick<ReportObservation, 'check' | 'status' | 'summary' | 'durationMs'>): string {
  return `${STATUS_EMOJI[o.status]} \`${escapeMrkdwn(o.check)}\` ${safe(oneLine(o.summary))} _(${o.durationMs} ms)_`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Lines packed into sections of at most `max` characters each. */
function packLines(lines: readonly string[], heading: string, max = 2900, sep = '\n'): Block[] {
  const out: Block[] = [];
  let cur = heading;
  for (const l of lines) {
    if (cur && cur.length + l.length + sep.length > max) {
      out.push(section(cur));
      cur = '';
    }
    cur = cur ? `${cur}${sep}${l}` : l;
  }
  if (cur) out.push(section(cur));
  return out;
}

/** The root message while checks run: what, where, who, and each check as it finishes. */
export function progressMessage(
  run: RunInfo & { playbook: Report['playbook']; target: Report['target']; checks: readonly string[] },
  finished: readonly ReportObservation[],
): Fitted {
  const done = new Set(finished.map((o) => o.check));
  const pending = run.checks.filter((c) => !done.has(c));
  // Checks the engine adds following the evidence (src/engine/follow-up.ts) grow the total as they come.
  const total = new Set([...run.checks, ...done]).size;
  const lines = finished.map(checkLine);
  if (pending.length > 0)
    lines.push(`:hourglass_flowing_sand: ${pending.map((c) => `\`${escapeMrkdwn(c)}\``).join(' ')}`);
  const title = titleOf(run, run.what);
  return fitMessage({
    text: redact(`${title} — ${finished.length}/${total} @ ${run.target.name}`),
    blocks: [
      header(title),
      context(
        `目标 / target: *${safe(run.target.name)}* (${safe(run.target.transport)}) · 请求人 / asked by <@${run.requester}>`,
      ),
      ...packLines(lines, `:mag: *诊断中 / running:* ${finished.length}/${total} 项检查已完成 / checks finished`),
    ],
  });
}

export { orderedFindings } from './chain-order.js';

/** Evidence in a code block, short enough for the root message. */
function evidenceBlock(text: string, max = 1200): string {
  const clean = redact(text).trim();
  const cut = clean.length > max ? `${clean.slice(0, max)}\n…` : clean;
  return codeBlock(cut);
}

/**
 * The final root message: verdict, root cause and fix first, then one line per
 * check (status, summary, duration), then the buttons.
 */
export function reportMessage(report: Report, run: RunInfo, specs: readonly ButtonSpec[]): Fitted {
  const title = titleOf(report, run.what);
  const ms = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  const blocks: Block[] = [
    header(title),
    context(
      `目标 / target: *${safe(report.target.name)}* (${safe(report.target.transport)}) · ` +
        `请求人 / asked by <@${run.requester}> · ` +
        `${report.observations.length} 项检查 / checks, ${(ms / 1000).toFixed(1)} s`,
    ),
    section(`${VERDICT_EMOJI[report.verdict]} *结论 / Verdict:* ${safe(report.headline)}`),
  ];
  if (report.error)
    blocks.push(section(`:no_entry: ${safe(report.error.message)}\n*${NEXT_LABEL}:* ${safe(report.error.hint)}`));
  const ordered = orderedFindings(report);
  const [root] = ordered;
  const below = ordered.slice(1);
  const explained = below.findIndex((f) => !f.explainedBy);
  const chain = explained < 0 ? below : below.slice(0, explained);
  const others = below.slice(chain.length);
  if (root) {
    const label = root.severity === 'info' ? '提示 / Note' : '最可能的根因 / Most likely root cause';
    blocks.push(
      section(
        `*${label}:* [${SEVERITY_LABEL[root.severity]}] ${safe(root.title)}` +
          (root.evidence ? `\n${evidenceBlock(root.evidence)}` : ''),
      ),
    );
    if (chain.length > 0) blocks.push(...packLines(findingLines(chain, ordered), ''));
    const fix = markdownToMrkdwn(redact(root.fix));
    if (fix) blocks.push(section(`*修复 / Fix:*\n${fix}`));
    if (root.action)
      blocks.push(
        context(
          `可执行修复 / Offered action: *${safe(root.action.title)}* — \`${safe(root.action.command.join(' && '))}\``,
        ),
      );
  }
  if (others.length > 0) {
    blocks.push(...packLines(findingLines(others, ordered, 2), '*其他发现 / Other findings:*'));
  }
  if (report.followUp?.length) blocks.push(...packLines(followUpLines(report), `*${FOLLOW_UP_HEADING}*`));
  blocks.push({ type: 'divider' });
  blocks.push(...packLines(report.observations.map(checkLine), '*检查 / Checks:*'));
  blocks.push(context('证据与修复细节在消息串中 / evidence and details are in the thread'));
  blocks.push(...buttons(specs));
  return fitMessage({ text: redact(`${title} @ ${report.target.name}: ${report.headline}`), blocks });
}

/**
 * The thread reply: every finding with its evidence and fix, then the evidence
 * of every check that was not ok. Whatever does not fit goes to the file.
 */
export function reportDetails(report: Report): Fitted {
  const blocks: Block[] = [];
  const ordered = orderedFindings(report);
  const lines = findingLines(ordered, ordered, 1, false);
  ordered.forEach((f, i) => {
    blocks.push(section(`*${lines[i]}*` + (f.evidence ? `\n${codeBlock(redact(f.evidence).trim())}` : '')));
    const fix = markdownToMrkdwn(redact(f.fix));
    if (fix) blocks.push(section(fix));
    if (f.action)
      blocks.push(
        context(`可执行修复 / Offered action: *${safe(f.action.title)}* — \`${safe(f.action.command.join(' && '))}\``),
      );
  });
  if (report.followUp?.length) blocks.push(...packLines(followUpLines(report), `*${FOLLOW_UP_HEADING}*`));
  const notOk = report.observations.filter((o) => o.status !== 'ok' && o.evidence.trim());
  if (notOk.length > 0) blocks.push({ type: 'divider' });
  for (const o of notOk) {
    blocks.push(
      section(
        `${STATUS_EMOJI[o.status]} *${escapeMrkdwn(o.check)}* — ${safe(oneLine(o.summary))}\n` +
          codeBlock(redact(o.evidence).trim()) +
          (o.truncated ? '\n_输出过长已截断 / output was cut at the transport limit_' : ''),
      ),
    );
  }
  if (blocks.length === 0)
    blocks.push(section(':white_check_mark: 没有发现问题，也没有需要展示的证据 / nothing found, no evidence to show'));
  return fitMessage({ text: redact(`详情 / details: ${report.headline}`), blocks });
}

/** The whole report as a text file (the thread attachment for what did not fit). */
export function reportFile(report: Report): { filename: string; title: string; content: string } {
  const what = report.playbook?.id ?? 'check';
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  return {
    filename: `oms-${what}-${report.target.name}-${stamp}.txt`,
    title: `OMS ${what} @ ${report.target.name} — 完整报告 / full report`,
    content: redact(renderText(report, undefined, { verbose: true })),
  };
}

/** A plain answer (ephemeral help, errors, notes): a title line, a body, and what to do next. */
export function noticeMessage(
  text: string,
  options: { next?: string; choices?: readonly string[]; buttons?: readonly ButtonSpec[] } = {},
): Fitted {
  const blocks: Block[] = [section(safe(text))];
  if (options.choices && options.choices.length > 0)
    blocks.push(section(`*可选 / Valid choices:* ${options.choices.map((c) => `\`${escapeMrkdwn(c)}\``).join(', ')}`));
  if (options.next) blocks.push(context(`*${NEXT_LABEL}:* ${safe(options.next)}`));
  blocks.push(...buttons(options.buttons ?? []));
  return fitMessage({ text: redact(options.next ? `${text} — ${options.next}` : text), blocks });
}

/** A pre-rendered mrkdwn body (help, lists): the caller escaped its parts. */
export function mrkdwnMessage(fallback: string, body: string, extra: readonly Block[] = []): Fitted {
  return fitMessage({ text: redact(fallback), blocks: [section(redact(body)), ...extra] });
}

/** `/oms show <playbook>`: the playbook converted to mrkdwn. */
export function playbookMessage(p: {
  id: string;
  title: string;
  titleEn: string;
  aliases: readonly string[];
  checks: readonly string[];
  body: string;
}): Fitted {
  const md = markdownToMrkdwn(redact(p.body));
  const blocks: Block[] = [
    header(`${p.title} / ${p.titleEn}`),
    context(
      `\`${escapeMrkdwn(p.id)}\` · aliases: ${p.aliases.map((a) => safe(a)).join(', ')} · ${p.checks.length} checks`,
    ),
  ];
  // Paragraph by paragraph, so long playbooks split at readable places.
  blocks.push(...packLines(md.split('\n\n'), '', 2900, '\n\n'));
  return fitMessage({ text: redact(`${p.title} / ${p.titleEn}`), blocks });
}

/** The threaded suggestion for a chat message that looks like an OMS symptom. */
export function suggestionMessage(p: { id: string; title: string }, confidence: number, run: ButtonSpec): Fitted {
  return fitMessage({
    text: redact(`这看起来像 / this looks like: ${p.title}`),
    blocks: [
      section(
        `:mag: 这看起来像 / this looks like *${safe(p.title)}* ` +
          `(\`${escapeMrkdwn(p.id)}\`, ${Math.round(confidence * 100)}%)。\n` +
          '要我运行只读诊断吗？/ Shall I run the read-only diagnosis? 不点不会运行任何东西 / nothing runs unless you click.',
      ),
      ...buttons([run]),
    ],
  });
}

/** The summary posted into an incident thread. */
export function shareSummary(s: {
  title: string;
  target: string;
  verdictLine: string;
  rootCause?: string;
  requester: string;
  sharedBy: string;
  permalink?: string;
}): Fitted {
  const lines = [
    `:link: *${safe(s.title)}* @ *${safe(s.target)}*`,
    `*结论 / Verdict:* ${safe(s.verdictLine)}`,
    ...(s.rootCause ? [`*根因 / Root cause:* ${safe(s.rootCause)}`] : []),
    `诊断请求人 / run by <@${s.requester}> · 分享人 / shared by <@${s.sharedBy}>`,
  ];
  const blocks: Block[] = [section(lines.join('\n'))];
  if (s.permalink)
    blocks.push(context(`<${s.permalink.replace(/[|<>\s]/g, encodeURIComponent)}|完整报告 / full report>`));
  return fitMessage({ text: redact(`${s.title} @ ${s.target}: ${s.verdictLine}`), blocks });
}
