import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import type { LayoutRow } from '../discovery/apply-layout.js';
import type { LayoutService } from '../discovery/layout-service.js';
import { context, safe, section } from '../render/block-builders.js';
import { fitMessage, type Block, type Fitted } from '../render/block-limits.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import { redact } from '../redact.js';

/**
 * `/oms targets`: each target, how it is reached, and — as the command line's `targets` shows it — the
 * layout discovery found for it (the values not left at their defaults, each with its source), read
 * from the discovery cache: nothing runs on a server.
 */

/** Target name → its layout rows that are not defaults; a target absent has no cached discovery. */
export type TargetLayouts = ReadonlyMap<string, readonly LayoutRow[]>;

/** Characters all the layouts together may take, so the whole answer stays within Block Kit's total. */
const LAYOUT_BUDGET = 7_000;
/** Below this share a target's layout is a count with how to see it (rows would not fit). */
const MIN_ROW_BUDGET = 120;
/** Per section, under Block Kit's 3,000. */
const SECTION_MAX = 2_900;

const code = (s: string) => `\`${escapeMrkdwn(s)}\``;

/** Redacted before it is cut: a cut first could leave half a secret that no pattern recognises. */
function clip(text: string, max: number): string {
  const one = redact(text).replace(/\s+/g, ' ');
  return safe(one.length > max ? `${one.slice(0, max - 1)}…` : one);
}

/** The cached layouts of the configured targets; a cache that cannot be read counts as none cached. */
export async function targetLayouts(config: Config, layout: Pick<LayoutService, 'cached'>): Promise<TargetLayouts> {
  const found = new Map<string, LayoutRow[]>();
  await Promise.all(
    [...config.targets.values()].map(async (t) => {
      const r = await layout.cached(t).catch(() => undefined);
      const rows = r?.rows.filter((row) => row.source !== 'default') ?? [];
      if (rows.length) found.set(t.name, rows);
    }),
  );
  return found;
}

/**
 * A target's layout rows as lines within `budget` characters (values and sources clipped to fit at least
 * the first row); what does not fit is named with how to see it. A very small budget (many targets): a count.
 */
function layoutLines(t: Target, rows: readonly LayoutRow[], budget: number): string[] {
  const more = (n: number) => `      ◦ … +${n}: \`/oms discover ${escapeMrkdwn(t.name)}\``;
  if (budget < MIN_ROW_BUDGET) return [more(rows.length)];
  const show = (v: string | readonly string[]) => (typeof v === 'string' ? v : v.join(', '));
  const valueMax = Math.min(100, Math.floor(budget / 3));
  const sourceMax = Math.min(80, Math.floor(budget / 4));
  const lines: string[] = [];
  let used = 0;
  for (const [i, row] of rows.entries()) {
    const line = `      ◦ ${code(row.key)} ${clip(show(row.value), valueMax)} ← _${clip(row.source, sourceMax)}_`;
    if (i > 0 && used + line.length > budget) {
      lines.push(more(rows.length - i));
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines;
}

export function targetsMessage(config: Config, layouts: TargetLayouts = new Map()): Fitted {
  const targets = [...config.targets.values()];
  const withLayout = targets.filter((t) => layouts.has(t.name)).length;
  // An even share each.
  const share = withLayout ? Math.floor(LAYOUT_BUDGET / withLayout) : 0;
  const entries = targets.map((t) => {
    const where = t.host === 'local' ? '本机 / this machine (no SSH)' : safe(`${t.user ?? '?'}@${t.host}:${t.port}`);
    const dflt = t.name === config.defaultTarget ? ' *(默认 / default)*' : '';
    const rows = layouts.get(t.name);
    return [`• ${code(t.name)} ${where} — ${safe(t.publicUrl)}${dflt}`, ...(rows ? layoutLines(t, rows, share) : [])];
  });
  const blocks: Block[] = [];
  let cur = `*目标 / targets* (${safe(config.source)}):`;
  for (const entry of entries.map((e) => e.join('\n'))) {
    if (cur.length + entry.length + 1 > SECTION_MAX) {
      blocks.push(section(cur));
      cur = '';
    }
    cur = cur ? `${cur}\n${entry}` : entry;
  }
  blocks.push(section(cur));
  if (withLayout)
    blocks.push(
      context(
        '布局来自发现结果的缓存，◦ 行是服务器上找到或配置里写的值 / layouts from the discovery cache: ' +
          'each ◦ line is a value found on the server or set in the config · `/oms discover <target>` refreshes one',
      ),
    );
  return fitMessage({ text: 'oms-chatops targets', blocks });
}
