import { describe, expect, it } from '@jest/globals';
import { DJANGO_STATE_CODE, djangoStateCommand, readSection } from '../../../src/checks/django-state.js';
import { djangoMigrations } from '../../../src/checks/django-migrations.js';
import { djangoSuperusers } from '../../../src/checks/django-superusers.js';
import { localTarget } from '../../../src/config/target.js';
import { runChecks } from '../../../src/engine/run-checks.js';
import { oncePerRun } from '../../../src/transport/once-per-run.js';
import { ok, ScriptedTransport } from '../engine/fakes.js';
import { djangoState } from '../../fixtures/database/django-state.js';

describe('the one Django program', () => {
  const code = DJANGO_STATE_CODE;

  it('reads names, flags and the migration graph only: no password, no email, no write', () => {
    expect(code).not.toMatch(/password|email|\.save\(|\.update\(|\.delete\(|create|migrate\(|record_applied/i);
    expect(code).not.toMatch(/os\.|subprocess|open\(|eval|exec/);
  });

  it('each part runs in a transaction marked for rollback after its reads', () => {
    const parts = code.split('print("__oms_migrations_begin__")');
    expect(parts).toHaveLength(2);
    const [superusers, migrations] = parts as [string, string];
    // Django refuses every query after set_rollback(True): it must come after the reads.
    expect(superusers.indexOf('transaction.set_rollback(True)')).toBeGreaterThan(
      superusers.indexOf('print(json.dumps'),
    );
    expect(migrations.indexOf('transaction.set_rollback(True)')).toBeGreaterThan(migrations.indexOf('forwards_plan'));
    for (const part of parts) expect(part).toContain('with transaction.atomic():');
  });

  it('each part in its own try, its error printed in its own section, every line prefixed', () => {
    for (const name of ['superusers', 'migrations']) {
      const begin = code.indexOf(`print("__oms_${name}_begin__")`);
      const tryAt = code.indexOf('\ntry:', begin);
      const failed = code.indexOf(`print("__oms_${name}_failed__")`, tryAt);
      expect(begin).toBeGreaterThanOrEqual(0);
      expect(tryAt).toBeGreaterThan(begin);
      expect(failed).toBeGreaterThan(tryAt);
      expect(code.slice(failed, failed + 200)).toContain('print("! " + line[:500])');
    }
  });

  it('straight-line code: no function, lambda or comprehension (Django 2.x runs `shell -c` with separate locals)', () => {
    expect(code).not.toMatch(/\bdef |\blambda\b|\[[^\]\n]* for [^\]\n]* in |\{[^}\n]* for [^}\n]* in /);
  });

  it('bounded: at most 50 accounts, at most 200 pending names, 30 lines of each error', () => {
    expect(code).toContain('[:50]');
    expect(code).toContain('if pending <= 200:');
    expect(code.match(/splitlines\(\)\[-30:\]/g)).toHaveLength(2);
  });

  it('one command for both checks: the same argv, deadline and output cap', () => {
    expect(djangoStateCommand(localTarget())).toEqual({
      argv: ['/opt/OMS/backend/venv/bin/python', '/opt/OMS/backend/manage.py', 'shell', '-c', code],
      timeoutMs: 20_000,
      maxBytes: 256 * 1024,
    });
  });
});

describe('readSection', () => {
  it('each section of the program, apart', () => {
    const out = djangoState({ failed: 'Traceback\nOperationalError: no such table' }, { applied: 3, pending: ['a.1'] });
    expect(readSection(out, 'superusers')).toEqual({
      state: 'failed',
      lines: [],
      error: ['Traceback', 'OperationalError: no such table'],
    });
    expect(readSection(out, 'migrations')).toEqual({ state: 'done', lines: ['[ ]  a.1'], done: ['3', '1'] });
  });

  it('missing, cut, or ended by the next section without a marker', () => {
    expect(readSection('noise\n', 'migrations')).toEqual({ state: 'missing' });
    expect(readSection('__oms_migrations_begin__\n[ ]  a.1', 'migrations')).toEqual({
      state: 'cut',
      lines: ['[ ]  a.1'],
    });
    expect(readSection('__oms_superusers_begin__\n{}\n__oms_migrations_begin__\n', 'superusers').state).toBe('cut');
  });

  it('markers count only as whole lines at the start of a line', () => {
    const out =
      ' __oms_migrations_begin__\nx __oms_migrations_begin__\n__oms_migrations_begin__\n__oms_migrations_done__x';
    expect(readSection(out, 'migrations')).toEqual({ state: 'cut', lines: ['__oms_migrations_done__x'] });
  });
});

describe('one Django start for both checks', () => {
  it("through the run's transport (src/transport/once-per-run.ts, as src/app/run.ts wraps it): one exec", async () => {
    const t = new ScriptedTransport({
      '/opt/OMS/backend/venv/bin/python': () =>
        ok(djangoState({ rows: [{ username: 'admin', active: false }] }, { applied: 16, pending: ['a.1', 'b.2'] })),
    });
    const { observations } = await runChecks([djangoSuperusers, djangoMigrations], localTarget(), oncePerRun(t));
    expect(t.calls).toHaveLength(1);
    expect(observations.map((o) => [o.check, o.signals])).toEqual([
      ['django-superusers', ['all-inactive']],
      ['django-migrations', ['migrations-pending']],
    ]);
  });
});
