import { NEXT_LABEL } from '../messages/message.js';
import { redact } from '../redact.js';
import { PLAIN, type Style } from '../render/style.js';
import { clipWidth, displayWidth, padEndWidth } from '../render/text-width.js';
import type { Comparison, CompareSide } from './diff.js';
import { clipText, sideText, VERDICT_TEXT } from './values.js';

const width = displayWidth;
const pad = padEndWidth;

/** `compare` for the terminal: both verdicts, then a table of the differences, those explaining a finding first. */
export function compareText(c: Comparison, style: Style = PLAIN): string {
  const s = style;
  const [a, b] = c.sides;
  const lines = [
    s.bold(`对比 / compare ${c.playbook.id} (${c.playbook.title} / ${c.playbook.titleEn}): ${a.target} ↔ ${b.target}`),
  ];
  const nameWidth = Math.max(width(a.target), width(b.target));
  for (const side of c.sides) lines.push(...sideLines(side, nameWidth, s));
  if (c.unreachable.length > 0) {
    const names = c.unreachable.map((x) => c.sides[x === 'a' ? 0 : 1].target).join(', ');
    lines.push(
      '',
      s.yellow(`${names} 连不上，未比较事实 / ${names} could not be reached: nothing was compared`),
      `${NEXT_LABEL}: \`doctor ${c.unreachable.length === 1 ? names : a.target}\`; ` +
        "另一台的结果见上 / the other side's result is above",
    );
    return redact(lines.join('\n'));
  }
  const explaining = c.differences.filter((d) => d.explains.length > 0).length;
  lines.push('');
  if (c.differences.length === 0) {
    lines.push(s.green(`检查所见完全相同 / the checks saw no difference (${c.same} facts alike)`));
  } else {
    lines.push(
      s.bold(
        `差异 / differences: ${c.differences.length}` +
          (explaining ? `，其中 ${explaining} 项可解释发现 / ${explaining} explain a finding` : '') +
          ` · 相同 / alike: ${c.same}`,
      ),
    );
    const rows = c.differences.map((d) => [
      d.explains.length ? '!' : ' ',
      // Cut by characters (values.ts, shared with Slack), then by terminal columns.
      clipWidth(clipText(d.label, 44), 44),
      clipWidth(sideText(d, 'a', 40), 40),
      clipWidth(sideText(d, 'b', 40), 40),
      d.explains.join(', '),
    ]);
    const header = [' ', '事实 / fact', a.target, b.target, '解释 / explains'];
    const w = [1, 2, 3].map((i) => Math.max(...[header, ...rows].map((r) => width(r[i]!))));
    for (const r of [header, ...rows]) {
      const line = `${r[0]} ${pad(r[1]!, w[0]!)}  ${pad(r[2]!, w[1]!)}  ${pad(r[3]!, w[2]!)}  ${r[4]}`.trimEnd();
      lines.push(r === header ? s.dim(line) : r[0] === '!' ? s.bold(line) : line);
    }
  }
  if (c.notCompared.length)
    lines.push(
      s.dim(
        `机密设置两边都已设置，值不比较 / secret settings set on both sides, values not compared: ${c.notCompared.join(', ')}`,
      ),
    );
  lines.push(
    s.dim('各自的完整报告 / each side in full: `diagnose <playbook> --target <name>` · machine-readable: --json'),
  );
  return redact(lines.join('\n'));
}

function sideLines(side: CompareSide, nameWidth: number, s: Style): string[] {
  const verdict = VERDICT_TEXT[side.verdict] ?? side.verdict;
  const colour = side.verdict === 'ok' ? s.green : side.verdict === 'warning' ? s.yellow : s.red;
  const serious = side.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
  const out = [`  ${pad(side.target, nameWidth)}  ${colour(pad(verdict, 18))} ${side.headline}`];
  if (serious.length) out.push(`  ${' '.repeat(nameWidth)}  发现 / findings: ${serious.join(', ')}`);
  if (side.error) out.push(`  ${' '.repeat(nameWidth)}  ${side.error.message} — ${NEXT_LABEL}: ${side.error.hint}`);
  return out;
}
