import { parseConfig } from '../../../src/config/config.js';
import type { Target } from '../../../src/config/target.js';
import type { LayoutRow } from '../../../src/discovery/apply-layout.js';
import { LAYOUT_KEYS } from '../../../src/discovery/layout.js';
import { LIMITS } from '../../../src/render/block-limits.js';
import { limitViolations } from '../../../src/render/limit-violations.js';
import { targetLayouts, targetsMessage } from '../../../src/slack/targets.js';

function config(n: number) {
  const targets = Array.from(
    { length: n },
    (_, i) => `  web${i + 1}:\n    host: 10.0.2.${i + 1}\n    user: omsbot\n    privateKey: /k\n`,
  ).join('');
  return parseConfig(`targets:\n${targets}`, 'fleet.yml');
}

/** Every layout key discovered, with long values and sources (a deep install, long nginx file names). */
const FULL: LayoutRow[] = LAYOUT_KEYS.map((key) => ({
  key,
  value: `/srv/${'very-long-directory-name/'.repeat(6)}${key}`,
  source: `nginx -T /etc/nginx/conf.d/${'a-long-site-name-'.repeat(5)}.conf:12`,
}));

const text = (m: ReturnType<typeof targetsMessage>) => JSON.stringify(m.message.blocks);

describe('targetsMessage (/oms targets)', () => {
  it('redacts each value (before it is cut): no piece of a secret is shown', () => {
    const secret = 'Zq7tK2pLw9VxN4rB';
    const rows: LayoutRow[] = [
      { key: 'paths.backend', value: `/srv/${'a'.repeat(70)} redis://:${secret}@127.0.0.1:6379/0`, source: 's' },
    ];
    const shown = text(targetsMessage(config(1), new Map([['web1', rows]])));
    for (let i = 0; i + 8 <= secret.length; i++) expect(shown).not.toContain(secret.slice(i, i + 8));
  });

  it("a target's layout rows, each with its source; no layout note when nothing is cached", () => {
    const c = config(2);
    const rows: LayoutRow[] = [
      { key: 'paths.backend', value: '/srv/oms/backend', source: 'unit WorkingDirectory' },
      { key: 'paths.nginxErrorLogs', value: ['/a.log', '/b.log'], source: 'nginx -T x.conf:8' },
    ];
    const m = targetsMessage(c, new Map([['web1', rows]]));
    expect(text(m)).toContain('• `web1` omsbot@10.0.2.1:22');
    expect(text(m)).toContain('◦ `paths.backend` /srv/oms/backend ← _unit WorkingDirectory_');
    expect(text(m)).toContain('◦ `paths.nginxErrorLogs` /a.log, /b.log ← _nginx -T x.conf:8_');
    expect(text(m)).toContain('layouts from the discovery cache');
    expect(text(targetsMessage(c))).not.toMatch(/◦|discovery cache/);
  });

  it.each([1, 12, 40, 70])('%i targets with every key discovered: within Block Kit limits, all named', (n) => {
    const c = config(n);
    const m = targetsMessage(c, new Map([...c.targets.keys()].map((name) => [name, FULL])));
    expect(limitViolations(m.message)).toEqual([]);
    expect(m.overflow).toEqual([]);
    const total = m.message.blocks.reduce((s, b) => s + JSON.stringify(b).length, 0);
    expect(total).toBeLessThan(LIMITS.messageTextTotal + 2_000);
    for (const name of c.targets.keys()) expect(text(m)).toContain(`\`${name}\``);
    // Each target (`local` included) shows its first row, or with very many a count; the rest is named
    // with how to see it.
    const shown = text(m).match(/◦ `paths\.backend`/g)?.length ?? 0;
    if (n <= 40) expect(shown).toBe(c.targets.size);
    else expect(text(m).match(/◦ … \+13: `\/oms discover web\d+`/g)).toHaveLength(n);
    if (n > 1) expect(text(m)).toMatch(/◦ … \+\d+: `\/oms discover web1`/);
  });
});

describe('targetLayouts', () => {
  it('keeps the rows not left at defaults; a target whose cache cannot be read counts as none', async () => {
    const c = config(3);
    const layout = {
      async cached(t: Target) {
        if (t.name === 'web2') throw new Error('redis down');
        if (t.name === 'web3') return undefined;
        return {
          target: t,
          conflicts: [],
          rows: [
            { key: 'paths.backend' as const, value: '/srv/oms/backend', source: 'unit WorkingDirectory' },
            { key: 'paths.frontend' as const, value: '/opt/OMS/frontend-pc', source: 'default' },
          ],
        };
      },
    };
    const found = await targetLayouts(c, layout);
    expect([...found.keys()].sort()).toEqual(['local', 'web1']);
    expect(found.get('web1')!.map((r) => r.key)).toEqual(['paths.backend']);
  });
});
