import { redact } from '../redact.js';
import { context, header, safe, section } from '../render/block-builders.js';
import { fitMessage, type Block, type Fitted } from '../render/block-limits.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import { FACT_GROUPS } from './catalogue.js';
import type { Comparison, CompareSide, Difference } from './diff.js';
import { clipText, sideText, VERDICT_TEXT } from './values.js';
import { VERDICT_EMOJI } from '../render/blocks.js';

/**
 * `/oms compare` as Block Kit: the root message (progress, then both verdicts and the differences that
 * explain a finding), and the thread reply with every difference. Pure; every string is redacted and
 * escaped, every message passes fitMessage (what does not fit goes to the file in the thread).
 */

/** Differences shown in the root message; the rest are in the thread. */
const ROOT_DIFFERENCES = 6;

export interface CompareRun {
  playbook: { id: string; title: string; titleEn: string };
  a: string;
  b: string;
  requester: string;
}

const title = (r: CompareRun) => `OMS 对比 / compare: ${r.playbook.id} — ${r.a} ↔ ${r.b}`;

/** Checks finished and to run on each side (the engine's extra round may add some). */
export type CompareProgress = Record<'a' | 'b', { done: number; total: number }>;

/** The root message while both sides run: how many checks each has finished. */
export function compareProgressMessage(run: CompareRun, p: CompareProgress): Fitted {
  const line = (name: string, { done, total }: { done: number; total: number }) =>
    `${done >= total ? ':white_check_mark:' : ':hourglass_flowing_sand:'} *${safe(name)}* ${done}/${total}`;
  return fitMessage({
    text: redact(`${title(run)} (${p.a.done + p.b.done}/${p.a.total + p.b.total})`),
    blocks: [
      header(title(run)),
      section(
        `运行中 / running \`${escapeMrkdwn(run.playbook.id)}\` on both\n${line(run.a, p.a)}\n${line(run.b, p.b)}`,
      ),
      context(
        `由 <@${escapeMrkdwn(run.requester)}> 发起 / asked by <@${escapeMrkdwn(run.requester)}> · 只读 / read-only`,
      ),
    ],
  });
}

function sideField(s: CompareSide): { type: 'mrkdwn'; text: string } {
  const findings = s.findings.filter((f) => f.severity !== 'info').map((f) => `\`${escapeMrkdwn(f.id)}\``);
  const lines = [`*${safe(s.target)}* ${VERDICT_EMOJI[s.verdict]} ${safe(VERDICT_TEXT[s.verdict] ?? s.verdict)}`];
  lines.push(safe(clipText(s.headline, 300)));
  if (findings.length) lines.push(`发现 / findings: ${findings.join(', ')}`);
  if (s.error) lines.push(`${safe(clipText(s.error.message, 300))}\n_${safe(clipText(s.error.hint, 300))}_`);
  return { type: 'mrkdwn', text: lines.join('\n') };
}

function differenceLine(d: Difference, c: Comparison): string {
  const [a, b] = c.sides;
  const explains = d.explains.length ? ` → ${d.explains.map((id) => `\`${escapeMrkdwn(id)}\``).join(', ')}` : '';
  return (
    `${d.explains.length ? ':small_orange_diamond:' : '•'} *${safe(clipText(d.label, 80))}* — ` +
    `${safe(a.target)}: \`${escapeMrkdwn(sideText(d, 'a', 120))}\` · ` +
    `${safe(b.target)}: \`${escapeMrkdwn(sideText(d, 'b', 120))}\`${explains}`
  );
}

function countLine(c: Comparison): string {
  const explaining = c.differences.filter((d) => d.explains.length > 0).length;
  if (c.differences.length === 0)
    return `:white_check_mark: 检查所见完全相同 / the checks saw no difference (${c.same} alike)`;
  return (
    `*差异 / differences: ${c.differences.length}*` +
    (explaining ? ` — ${explaining} 项可解释发现 / ${explaining} explain a finding` : '') +
    ` · 相同 / alike: ${c.same}`
  );
}

function unreachableLine(c: Comparison): string {
  const names = c.unreachable.map((x) => c.sides[x === 'a' ? 0 : 1].target).join(', ');
  return (
    `:no_entry: ${safe(names)} 连不上，未比较事实 / could not be reached: nothing was compared — ` +
    "the other side's result is above"
  );
}

/** The root message when both sides are done: both verdicts, and the first differences, causes first. */
export function compareMessage(run: CompareRun, c: Comparison): Fitted {
  const blocks: Block[] = [header(title(run)), { type: 'section', fields: c.sides.map(sideField) }];
  if (c.unreachable.length > 0) blocks.push(section(unreachableLine(c)));
  else {
    const shown = c.differences.slice(0, ROOT_DIFFERENCES).map((d) => differenceLine(d, c));
    blocks.push(section([countLine(c), ...shown].join('\n')));
    if (c.differences.length > ROOT_DIFFERENCES)
      blocks.push(
        context(
          `还有 ${c.differences.length - ROOT_DIFFERENCES} 项见消息串 / ` +
            `${c.differences.length - ROOT_DIFFERENCES} more in the thread`,
        ),
      );
  }
  blocks.push(
    context(
      `由 <@${escapeMrkdwn(run.requester)}> 发起 / asked by <@${escapeMrkdwn(run.requester)}> · 只读 / read-only`,
    ),
  );
  const [a, b] = c.sides;
  return fitMessage({ text: redact(`${title(run)}: ${a.target} ${a.verdict}, ${b.target} ${b.verdict}`), blocks });
}

/** The thread reply: every difference by group, then the secret settings that were not compared. */
export function compareDetails(c: Comparison): Fitted {
  const blocks: Block[] = [];
  const groups = [...FACT_GROUPS, 'checks' as const];
  for (const g of groups) {
    const lines = c.differences.filter((d) => d.group === g).map((d) => differenceLine(d, c));
    if (lines.length === 0) continue;
    let cur = `*${g}*`;
    for (const l of lines) {
      if (cur.length + l.length + 1 > 2900) {
        blocks.push(section(cur));
        cur = '';
      }
      cur = cur ? `${cur}\n${l}` : l;
    }
    blocks.push(section(cur));
  }
  if (blocks.length === 0) blocks.push(section(c.unreachable.length ? unreachableLine(c) : countLine(c)));
  if (c.notCompared.length)
    blocks.push(
      context(
        `机密设置两边都已设置，值不比较 / secret settings set on both sides, values not compared: ` +
          c.notCompared.map((k) => `\`${escapeMrkdwn(k)}\``).join(', '),
      ),
    );
  return fitMessage({ text: redact(`差异 / differences: ${c.differences.length}`), blocks });
}
