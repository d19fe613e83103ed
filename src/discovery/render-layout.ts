/** The discovered layout as text for the console and the command line. */
import { redact } from '../redact.js';
import type { ResolvedLayout } from './apply-layout.js';
import type { Discovery } from './layout.js';

export function renderLayout(targetName: string, discovery: Discovery, resolved: ResolvedLayout): string {
  const out: string[] = [`目标 / target ${targetName}: 布局 / layout`];
  const width = Math.max(...resolved.rows.map((r) => r.key.length));
  for (const r of resolved.rows) {
    const value = typeof r.value === 'string' ? r.value : r.value.join(', ');
    out.push(`  ${r.key.padEnd(width)}  ${value}  ← ${r.source}`);
  }
  if (discovery.notes.length) {
    out.push('', '另见 / also seen:');
    for (const n of discovery.notes) out.push(`  ${n.value}  ← ${n.source}`);
  }
  if (discovery.undecided.length) {
    out.push('', '无法确定（使用配置或默认值）/ could not decide (configured or default values are used):');
    for (const u of discovery.undecided) out.push(`  ${u.keys.join(', ')}: ${u.reason}`);
  }
  if (resolved.conflicts.length) {
    out.push('', '配置与服务器不一致（以配置为准）/ config disagrees with the server (config wins):');
    for (const c of resolved.conflicts) out.push(`  ${c}`);
  }
  // Server output (paths, names) is quoted back: it passes the redactor like every other output.
  return redact(out.join('\n'));
}
