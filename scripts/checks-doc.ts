/**
 * The generated parts of docs/checks.md, from the check registry: for each
 * group (service side, web side, common signals) and the catalogue of causes (scripts/causes-doc.ts) a table between
 * `<!-- checks:NAME:start -->` and `<!-- checks:NAME:end -->`. Pure: the writer
 * is scripts/docs-checks.ts, the drift test test/unit/checks/docs-drift.test.ts.
 */
import type { Check } from '../src/checks/check.js';
import { COMMON_SIGNALS } from '../src/checks/output.js';
import { causesTable } from './causes-doc.js';
import { HOST_CHECKS } from '../src/checks/host-checks.js';
import { SERVICE_CHECKS } from '../src/checks/service-checks.js';
import { WEB_CHECKS } from '../src/checks/web-checks.js';
import type { Target } from '../src/config/target.js';
import { targetSchema } from '../src/config/target-schema.js';
import { shellJoin } from '../src/transport/quote.js';

/** The target the command column is shown for: the default layout, reached over SSH. */
export const DOC_TARGET: Target = { name: 'prod', ...targetSchema.parse({ host: '172.29.91.61', user: 'omsbot' }) };

/** Markdown inline code that survives backticks inside, with `|` escaped for a table cell. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return cell(`${fence}${pad}${text}${pad}${fence}`);
}

/** A table cell: pipes escaped, line breaks as `<br>`. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function signalList(signals: Readonly<Record<string, string>>): string {
  return Object.entries(signals)
    .map(([id, meaning]) => `${code(id)}: ${cell(meaning)}`)
    .join('<br>');
}

/** One row per check: id, title, the commands as sent (`sudo -n` where it needs root), its signals. */
export function checksTable(checks: readonly Check[], target: Target = DOC_TARGET): string {
  const rows = checks.map((c) => {
    const commands = c
      .commands(target)
      .map((cmd) => code(shellJoin([...(cmd.sudo ? ['sudo', '-n'] : []), ...cmd.argv])))
      .join('<br>');
    return `| ${code(c.id)} | ${cell(c.title)} / ${cell(c.titleEn)} | ${commands} | ${signalList(c.signals)} |`;
  });
  return ['| id | title | commands (as run for the default layout) | signals |', '|---|---|---|---|', ...rows].join(
    '\n',
  );
}

/** The signals every check may emit (from `commandProblem()` in src/checks/output.ts). */
export function commonSignalsTable(): string {
  const rows = Object.entries(COMMON_SIGNALS).map(([id, meaning]) => `| ${code(id)} | ${cell(meaning)} |`);
  return ['| signal | meaning |', '|---|---|', ...rows].join('\n');
}

/** Every generated section of docs/checks.md by marker name. */
export function generatedSections(): Record<string, string> {
  return {
    common: commonSignalsTable(),
    service: checksTable(SERVICE_CHECKS),
    web: checksTable(WEB_CHECKS),
    host: checksTable(HOST_CHECKS),
    causes: causesTable(),
  };
}

/** `doc` with each marked section replaced; throws when a marker pair is missing. */
export function withGeneratedSections(doc: string, sections: Record<string, string>): string {
  let out = doc;
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- checks:${name}:start -->`;
    const end = `<!-- checks:${name}:end -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`docs/checks.md lacks the markers ${start} … ${end}`);
    out = `${out.slice(0, i + start.length)}\n${body}\n${out.slice(j)}`;
  }
  return out;
}
