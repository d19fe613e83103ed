/**
 * docs/checks.md's tables are generated from the check registry
 * (scripts/checks-doc.ts); this fails when the page and the registry disagree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../../../src/checks/registry.js';
import { checksTable, generatedSections, withGeneratedSections } from '../../../scripts/checks-doc.js';
import { defineCheck } from '../../../src/checks/check.js';

const DOC = fileURLToPath(new URL('../../../docs/checks.md', import.meta.url));

describe('docs/checks.md', () => {
  test('matches the check registry (after changing a check, run `npm run docs:checks`)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const drifted = withGeneratedSections(doc, generatedSections()) !== doc;
    expect({ 'docs/checks.md differs from the registry: run `npm run docs:checks`': drifted }).toEqual({
      'docs/checks.md differs from the registry: run `npm run docs:checks`': false,
    });
  });

  test('lists every check of the registry and every signal it declares', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const check of CHECKS) {
      expect(doc).toContain(`| \`${check.id}\` |`);
      for (const signal of Object.keys(check.signals)) expect(doc).toContain(`\`${signal}\`: `);
    }
  });
});

describe('the generator', () => {
  const probe = defineCheck({
    id: 'probe-check',
    title: '探测',
    titleEn: 'Probe',
    signals: { 'a-b': 'one | two', seen: 'line one\nline two' },
    commands: () => [{ argv: ['grep', '-E', 'a|b`c', '/x'] }, { argv: ['/usr/sbin/nginx', '-t'], sudo: true }],
    interpret: () => ({ status: 'ok', summary: '', evidence: '', facts: {}, signals: [] }),
  });

  test('renders a row: commands as sent (sudo -n where root is needed), pipes and backticks safe in a cell', () => {
    const row = checksTable([probe]).split('\n')[2];
    expect(row).toBe(
      "| `probe-check` | 探测 / Probe | `` grep -E 'a\\|b`c' /x ``<br>`sudo -n /usr/sbin/nginx -t` | " +
        '`a-b`: one \\| two<br>`seen`: line one<br>line two |',
    );
  });

  test('replaces only what is between the markers, and refuses a page without them', () => {
    const page = 'intro\n<!-- checks:web:start -->\nold\n<!-- checks:web:end -->\noutro\n';
    expect(withGeneratedSections(page, { web: 'new' })).toBe(
      'intro\n<!-- checks:web:start -->\nnew\n<!-- checks:web:end -->\noutro\n',
    );
    expect(() => withGeneratedSections('no markers', { web: 'new' })).toThrow(/checks:web:start/);
  });
});
