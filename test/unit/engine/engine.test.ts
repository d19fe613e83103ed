import { localTarget } from '../../../src/config/target.js';
import { runPlaybook } from '../../../src/engine/engine.js';
import { TransportError } from '../../../src/transport/transport.js';
import { defineCheck } from '../../../src/checks/check.js';
import { ScriptedTransport, echoCheck, ok, playbook, rule } from './fakes.js';

const target = localTarget();
const fixedNow = () => new Date('2026-11-22T00:00:00Z');

describe('runPlaybook', () => {
  it('ranks findings in playbook order (root cause first) with evidence and the offered action', async () => {
    const checks = [echoCheck('svc'), echoCheck('probe')];
    const t = new ScriptedTransport({ svc: () => ok('down'), probe: () => ok('down') });
    const pb = playbook(
      ['svc', 'probe'],
      [
        rule('user-missing', ['svc:down'], { severity: 'critical', action: 'restart-backend' }),
        rule('probe-fails', ['probe:down']),
        rule('never', ['probe:up']),
      ],
    );
    const report = await runPlaybook(pb, target, t, {
      findCheck: (id) => checks.find((c) => c.id === id),
      now: fixedNow,
    });
    expect(report.verdict).toBe('problem');
    expect(report.findings.map((f) => f.id)).toEqual(['user-missing', 'probe-fails']);
    expect(report.findings[0]!.evidence).toContain('[svc] svc is down');
    expect(report.findings[0]!.action).toEqual({
      id: 'restart-backend',
      title: expect.any(String),
      command: ['sudo -n /usr/bin/systemctl restart oms-backend'],
    });
    expect(report.findings[0]!.matched).toEqual(['svc:down']);
    expect(report.observations.map((o) => o.check)).toEqual(['svc', 'probe']);
    expect(report.startedAt).toBe('2026-11-22T00:00:00.000Z');
  });

  it('honours all/unless and reports ok with no false alarm when healthy', async () => {
    const checks = [echoCheck('svc'), echoCheck('probe')];
    const t = new ScriptedTransport({ svc: () => ok('up'), probe: () => ok('up') });
    const pb = playbook(
      ['svc', 'probe'],
      [
        rule('a', ['svc:up'], { all: [{ check: 'probe', signal: 'down' }] }),
        rule('b', ['svc:up'], { unless: [{ check: 'probe', signal: 'up' }] }),
      ],
    );
    const report = await runPlaybook(pb, target, t, { findCheck: (id) => checks.find((c) => c.id === id) });
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('ok');
  });

  it('runs checks concurrently but never more than the limit', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const checks = ids.map((id) => echoCheck(id));
    const slow = () => new Promise<ReturnType<typeof ok>>((r) => setTimeout(() => r(ok('up')), 40));
    const t = new ScriptedTransport(Object.fromEntries(ids.map((id) => [id, slow])));
    const report = await runPlaybook(playbook(ids, []), { ...target, maxConcurrency: 4 }, t, {
      findCheck: (id) => checks.find((c) => c.id === id),
    });
    expect(report.observations).toHaveLength(12);
    expect(t.maxActive).toBe(4);
    // All commands went through: 12 calls, never more than 4 in flight.
    expect(t.calls).toHaveLength(12);
  });

  it('a throwing interpreter, a missing program and a hung transport do not sink the others', async () => {
    const boom = defineCheck({
      id: 'boom',
      title: '炸',
      titleEn: 'boom',
      signals: {},
      commands: () => [{ argv: ['boom'] }],
      interpret: () => {
        throw new Error('kaput');
      },
    });
    const hang = defineCheck({
      id: 'hang',
      title: '挂',
      titleEn: 'hang',
      signals: {},
      commands: () => [{ argv: ['hang'], timeoutMs: 50 }],
      interpret: ([r]) => ({
        status: r!.timedOut ? 'error' : 'ok',
        summary: r!.timedOut ? 'timed out' : 'ok',
        evidence: '',
        facts: {},
        signals: [],
      }),
    });
    const checks = [boom, hang, echoCheck('missing', 'no-such-prog'), echoCheck('fine')];
    const t = new ScriptedTransport({ boom: () => ok('x'), hang: () => new Promise(() => {}), fine: () => ok('up') });
    const report = await runPlaybook(
      playbook(['boom', 'hang', 'missing', 'fine'], []),
      target,
      t,
      { findCheck: (id) => checks.find((c) => c.id === id) },
      { graceMs: 50 },
    );
    const byId = Object.fromEntries(report.observations.map((o) => [o.check, o]));
    expect(byId.boom!.status).toBe('error');
    expect(byId.boom!.summary).toMatch(/kaput/);
    expect(byId.hang!.status).toBe('error');
    expect(byId.missing!.status).toBe('error');
    expect(byId.missing!.signals).toEqual(['command-missing']);
    expect(byId.fine!.status).toBe('ok');
  });

  it('an unreachable target gives verdict unreachable with the hint, and no findings', async () => {
    const checks = [echoCheck('svc')];
    const t = new ScriptedTransport({
      svc: () => {
        throw new TransportError('connect_refused', 'Nothing answers on 10.0.0.1:22', 'is sshd running?');
      },
    });
    const report = await runPlaybook(playbook(['svc'], [rule('x', ['svc:command-missing'])]), target, t, {
      findCheck: (id) => checks.find((c) => c.id === id),
    });
    expect(report.verdict).toBe('unreachable');
    expect(report.error).toEqual({
      code: 'connect_refused',
      message: 'Nothing answers on 10.0.0.1:22',
      hint: 'is sshd running?',
    });
    expect(report.findings).toEqual([]);
  });

  it('redacts secrets in summaries, evidence and facts, and drops undeclared signals', async () => {
    const leaky = defineCheck({
      id: 'leaky',
      title: '漏',
      titleEn: 'leaky',
      signals: { known: 'k' },
      commands: () => [{ argv: ['leaky'] }],
      interpret: () => ({
        status: 'ok',
        summary: 'SECRET_KEY=abc123',
        evidence: 'DATABASE_PASSWORD=hunter2',
        facts: { REDIS_PASSWORD: 'pw999' },
        signals: ['known', 'undeclared'],
      }),
    });
    const t = new ScriptedTransport({ leaky: () => ok('') });
    const report = await runPlaybook(playbook(['leaky'], []), target, t, { findCheck: () => leaky });
    const json = JSON.stringify(report);
    for (const s of ['abc123', 'hunter2', 'pw999']) expect(json).not.toContain(s);
    expect(report.observations[0]!.signals).toEqual(['known']);
  });

  it('reports progress as each check finishes', async () => {
    const checks = [echoCheck('a'), echoCheck('b')];
    const t = new ScriptedTransport({ a: () => ok('up'), b: () => ok('up') });
    const seen: string[] = [];
    await runPlaybook(
      playbook(['a', 'b'], []),
      target,
      t,
      { findCheck: (id) => checks.find((c) => c.id === id) },
      { onObservation: (o, done, total) => seen.push(`${o.check}:${done}/${total}`) },
    );
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.split(':')[1]).sort()).toEqual(['1/2', '2/2']);
  });
});
