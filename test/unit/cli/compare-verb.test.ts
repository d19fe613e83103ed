import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../../src/cli/runner.js';
import type { Target } from '../../../src/config/target.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { TransportError, type Transport } from '../../../src/transport/transport.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';
import { testConfig } from '../approvals/fake-server.js';
import { MemoryAudit } from '../../helpers/memory-audit.js';

/**
 * `compare` through the command runner, the application layer and the real checks and engine, each
 * target answering from its own captured situation: the table, --json, the exit codes, the audit
 * records, and the refusals.
 */
let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

function runner(scenarios: Record<string, string | Error>) {
  const lines: string[] = [];
  const progress: string[] = [];
  const audit = new MemoryAudit();
  const used: string[] = [];
  const r = new CommandRunner({
    config: testConfig(),
    playbooks,
    checks: CHECKS,
    findCheck,
    audit,
    transportFor: (t: Target): Transport => {
      used.push(t.name);
      const s = scenarios[t.name] ?? 'healthy';
      if (s instanceof Error) throw s;
      return new ReplayTransport(s);
    },
    out: (t) => lines.push(t),
    progress: (t) => progress.push(t),
  });
  return { r, text: () => lines.join('\n'), progress, audit, used };
}

describe('compare on the command line', () => {
  it('prod broken, staging healthy: the cause first, exit 1, both runs audited', async () => {
    const { r, text, audit, progress } = runner({ prod: 'allowed-hosts-missing-ip', staging: 'healthy' });
    expect(await r.runWords(['compare', 'login', 'prod', 'staging'])).toBe(EXIT.problem);
    const out = text();
    expect(out).toMatch(/^对比 \/ compare login .*: prod ↔ staging/);
    expect(out).toMatch(/prod\s+有问题 \/ problem/);
    expect(out).toMatch(/staging\s+正常 \/ ok/);
    const rows = out.split('\n').filter((l) => l.startsWith('! '));
    expect(rows[0]).toMatch(
      /^! ALLOWED_HOSTS\s+localhost, 127\.0\.0\.1\s+172\.29\.91\.61, localhost, 127\.0\.0\.1\s+allowed-hosts$/,
    );
    expect(out).not.toMatch(/EVuWdnct2NUwk9oKAAJK|nxcG0fXEWVsXKBOJWBPhDY26|h6inws/);
    expect(out).toMatch(/values not compared: DATABASE_PASSWORD, REDIS_PASSWORD, SECRET_KEY/);
    expect(audit.entries.map((e) => [e.target, e.user, e.via])).toEqual(
      expect.arrayContaining([
        ['prod', 'console', 'cli'],
        ['staging', 'console', 'cli'],
      ]),
    );
    expect(audit.entries).toHaveLength(2);
    expect(progress.join('\n')).toMatch(/comparing login on prod and staging/);
  });

  it('twins alike: no difference, exit 0', async () => {
    const { r, text } = runner({ prod: 'healthy', staging: 'healthy' });
    expect(await r.runWords(['compare', 'api-not-found', 'prod', 'staging'])).toBe(EXIT.ok);
    expect(text()).toMatch(/the checks saw no difference \(\d+ facts alike\)/);
  });

  it('--json: the comparison and both reports, as documented', async () => {
    const { r, text, progress } = runner({ prod: 'nginx-proxy-pass-trailing-slash', staging: 'healthy' });
    expect(await r.runWords(['compare', 'api-not-found', 'prod', 'staging', '--json'])).toBe(EXIT.problem);
    const j = JSON.parse(text()) as Record<string, unknown> & {
      differences: { fact: string; a: unknown; b: unknown; explains: string[] }[];
      reports: { target: { name: string } }[];
      sides: { target: string; verdict: string }[];
    };
    expect(Object.keys(j)).toEqual([
      'playbook',
      'sides',
      'differences',
      'explaining',
      'same',
      'notCompared',
      'unreachable',
      'reports',
    ]);
    expect(j.sides.map((s) => [s.target, s.verdict])).toEqual([
      ['prod', 'problem'],
      ['staging', 'ok'],
    ]);
    expect(j.differences[0]).toEqual({
      fact: 'nginx-site.proxyPasses',
      group: 'nginx',
      label: 'nginx proxy_pass',
      kind: 'value',
      a: ['/admin → http://oms_backend', '/api → http://oms_backend/'],
      b: ['/admin → http://oms_backend', '/api → http://oms_backend'],
      explains: ['api-proxy-pass-uri'],
    });
    expect(j.reports.map((x) => x.target.name)).toEqual(['prod', 'staging']);
    expect(progress).toEqual([]);
  });

  it('one side unreachable: the other side still shown, said so, exit 3', async () => {
    const refused = new TransportError('connect_refused', 'connection refused by 10.0.0.6:22', 'start sshd on staging');
    const { r, text } = runner({ prod: 'healthy', staging: refused });
    expect(await r.runWords(['compare', 'login', 'prod', 'staging'])).toBe(EXIT.unreachable);
    const out = text();
    expect(out).toMatch(/prod\s+正常 \/ ok/);
    expect(out).toMatch(/staging\s+连不上 \/ unreachable/);
    expect(out).toMatch(/connection refused by 10\.0\.0\.6:22 — 下一步 \/ Next: start sshd on staging/);
    expect(out).toMatch(/staging could not be reached: nothing was compared/);
  });

  it.each([
    [['compare', 'login', 'prod', 'prdo'], /unknown target "prdo"/, /prod, staging/],
    [['compare', 'nope', 'prod', 'staging'], /no playbook matches "nope"/, /login/],
    [['compare', 'login', 'prod', 'prod'], /compare needs two different targets, not prod twice/, /compare login prod/],
    [['compare', 'login', 'prod'], /compare needs a playbook and two targets/, /compare login prod staging/],
    [
      ['compare', 'login', 'all', 'prod'],
      /all is a group \(prod, staging\); compare takes two targets/,
      /compare login prod staging/,
    ],
    [['compare'], /compare needs a playbook and two targets/, /oms-chatops compare login prod staging/],
  ])('refuses %j: says what is wrong and what to type, runs nothing', async (words, error, next) => {
    const { r, text, used, audit } = runner({});
    expect(await r.runWords(words)).toBe(EXIT.usage);
    expect(text()).toMatch(error);
    expect(text()).toMatch(next);
    expect(used).toEqual([]);
    expect(audit.entries).toEqual([]);
  });

  it('the console takes the same words', async () => {
    const { r, text } = runner({ prod: 'unit-user-www-data', staging: 'healthy' });
    expect(await r.runLine('compare service-start prod staging')).toBe(EXIT.problem);
    expect(text()).toMatch(/! User= \(unit file\)\s+www-data\s+nginx\s+unit-user-missing, backend-start-failed/);
  });
});
