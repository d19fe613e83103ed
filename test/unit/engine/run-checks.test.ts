import { defineCheck } from '../../../src/checks/check.js';
import { djangoMigrations } from '../../../src/checks/django-migrations.js';
import { djangoSuperusers } from '../../../src/checks/django-superusers.js';
import { clip, commandProblem, tailExcerpt } from '../../../src/checks/output.js';
import { localTarget } from '../../../src/config/target.js';
import { runChecks } from '../../../src/engine/run-checks.js';
import { TransportError } from '../../../src/transport/transport.js';
import { djangoState } from '../../fixtures/database/django-state.js';
import { ok, ScriptedTransport } from './fakes.js';

/**
 * Redaction before any cut (issue 17): the interpreter receives the command's
 * output already redacted whole, so a cut it makes (an excerpt, a 200-character
 * body line, a clipped stray line) can never leave half a secret that no
 * pattern would recognise any more.
 */
describe('runChecks redacts outputs before the interpreter cuts them', () => {
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbXMifQ.S3cretSignaturePartThatIsLong';
  const PEM =
    '-----BEGIN RSA PRIVATE KEY-----\nMIIES3cretKeyLineOne\nMIIES3cretKeyLineTwo\n-----END RSA PRIVATE KEY-----';

  const cutter = defineCheck({
    id: 'cutter',
    title: '截断',
    titleEn: 'cutter',
    signals: {},
    commands: () => [{ argv: ['body'] }, { argv: ['log'] }],
    interpret: ([body, log]) => ({
      status: 'warn',
      // Cuts the way the HTTP probes and log checks do: one line at 200 characters, the first lines of a log.
      summary: 'cut',
      evidence: `${clip(body!.stdout, 200)}\n${tailExcerpt(log!.stdout, 3)}`,
      facts: { line: clip(body!.stdout, 190) },
      signals: [],
    }),
  });

  it('a token straddling the cut and a key block cut into lines are gone, whole', async () => {
    // The cut falls inside the JWT's payload; the log's tail starts inside the key block.
    const body = `<h1>${'x'.repeat(165)} ${JWT}</h1>`;
    const t = new ScriptedTransport({ body: () => ok(body), log: () => ok(`started\n${PEM}\ndone`) });
    const { observations } = await runChecks([cutter], localTarget(), t);
    const o = observations[0]!;
    const shown = JSON.stringify(o);
    for (const piece of ['eyJzdWIi', 'S3cretSi', 'S3cretKeyLineTwo']) expect(shown).not.toContain(piece);
    expect(o.evidence).toContain('«redacted»');
    expect(o.evidence).toContain('done');
  });
});

/**
 * One command, once per run: several checks asking for the identical command (the two Django checks share one
 * `manage.py shell`, src/checks/django-state.ts) make one exec, and each check's interpreter gets its result.
 */
describe('runChecks runs a command several checks ask for once', () => {
  const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvbXMifQ.S3cretSignaturePartThatIsLong';
  const reader = (id: string, argv: string[], extra: { timeoutMs?: number; maxBytes?: number; sudo?: boolean } = {}) =>
    defineCheck({
      id,
      title: id,
      titleEn: id,
      signals: { seen: 'seen' },
      commands: () => [{ argv, timeoutMs: 1_000, ...extra }],
      interpret: ([r]) => {
        const problem = commandProblem(r!, argv[0]!);
        if (problem) return problem;
        const stdout = r!.stdout;
        // An interpreter that changed its result (they must not) would not change the other check's.
        r!.stdout = 'changed';
        return { status: 'ok', summary: `${id} read`, evidence: stdout, facts: {}, signals: ['seen'] };
      },
    });

  it('two checks with the identical command → one exec, both read the same (redacted) output', async () => {
    const t = new ScriptedTransport({ state: () => ok(`answer\nAuthorization: Bearer ${JWT}\n`) });
    const { observations } = await runChecks(
      [reader('a', ['state', '-c', 'x']), reader('b', ['state', '-c', 'x'])],
      localTarget(),
      t,
    );
    expect(t.calls).toHaveLength(1);
    expect(observations.map((o) => [o.check, o.status, o.signals])).toEqual([
      ['a', 'ok', ['seen']],
      ['b', 'ok', ['seen']],
    ]);
    expect(observations[0]!.evidence).toBe(observations[1]!.evidence);
    expect(observations[0]!.evidence).toContain('answer');
    expect(JSON.stringify(observations)).not.toContain('S3cretSi');
  });

  it('a different argv, deadline, output cap or sudo → its own exec', async () => {
    const t = new ScriptedTransport({ state: () => ok('answer') });
    const checks = [
      reader('a', ['state', '-c', 'x']),
      reader('b', ['state', '-c', 'y']),
      reader('c', ['state', '-c', 'x'], { timeoutMs: 2_000 }),
      reader('d', ['state', '-c', 'x'], { maxBytes: 1024 }),
      reader('e', ['state', '-c', 'x'], { sudo: true }),
      reader('f', ['state', '-c', 'x']),
    ];
    const { observations } = await runChecks(checks, localTarget(), t);
    expect(t.calls).toHaveLength(5);
    expect(observations.every((o) => o.status === 'ok')).toBe(true);
  });

  it('a failure is shared: a timed-out command and an unreachable target reach every check that asked', async () => {
    const timedOut = new ScriptedTransport({
      state: () => ({ ...ok(''), code: null, timedOut: true, durationMs: 1_000 }),
    });
    const both = [reader('a', ['state']), reader('b', ['state'])];
    const r1 = await runChecks(both, localTarget(), timedOut);
    expect(timedOut.calls).toHaveLength(1);
    expect(r1.observations.map((o) => o.signals)).toEqual([['command-timeout'], ['command-timeout']]);

    const down = new ScriptedTransport({
      state: () => Promise.reject(new TransportError('connect_refused', 'connection refused', 'start sshd')),
    });
    const r2 = await runChecks(both, localTarget(), down);
    expect(down.calls).toHaveLength(1);
    expect(r2.unreachable?.code).toBe('connect_refused');
    expect(r2.observations.map((o) => [o.status, o.facts.transportError])).toEqual([
      ['error', 'connect_refused'],
      ['error', 'connect_refused'],
    ]);
  });

  it('runs once per run: the next run asks again', async () => {
    const t = new ScriptedTransport({ state: () => ok('answer') });
    const both = [reader('a', ['state']), reader('b', ['state'])];
    await runChecks(both, localTarget(), t);
    await runChecks(both, localTarget(), t);
    expect(t.calls).toHaveLength(2);
  });

  it('the Django checks of the login playbook make one Django start', async () => {
    const t = new ScriptedTransport({
      '/opt/OMS/backend/venv/bin/python': () =>
        ok(djangoState({ rows: [{ username: 'admin', active: false }] }, { applied: 16, pending: ['a.1', 'b.2'] })),
    });
    const { observations } = await runChecks([djangoSuperusers, djangoMigrations], localTarget(), t);
    expect(t.calls).toHaveLength(1);
    expect(observations.map((o) => [o.check, o.signals])).toEqual([
      ['django-superusers', ['all-inactive']],
      ['django-migrations', ['migrations-pending']],
    ]);
  });
});
