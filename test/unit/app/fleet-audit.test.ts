/**
 * runFleet writes exactly one audit record per target per run (src/app/fleet.ts, runOneTarget): a target
 * past its deadline is recorded as the timed-out row the report showed, and the run that goes on in the
 * background is not recorded again when it ends; failures before the run are recorded too.
 */
import { runFleet } from '../../../src/app/fleet.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { findCheck } from '../../../src/checks/registry.js';
import { parseConfig } from '../../../src/config/config.js';
import type { Target } from '../../../src/config/target.js';
import type { LayoutService } from '../../../src/discovery/layout-service.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { TransportError, type ExecResult, type Transport } from '../../../src/transport/transport.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';
import { MemoryAudit } from '../../helpers/memory-audit.js';

const NAMES = ['web1', 'hung', 'lost', 'broken'];
const config = parseConfig(
  NAMES.map(
    (n, i) => `  ${n}:\n    host: 10.0.1.${i + 1}\n    user: omsbot\n    privateKey: /nonexistent/key\n`,
  ).reduce((a, b) => a + b, 'targets:\n') + `groups:\n  prod: [${NAMES.join(', ')}]\n`,
  'test.yml',
);
const targets = NAMES.map((n) => config.targets.get(n)!);

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

/** The hung target's commands answer only when the test lets them (long after the fleet stopped waiting). */
function hungTransport() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const result: ExecResult = {
    code: 0,
    signal: null,
    stdout: '',
    stderr: '',
    durationMs: 1,
    truncated: false,
    timedOut: false,
  };
  const transport: Transport = {
    describe: 'omsbot@10.0.1.2:22',
    exec: async () => {
      await released;
      return result;
    },
    close: async () => undefined,
  };
  return { transport, release };
}

/**
 * Layout as discovery would give it, except: `lost` is unreachable already at discovery, `broken` fails
 * with a fault. `afterReport` is the last step of a run before it records its report: it tells the test
 * when the hung target's background run has its report.
 */
function layout(onReport: (target: string) => void): LayoutService {
  const fake = {
    async layoutFor(t: Target) {
      if (t.name === 'lost') throw new TransportError('connect_refused', 'Nothing answers on 10.0.1.3:22.', 'hint');
      if (t.name === 'broken') throw new Error('layout cache unreadable');
      return { target: t, notices: [], cached: false };
    },
    async afterReport(t: Target) {
      onReport(t.name);
      return undefined;
    },
  };
  return fake as unknown as LayoutService;
}

describe('runFleet: one audit record per target per run', () => {
  it('the timed-out target is recorded once, as the report showed it; its late end is not recorded', async () => {
    const audit = new MemoryAudit();
    const hung = hungTransport();
    let lateReport!: () => void;
    const lateDone = new Promise<void>((r) => (lateReport = r));
    const login = playbooks.find((p) => p.id === 'login')!;
    const r = await runFleet(
      {
        config,
        findCheck,
        audit,
        transportFor: (t) => (t.name === 'hung' ? hung.transport : new ReplayTransport('healthy')),
        layout: layout((name) => name === 'hung' && lateReport()),
      },
      {
        what: { kind: 'diagnose', playbook: login },
        group: 'prod',
        targets,
        actor: { id: 'console:alice', via: 'cli' },
        targetTimeoutMs: 150,
      },
    );
    const byName = new Map(r.reports.map((x) => [x.target.name, x]));
    expect(byName.get('hung')!.error).toMatchObject({ code: 'target_timeout' });
    expect(byName.get('lost')!.verdict).toBe('unreachable');
    expect(byName.get('broken')!.verdict).toBe('inconclusive');

    // Let the hung target answer: its run ends in the background with a report of its own.
    hung.release();
    await lateDone;
    await new Promise((resolve) => setTimeout(resolve, 20));

    const perTarget = NAMES.map((n) => [n, audit.entries.filter((e) => e.target === n).length]);
    expect(perTarget).toEqual(NAMES.map((n) => [n, 1]));
    const hungEntry = audit.entries.find((e) => e.target === 'hung')!;
    expect(hungEntry.verdict).toBe('unreachable');
    expect(audit.entries.find((e) => e.target === 'lost')!.verdict).toBe('unreachable');
    expect(audit.entries.find((e) => e.target === 'broken')!.verdict).toBe('inconclusive');
    expect(audit.entries.find((e) => e.target === 'web1')!).toMatchObject({ event: 'diagnosis', playbook: 'login' });
  });

  it('a target that finishes in time is recorded once, with the check named for `check` over a group', async () => {
    const audit = new MemoryAudit();
    const check = findCheck('backend-service')!;
    await runFleet(
      { config, findCheck, audit, transportFor: () => new ReplayTransport('healthy') },
      { what: { kind: 'check', check }, group: 'prod', targets, actor: { id: 'U0ALICE', via: 'slack' } },
    );
    expect(audit.entries.map((e) => [e.target, e.event, e.check])).toEqual(
      expect.arrayContaining(NAMES.map((n) => [n, 'check', 'backend-service'])),
    );
    expect(audit.entries).toHaveLength(NAMES.length);
  });
});
