import { localTarget } from '../../../src/config/target.js';
import { runPlaybook } from '../../../src/engine/engine.js';
import { FOLLOW_UP_MAX, planFollowUp } from '../../../src/engine/follow-up.js';
import type { ReportObservation } from '../../../src/engine/report.js';
import { ScriptedTransport, echoCheck, ok, playbook, rule } from './fakes.js';

const target = localTarget();
const ref = (s: string) => ({ check: s.split(':')[0]!, signal: s.split(':')[1]! });
const obs = (check: string, signals: string[]): ReportObservation => ({
  check,
  title: check,
  status: signals.includes('down') ? 'fail' : 'ok',
  summary: `${check} is ${signals.join(',')}`,
  evidence: '',
  facts: {},
  signals,
  durationMs: 1,
  truncated: false,
});

describe('planFollowUp', () => {
  it('adds the confirming checks of a cause a suspect signal points at, with the signal as the reason', () => {
    const causes = [rule('port-taken', ['holder:down'], { suspect: [ref('svc:down')] })];
    expect(planFollowUp(causes, [obs('svc', ['down'])])).toEqual([
      { check: 'holder', cause: 'port-taken', because: ['svc:down'] },
    ]);
  });

  it('adds the unless/all checks of a cause held back only because they did not run', () => {
    const causes = [
      rule('a', ['svc:down'], { unless: [ref('log:up')] }),
      rule('b', ['svc:down'], { all: [ref('cfg:down')] }),
      // The unless check ran and says no: nothing to follow.
      rule('c', ['svc:down'], { unless: [ref('probe:up')] }),
    ];
    const plan = planFollowUp(causes, [obs('svc', ['down']), obs('probe', ['up'])]);
    expect(plan).toEqual([
      { check: 'log', cause: 'a', because: ['svc:down'] },
      { check: 'cfg', cause: 'b', because: ['svc:down'] },
    ]);
  });

  it('follows no signal that a settled cause accounts for', () => {
    const pointer = { suspect: [ref('svc:down')], explains: ['start-failed'] };
    const causes = [
      rule('start-failed', ['svc:down']),
      rule('user-missing', ['svc:down'], { explains: ['start-failed'] }),
      rule('port-taken', ['holder:down'], pointer),
    ];
    // user-missing confirmed it and explains start-failed: no need to ask who holds the port.
    expect(planFollowUp(causes, [obs('svc', ['down'])])).toEqual([]);
    // Without it, start-failed could have another cause: follow.
    expect(planFollowUp([causes[0]!, causes[2]!], [obs('svc', ['down'])]).map((p) => p.check)).toEqual(['holder']);
  });

  it('adds nothing for a confirmed cause, an info cause, no pointer, or a check that ran', () => {
    const causes = [
      rule('confirmed', ['svc:down'], { suspect: [ref('svc:down')], all: [] }),
      rule('hint', ['x:down'], { severity: 'info', suspect: [ref('svc:down')] }),
      rule('unpointed', ['y:down'], { suspect: [ref('svc:up')] }),
      rule('ran', ['probe:down'], { suspect: [ref('svc:down')] }),
    ];
    expect(planFollowUp(causes, [obs('svc', ['down']), obs('probe', ['up'])])).toEqual([]);
  });

  it('is bounded: each check once, at most eight, in the ranking of the causes', () => {
    const causes = Array.from({ length: 12 }, (_, i) =>
      rule(`c${i}`, [`k${i}:down`, `shared:down`], { suspect: [ref('svc:down')] }),
    );
    const plan = planFollowUp(causes, [obs('svc', ['down'])]);
    expect(FOLLOW_UP_MAX).toBe(8);
    expect(plan).toHaveLength(8);
    expect(plan.map((p) => p.check)).toEqual(['k0', 'shared', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    expect(new Set(plan.map((p) => p.check)).size).toBe(8);
  });
});

describe('runPlaybook follows the evidence', () => {
  it('runs the added checks once, in one extra round, and the cause they confirm comes first', async () => {
    const checks = ['svc', 'holder', 'log', 'other'].map((id) => echoCheck(id));
    const t = new ScriptedTransport({
      svc: () => ok('down'),
      holder: () => ok('down'),
      log: () => ok('up'),
      other: () => ok('down'),
    });
    const pb = playbook(
      ['svc'],
      [
        // The cause the playbook's own check shows …
        rule('start-failed', ['svc:down']),
        // … and the deeper ones that could explain it, whose checks never ran.
        rule('port-taken', ['holder:down'], {
          severity: 'critical',
          suspect: [ref('svc:down')],
          explains: ['start-failed'],
        }),
        rule('log-denied', ['log:down'], {
          suspect: [ref('svc:down'), ref('holder:down')],
          explains: ['start-failed'],
        }),
        // Points only at what the extra round saw: not followed (one round).
        rule('second-round', ['other:down'], { suspect: [ref('holder:down')] }),
      ],
    );
    const progress: [string, number, number][] = [];
    const report = await runPlaybook(
      pb,
      target,
      t,
      { findCheck: (id) => checks.find((c) => c.id === id) },
      { onObservation: (o, done, total) => progress.push([o.check, done, total]) },
    );
    expect(report.followUp).toEqual([
      { check: 'holder', cause: 'port-taken', because: ['svc:down'] },
      { check: 'log', cause: 'log-denied', because: ['svc:down'] },
    ]);
    expect(report.observations.map((o) => o.check)).toEqual(['svc', 'holder', 'log']);
    expect(t.calls.map((c) => c.argv[0]).sort()).toEqual(['holder', 'log', 'svc']);
    // The deepest confirmed cause first, what it explains under it.
    expect(report.findings.map((f) => [f.id, f.explainedBy ?? null])).toEqual([
      ['port-taken', null],
      ['start-failed', 'port-taken'],
    ]);
    expect(progress.map((p) => p[2])).toEqual([1, 3, 3]);
  });

  it('adds nothing (and no followUp key) when nothing points anywhere', async () => {
    const checks = ['svc', 'holder'].map((id) => echoCheck(id));
    const t = new ScriptedTransport({ svc: () => ok('up'), holder: () => ok('down') });
    const pb = playbook(['svc'], [rule('port-taken', ['holder:down'], { suspect: [ref('svc:down')] })]);
    const report = await runPlaybook(pb, target, t, { findCheck: (id) => checks.find((c) => c.id === id) });
    expect(report.followUp).toBeUndefined();
    expect(t.calls.map((c) => c.argv[0])).toEqual(['svc']);
    expect(report.verdict).toBe('ok');
  });
});
