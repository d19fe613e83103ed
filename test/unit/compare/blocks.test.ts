import { compareDetails, compareMessage, compareProgressMessage } from '../../../src/compare/blocks.js';
import type { Comparison, Difference } from '../../../src/compare/diff.js';
import { limitViolations } from '../../../src/render/limit-violations.js';

const run = {
  playbook: { id: 'checklist', title: '清单', titleEn: 'checklist' },
  a: 'prod',
  b: 'staging',
  requester: 'U1',
};

function comparison(differences: Difference[]): Comparison {
  const side = (target: string) => ({
    target,
    host: `${target}.example`,
    verdict: 'problem' as const,
    headline: 'x',
    findings: [],
  });
  return {
    playbook: run.playbook,
    sides: [side('prod'), side('staging')],
    differences,
    same: 3,
    notCompared: [],
    unreachable: [],
  };
}

const diff = (i: number, explains: string[] = []): Difference => ({
  fact: `env-format.settings.KEY_${i}`,
  group: i % 2 ? 'settings' : 'nginx',
  label: `KEY_${i}_${'x'.repeat(60)}`,
  kind: 'value',
  a: Array.from({ length: 20 }, (_, k) => `http://a-${i}-${k}.example/*_\`<&>`),
  b: `b-${i}`,
  explains,
});

describe('compare in Block Kit', () => {
  it('500 long differences: every message within Slack’s limits; what does not fit is handed back for the file', () => {
    const c = comparison(Array.from({ length: 500 }, (_, i) => diff(i, i < 3 ? ['allowed-hosts'] : [])));
    const root = compareMessage(run, c);
    const details = compareDetails(c);
    for (const m of [
      root,
      details,
      compareProgressMessage(run, { a: { done: 3, total: 13 }, b: { done: 15, total: 15 } }),
    ])
      expect(limitViolations(m.message)).toEqual([]);
    expect(details.overflow.length).toBeGreaterThan(0);
    const rootText = JSON.stringify(root.message.blocks);
    expect(rootText).toMatch(/494 more in the thread/);
    // Free text is escaped: no mrkdwn control characters or mentions from values.
    expect(rootText).not.toMatch(/<&>/);
  });

  it('the root message shows the differences that explain a finding before the others', () => {
    const c = comparison([diff(1, ['backend-down']), diff(2)]);
    const t = JSON.stringify(compareMessage(run, c).message.blocks);
    expect(t.indexOf(':small_orange_diamond: *KEY_1')).toBeGreaterThan(0);
    expect(t.indexOf(':small_orange_diamond: *KEY_1')).toBeLessThan(t.indexOf('• *KEY_2'));
    expect(t).toMatch(/→ `backend-down`/);
  });
});
