/**
 * `/oms discover` and `/oms bundle` as Block Kit: the discovered layout with
 * the source of each value, and the bundle's progress and result (with what
 * support still needs from the browser). Every line is clipped so the whole
 * message stays within Block Kit's limits, whatever the server printed.
 */
import type { LayoutResult } from '../discovery/layout-service.js';
import { context, header, safe, section } from '../render/block-builders.js';
import { fitMessage, type Block, type Fitted } from '../render/block-limits.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import { BROWSER_ITEMS } from '../support-bundle/command.js';
import type { Bundle } from '../support-bundle/collect.js';
import { mention } from './escape.js';

/** A line of server output, at most `max` characters, redacted and escaped. */
function clip(text: string, max = 200): string {
  const one = text.replace(/\s+/g, ' ');
  return safe(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}

/** Lines packed into sections of at most 2,900 characters, the first under `heading`. */
function pack(heading: string, lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let cur = heading;
  for (const l of lines) {
    if (cur.length + l.length + 1 > 2900) {
      out.push(section(cur));
      cur = '';
    }
    cur = cur ? `${cur}\n${l}` : l;
  }
  if (cur) out.push(section(cur));
  return out;
}

/** Items per list; the whole message stays under Block Kit's total (about 10 k characters at most). */
const MAX_ITEMS = 8;

/** The layout a diagnosis of `target` uses: each value and where it came from, what is undecided, conflicts. */
export function layoutMessage(target: string, r: LayoutResult): Fitted {
  const { discovery, resolved } = r;
  const show = (v: string | readonly string[]) => (typeof v === 'string' ? v : v.join(', '));
  const rows = resolved.rows.map((row) => `\`${row.key}\` ${clip(show(row.value), 120)} ← _${clip(row.source, 90)}_`);
  const blocks: Block[] = [
    header(`布局 / Layout — ${target}`),
    ...pack('*每个值及其来源 / each value and where it comes from:*', rows),
  ];
  const list = <T>(items: readonly T[], line: (x: T) => string) => [
    ...items.slice(0, MAX_ITEMS).map((x) => `• ${line(x)}`),
    ...(items.length > MAX_ITEMS
      ? [`… ${items.length - MAX_ITEMS} more: \`oms-chatops discover ${escapeMrkdwn(target)}\` shows all`]
      : []),
  ];
  if (discovery.notes.length)
    blocks.push(
      ...pack(
        '*另见 / also seen:*',
        list(discovery.notes, (n) => `${clip(n.value, 100)} ← _${clip(n.source, 80)}_`),
      ),
    );
  if (discovery.undecided.length)
    blocks.push(
      ...pack(
        '*无法确定（使用配置或默认值）/ could not decide — the configured or default values are used:*',
        list(discovery.undecided, (u) => `${clip(u.keys.join(', '), 150)}: ${clip(u.reason, 180)}`),
      ),
    );
  if (resolved.conflicts.length)
    blocks.push(
      ...pack(
        '*配置与服务器不一致（以配置为准）/ the config disagrees with the server (the config wins):*',
        list(resolved.conflicts, (c) => clip(c, 200)),
      ),
    );
  const problems = discovery.undecided.length + resolved.conflicts.length;
  blocks.push(
    context(
      problems
        ? '下一步 / Next: 修正服务器，或在配置文件中写明这些值 / fix the server, or set these values in the config file ' +
            '(`paths.*`, `backendBind`); 诊断会先用这个布局 / diagnoses use this layout'
        : '诊断会使用这个布局；配置文件只需 host、user、密钥、hostKey 和 publicUrl / diagnoses use this layout; ' +
            'the config needs only host, user, the key, hostKey and publicUrl',
    ),
  );
  return fitMessage({ text: `布局 / layout of ${target}`, blocks });
}

/** The root message while the bundle is being collected. */
export function bundleProgressMessage(target: string, user: string, transport?: string): Fitted {
  const how = transport ? ` (${clip(transport, 120)})` : '';
  return fitMessage({
    text: `收集支持包 / collecting a support bundle from ${target}`,
    blocks: [
      section(
        `:package: 正在收集支持包 / collecting a support bundle from *${escapeMrkdwn(target)}*${how} ` +
          `for ${mention(user)}: 布局、日志、配置（已脱敏）和一次 checklist 诊断 / ` +
          'the layout, logs, redacted configs and a checklist diagnosis…',
      ),
    ],
  });
}

/** What support still needs from the browser, with how to get it. */
function browserSection(): Block {
  const items = BROWSER_ITEMS.map((b, i) => `${i + 1}. ${safe(b.zh)}\n    ${safe(b.en)}`);
  return section(
    `*还需要浏览器中的信息（bot 收集不到）/ Also needed from the browser (the bot cannot collect them):*\n` +
      `${items.join('\n')}\n请把它们发到这个消息串里 / post them in this thread.`,
  );
}

/** The root message once the bundle is in its thread. */
export function bundleDoneMessage(
  target: string,
  user: string,
  b: { bundle: Bundle; fileName: string; verdict?: string },
): Fitted {
  const cut = b.bundle.manifest.filter((m) => m.cut).map((m) => m.file);
  const kib = (b.bundle.archive.length / 1024).toFixed(1);
  const lines = [
    `:package: 支持包在消息串里 / the support bundle is in the thread: \`${escapeMrkdwn(b.fileName)}\` ` +
      `(${kib} KiB, ${b.bundle.manifest.length} files) — ${mention(user)}`,
    cut.length
      ? `已截断到大小上限 / cut to the size cap (marked in the files): ${cut.map((c) => `\`${c}\``).join(', ')}`
      : '',
    b.verdict ? `checklist: *${escapeMrkdwn(b.verdict)}* (diagnosis.txt)` : '',
  ].filter(Boolean);
  return fitMessage({
    text: `支持包 / support bundle for ${target}: ${b.fileName}`,
    blocks: [
      header(`支持包 / Support bundle — ${target}`),
      section(lines.join('\n')),
      browserSection(),
      context(
        '每个文件都已脱敏，MANIFEST.txt 列出每个文件的来源命令、大小和 sha256 / every file was redacted; ' +
          'MANIFEST.txt lists the command, size and sha256 of each file',
      ),
    ],
  });
}

/** Before trusting a report: where the config disagrees with the server, and what discovery could not decide. */
export function layoutNotice(target: string, notices: readonly string[]): Fitted {
  const lines = notices.slice(0, MAX_ITEMS).map((n) => `• ${clip(n, 300)}`);
  if (notices.length > MAX_ITEMS) lines.push(`… ${notices.length - MAX_ITEMS} more`);
  return fitMessage({
    text: `布局 / layout of ${target}: ${notices.length} notice(s)`,
    blocks: [
      ...pack(`*布局 / layout of ${escapeMrkdwn(target)}* (\`/oms discover ${escapeMrkdwn(target)}\`):`, lines),
      context('`/oms discover` 列出整个布局及每个值的来源 / shows the whole layout and where each value comes from'),
    ],
  });
}
