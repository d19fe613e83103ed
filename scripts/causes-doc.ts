/**
 * The catalogue of causes as a table for docs/checks.md (between `<!-- checks:causes:start -->` and
 * `<!-- checks:causes:end -->`), read from playbooks/causes/*.md and validated as the bot does at start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { buildCatalogue } from '../src/playbooks/catalogue.js';
import type { FindingRule, SignalRef } from '../src/playbooks/playbook.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { CAUSES_DIR } from '../src/playbooks/sources.js';

const refs = (list: readonly SignalRef[] | undefined) =>
  (list ?? []).map((r) => `\`${r.check}:${r.signal}\``).join(' ');

/** When it fires, in one cell: any of `when`, all of `all`, none of `unless`. */
function confirmedBy(c: FindingRule): string {
  return [
    refs(c.when),
    c.all.length > 0 ? `and all of ${refs(c.all)}` : '',
    c.unless.length > 0 ? `unless ${refs(c.unless)}` : '',
  ]
    .filter(Boolean)
    .join('<br>');
}

/** One row per cause, in catalogue order, from `dir/causes` (default: the repository's playbooks/). */
export function causesTable(dir = defaultPlaybookDir()): string {
  const causesDir = path.join(dir, CAUSES_DIR);
  const sources = readdirSync(causesDir)
    .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .sort()
    .map((n) => ({ file: path.join(causesDir, n), source: readFileSync(path.join(causesDir, n), 'utf8') }));
  const { causes } = buildCatalogue(sources, playbookRegistry());
  const rows = causes.map(
    (c) =>
      `| \`${c.id}\` | ${c.severity} | ${c.title.replace(/\|/g, '\\|')} | ${confirmedBy(c)} | ` +
      `${(c.explains ?? []).map((e) => `\`${e}\``).join(' ')} | ${refs(c.suspect)} | ` +
      `${c.action ? `\`${c.action}\`` : ''} | ${c.source.replace(/^causes\//, '')} |`,
  );
  return [
    '| cause | severity | title | fires on | explains | suspected on | action | file |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
