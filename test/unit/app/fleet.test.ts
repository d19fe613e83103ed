import { FLEET_CONNECT_PER_SERVER, runFleet } from '../../../src/app/fleet.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { parseConfig } from '../../../src/config/config.js';
import type { Target } from '../../../src/config/target.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { TransportError, type Transport } from '../../../src/transport/transport.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';
import { MemoryAudit } from '../../helpers/memory-audit.js';

const config = parseConfig(
  ['web1', 'web2', 'web3', 'dead', 'hung']
    .map((n, i) => `  ${n}:\n    host: 10.0.0.${i + 1}\n    user: omsbot\n    privateKey: /nonexistent/key\n`)
    .reduce((a, b) => a + b, 'targets:\n') + 'groups:\n  prod: [web1, web2, web3, dead, hung]\n',
  'test.yml',
);

/** web1/web2: ALLOWED_HOSTS lacks the IP; web3 healthy; dead refuses; hung never answers. */
function transportFor(t: Target): Transport {
  if (t.name === 'dead')
    return {
      describe: 'omsbot@10.0.0.4:22',
      exec: async () => {
        throw new TransportError('connect_refused', 'Nothing answers on 10.0.0.4:22 (connection refused).', 'hint');
      },
      close: async () => undefined,
    };
  if (t.name === 'hung')
    // Answers long after the fleet's deadline (a command stuck on the server), then times out.
    return {
      describe: 'omsbot@10.0.0.5:22',
      exec: () => new Promise((resolve) => setTimeout(() => resolve(timedOut), 400)),
      close: async () => undefined,
    };
  return new ReplayTransport(t.name === 'web3' ? 'healthy' : 'allowed-hosts-missing-ip');
}

const timedOut = {
  code: null,
  signal: null,
  stdout: '',
  stderr: '',
  durationMs: 1_000,
  truncated: false,
  timedOut: true,
};

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

describe('runFleet', () => {
  it('runs every target, each with its own deadline; a dead and a hung host end unreachable, others finish', async () => {
    const audit = new MemoryAudit();
    const login = playbooks.find((p) => p.id === 'login')!;
    const targets = config.groups.get('prod')!.map((n) => config.targets.get(n)!);
    const done: string[] = [];
    const started = Date.now();
    const r = await runFleet(
      { config, findCheck, transportFor, audit },
      {
        what: { kind: 'diagnose', playbook: login },
        group: 'prod',
        targets,
        actor: { id: 'console:alice', via: 'cli' },
        targetTimeoutMs: 300,
      },
      (report, n, total) => done.push(`${n}/${total} ${report.target.name} ${report.verdict}`),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // Reports stay in the group's order; the callback saw them as they finished, the hung one last.
    expect(r.reports.map((x) => x.target.name)).toEqual(['web1', 'web2', 'web3', 'dead', 'hung']);
    expect(done).toHaveLength(5);
    expect(done[4]).toBe('5/5 hung unreachable');
    const byName = new Map(r.reports.map((x) => [x.target.name, x]));
    expect(byName.get('dead')!.verdict).toBe('unreachable');
    expect(byName.get('dead')!.error?.message).toMatch(/connection refused/);
    expect(byName.get('hung')!.error).toMatchObject({ code: 'target_timeout' });
    expect(byName.get('web3')!.verdict).not.toBe('unreachable');
    // Worst first, same verdict in group order; the ALLOWED_HOSTS finding is shared by web1 and web2.
    expect(r.summary.rows.map((x) => x.target)).toEqual(['dead', 'hung', 'web1', 'web2', 'web3']);
    expect(r.summary.verdict).toBe('unreachable');
    expect(r.summary.counts.unreachable).toBe(2);
    const shared = r.summary.shared.find((s) => s.targets.includes('web1'));
    expect(shared?.targets).toEqual(['web1', 'web2']);
    // Every target is in the audit log, the timed-out one included.
    expect(audit.entries.map((e) => e.target).sort()).toEqual(['dead', 'hung', 'web1', 'web2', 'web3']);
  });

  it("closes each reachable target's connection as its report is made when asked (one-shot), never before", async () => {
    const login = playbooks.find((p) => p.id === 'login')!;
    const targets = ['web1', 'web3'].map((n) => config.targets.get(n)!);
    const events: string[] = [];
    const recording = (t: Target): Transport => {
      const inner = transportFor(t);
      return {
        describe: inner.describe,
        exec: (argv, options) => {
          events.push(`exec ${t.name}`);
          return inner.exec(argv, options);
        },
        close: async () => {
          events.push(`close ${t.name}`);
        },
      };
    };
    const pool = new Map(targets.map((t) => [t.name, recording(t)]));
    const request = {
      what: { kind: 'diagnose' as const, playbook: login },
      group: 'prod',
      targets,
      actor: { id: 'console:alice', via: 'cli' as const },
    };
    const deps = { config, findCheck, transportFor: (t: Target) => pool.get(t.name)! };
    await runFleet(deps, request, (report) => events.push(`done ${report.target.name}`));
    expect(events.filter((e) => e.startsWith('close'))).toEqual([]);
    events.length = 0;
    await runFleet(deps, { ...request, releaseWhenDone: true }, (report) => events.push(`done ${report.target.name}`));
    for (const name of ['web1', 'web3']) {
      const closed = events.indexOf(`close ${name}`);
      expect(closed).toBeGreaterThan(events.lastIndexOf(`exec ${name}`));
      expect(closed).toBeLessThan(events.indexOf(`done ${name}`));
    }
  });

  it('never runs more targets at once than asked', async () => {
    let active = 0;
    let peak = 0;
    const slow: Transport = {
      describe: 'slow',
      exec: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        throw new TransportError('connect_refused', 'refused', 'hint');
      },
      close: async () => undefined,
    };
    const targets = ['web1', 'web2', 'web3', 'dead', 'hung'].map((n) => ({
      ...config.targets.get(n)!,
      maxConcurrency: 1,
    }));
    const r = await runFleet(
      { config, findCheck, transportFor: () => slow },
      {
        what: { kind: 'check', check: CHECKS.find((c) => c.id === 'backend-service')! },
        group: 'prod',
        targets,
        actor: { id: 'console:alice', via: 'cli' },
        concurrency: 2,
      },
    );
    expect(peak).toBe(2);
    expect(r.summary.counts.unreachable).toBe(5);
    expect(r.summary.what).toBe('check backend-service');
  });

  it('opens every connection at the start: a hung and a dead host never hold a place the others wait for', async () => {
    // One target at a time, the two unreachable ones first in the group: before, the hung one held the only
    // place through its handshake deadline and everyone else waited behind it.
    const events: string[] = [];
    let releaseHung: () => void = () => undefined;
    const hungAnswered = new Promise<void>((resolve) => (releaseHung = resolve));
    const withConnect = (t: Target): Transport => {
      if (t.name === 'hung')
        return {
          describe: 'omsbot@10.0.0.5:22',
          connect: async () => {
            events.push('connect hung');
            await hungAnswered;
            throw new TransportError('connect_timeout', '10.0.0.5:22 did not answer the SSH handshake.', 'hint');
          },
          exec: async () => {
            throw new Error('nothing may run on a target whose connection failed');
          },
          close: async () => undefined,
        };
      if (t.name === 'dead')
        return {
          describe: 'omsbot@10.0.0.4:22',
          connect: async () => {
            events.push('connect dead');
            throw new TransportError('connect_refused', 'Nothing answers on 10.0.0.4:22 (connection refused).', 'h');
          },
          exec: async () => {
            throw new Error('nothing may run on a target whose connection failed');
          },
          close: async () => undefined,
        };
      const replay = new ReplayTransport('healthy');
      return {
        describe: replay.describe,
        connect: async () => void events.push(`connect ${t.name}`),
        exec: (argv, options) => replay.exec(argv, options),
        close: async () => undefined,
      };
    };
    const login = playbooks.find((p) => p.id === 'login')!;
    const order = ['hung', 'dead', 'web1', 'web2', 'web3'];
    const audit = new MemoryAudit();
    const r = await runFleet(
      { config, findCheck, transportFor: withConnect, audit },
      {
        what: { kind: 'diagnose', playbook: login },
        group: 'prod',
        targets: order.map((n) => config.targets.get(n)!),
        actor: { id: 'console:alice', via: 'cli' },
        concurrency: 1,
      },
      (report) => {
        events.push(`done ${report.target.name}`);
        // The hung host answers its handshake (with a failure) only once every other target is done.
        if (events.filter((e) => e.startsWith('done ')).length === 4) releaseHung();
      },
    );
    // Every connection was attempted before any target finished, whatever its place in the group.
    expect(events.slice(0, 5).sort()).toEqual(order.map((n) => `connect ${n}`).sort());
    // The dead one at once, the reachable ones one at a time, the hung one last: nobody waited for it.
    expect(events.filter((e) => e.startsWith('done '))).toEqual([
      'done dead',
      'done web1',
      'done web2',
      'done web3',
      'done hung',
    ]);
    const by = new Map(r.reports.map((x) => [x.target.name, x]));
    // The rows say what they said before: unreachable, with the transport's code and message, in every check.
    expect(by.get('hung')).toMatchObject({ verdict: 'unreachable', error: { code: 'connect_timeout' } });
    expect(by.get('hung')!.error!.message).toMatch(/did not answer the SSH handshake/);
    expect(by.get('dead')).toMatchObject({ verdict: 'unreachable', error: { code: 'connect_refused' } });
    expect(by.get('dead')!.observations).toHaveLength(login.checks.length);
    expect(by.get('dead')!.observations.every((o) => /cannot reach the target/.test(o.summary))).toBe(true);
    expect(by.get('web1')!.verdict).not.toBe('unreachable');
    expect(r.reports.map((x) => x.target.name)).toEqual(order);
    expect(audit.entries.map((e) => e.target).sort()).toEqual([...order].sort());
  });
  it('logs in to one server a few at a time (OpenSSH MaxStartups), to different servers all at once', async () => {
    // 20 targets on one sshd and 12 on twelve others: the shared server never sees more than
    // FLEET_CONNECT_PER_SERVER logins at once; the others are not held back by it.
    const names = [
      ...Array.from({ length: 20 }, (_, i) => `same${i}`),
      ...Array.from({ length: 12 }, (_, i) => `own${i}`),
    ];
    const many = parseConfig(
      names
        .map(
          (n, i) =>
            `  ${n}:\n    host: ${n.startsWith('same') ? '10.0.1.1' : `10.0.2.${i}`}\n    user: omsbot\n` +
            '    privateKey: /nonexistent/key\n',
        )
        .reduce((a, b) => a + b, 'targets:\n'),
      'many.yml',
    );
    const open = new Map<string, number>();
    const peak = new Map<string, number>();
    const withConnect = (t: Target): Transport => {
      const replay = new ReplayTransport('healthy');
      return {
        describe: replay.describe,
        connect: async () => {
          const now = (open.get(t.host) ?? 0) + 1;
          open.set(t.host, now);
          peak.set(t.host, Math.max(peak.get(t.host) ?? 0, now));
          await new Promise((resolve) => setTimeout(resolve, 5));
          open.set(t.host, open.get(t.host)! - 1);
        },
        exec: (argv, options) => replay.exec(argv, options),
        close: async () => undefined,
      };
    };
    const login = playbooks.find((p) => p.id === 'login')!;
    const r = await runFleet(
      { config: many, findCheck, transportFor: withConnect, audit: new MemoryAudit() },
      {
        what: { kind: 'diagnose', playbook: login },
        group: 'all',
        targets: names.map((n) => many.targets.get(n)!),
        actor: { id: 'console:alice', via: 'cli' },
      },
    );
    expect(r.reports.every((x) => x.verdict !== 'unreachable')).toBe(true);
    expect(peak.get('10.0.1.1')).toBe(FLEET_CONNECT_PER_SERVER);
    expect([...peak].filter(([h]) => h !== '10.0.1.1').every(([, n]) => n === 1)).toBe(true);
  });
});
