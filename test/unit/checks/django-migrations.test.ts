import { describe, expect, it } from '@jest/globals';
import { djangoMigrations, parsePlan } from '../../../src/checks/django-migrations.js';
import { DJANGO_STATE_CODE } from '../../../src/checks/django-state.js';
import { djangoSuperusers } from '../../../src/checks/django-superusers.js';
import { backendJournal } from '../../../src/checks/backend-journal.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { HOSTILE, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';
import { djangoState, loadDatabase as load } from '../../fixtures/database/django-state.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'database');
const target = localTarget();
const mig = (r: ExecResult) => run(djangoMigrations, [r], target);

describe('django-migrations command', () => {
  it("runs the one Django program through the venv's python, the command django-superusers runs too", () => {
    expect(djangoMigrations.commands(target)).toEqual([
      {
        argv: ['/opt/OMS/backend/venv/bin/python', '/opt/OMS/backend/manage.py', 'shell', '-c', DJANGO_STATE_CODE],
        timeoutMs: 20_000,
        maxBytes: 256 * 1024,
      },
    ]);
    expect(djangoMigrations.commands(target)).toEqual(djangoSuperusers.commands(target));
  });
});

describe('django-migrations on realistic output (captured on the lab, and its variants)', () => {
  it('every migration applied → ok', () => {
    expect(mig(load('django-state-healthy.txt'))).toMatchObject({
      status: 'ok',
      signals: ['migrations-applied'],
      facts: { applied: 18, pending: 0 },
    });
  });

  it('a release with two migrations not applied → migrations-pending, named', () => {
    const o = mig(load('django-state-pending.txt'));
    expect(o).toMatchObject({ status: 'fail', signals: ['migrations-pending'], facts: { applied: 16, pending: 2 } });
    expect(o.summary).toContain('auth.0012_alter_user_first_name_max_length, sessions.0001_initial');
    expect(o.evidence).toBe('[ ]  auth.0012_alter_user_first_name_max_length\n[ ]  sessions.0001_initial');
  });

  it('an empty database (no django_migrations table; the superusers part fails alone) → migrations-pending', () => {
    const o = mig(load('django-state-empty-db.txt'));
    expect(o).toMatchObject({ signals: ['migrations-pending'], facts: { applied: 0, pending: 18 } });
    expect(o.facts.firstPending).toHaveLength(10);
    expect(o.summary).toContain('contenttypes.0001_initial, auth.0001_initial');
  });

  it('SQLite file unreadable, MySQL refused (each part failing in its section) → database-unreachable', () => {
    const s = mig(load('django-state-sqlite-unreadable.txt'));
    expect(s).toMatchObject({ status: 'fail', signals: ['database-unreachable'] });
    expect(s.summary).toContain('unable to open database file');
    expect(s.evidence).toContain('OperationalError: unable to open database file');
    const m = mig(load('django-state-mysql-refused.txt'));
    expect(m.signals).toEqual(['database-unreachable']);
    expect(m.summary).toContain("Can't connect to MySQL server");
  });

  it('Django does not start (settings): the traceback on stderr, before both parts → query-failed', () => {
    const o = mig(load('django-state-settings-error.txt'));
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.summary).toContain('(exit 1): django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting');
    expect(o.evidence).toContain('SECRET_KEY setting must not be empty');
  });

  it('Django does not start because its database cannot be opened → database-unreachable from stderr', () => {
    const o = mig(
      res('', 1, 'Traceback (most recent call last):\nsqlite3.OperationalError: unable to open database file\n'),
    );
    expect(o).toMatchObject({ status: 'fail', signals: ['database-unreachable'] });
  });

  it('the migrations part fails alone (a broken migration file) → query-failed with its error; superusers answered', () => {
    const o = mig(
      res(djangoState(undefined, { failed: 'Traceback (most recent call last):\nImportError: cannot import name x' })),
    );
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.summary).toContain('reading the migration state failed: ImportError: cannot import name x');
    expect(o.evidence).toContain('ImportError: cannot import name x');
  });

  it('the superusers part failing does not touch the migrations answer', () => {
    const o = mig(res(djangoState({ failed: 'django.db.utils.OperationalError: no such table: auth_user' })));
    expect(o).toMatchObject({ status: 'ok', signals: ['migrations-applied'] });
  });

  it('output cut before the migrations end marker, or without its section → error, never ok', () => {
    const whole = djangoState(undefined, { applied: 16, pending: ['oms.0002_x'] });
    const cut = mig(res(whole.slice(0, whole.indexOf('__oms_migrations_done__')), 0, '', { truncated: true }));
    expect(cut).toMatchObject({ status: 'error', signals: [] });
    expect(cut.summary).toContain('section cut');
    expect(mig(res(whole.slice(0, whole.indexOf('__oms_migrations_begin__')))).summary).toContain('section missing');
  });

  it('end marker counts that are not two numbers → error', () => {
    expect(mig(res('__oms_migrations_begin__\n__oms_migrations_done__ x\n')).status).toBe('error');
    expect(mig(res('__oms_migrations_begin__\n__oms_migrations_done__ 1 2 3\n')).status).toBe('error');
  });

  it('plan lines with dependencies (verbosity 2) and Django warnings around them', () => {
    const p = parsePlan(
      'System check identified some issues:\n[X]  auth.0001_initial ... (contenttypes.0001_initial)\n[ ]  oms.0002_x\n',
    );
    expect(p).toEqual({ applied: 1, pending: ['oms.0002_x'], lines: 2 });
  });
});

describe('the backend logs: no such table, database unavailable', () => {
  const journal = (file: string) => run(backendJournal, [res(readFileSync(join(DIR, file), 'utf8'))], target);
  it('no such table: auth_user in the journal → no-such-table (fail)', () => {
    const o = journal('journal-no-such-table.txt');
    expect(o.status).toBe('fail');
    expect(o.signals).toContain('no-such-table');
    expect(o.signals).not.toContain('database-unavailable');
  });
  it('unable to open database file → database-unavailable (fail)', () => {
    const o = journal('journal-db-unreadable.txt');
    expect(o.status).toBe('fail');
    expect(o.signals).toContain('database-unavailable');
  });
});

describe('django-migrations hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(mig(result)).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.entries(HOSTILE))('stdout %s → error, never ok', (_n, text) => {
    expect(mig(res(text)).status).toBe('error');
  });

  it.each(Object.entries(HOSTILE))('stderr %s on failure → query-failed', (_n, text) => {
    expect(mig(res('', 1, text)).signals).toEqual(['query-failed']);
  });

  it.each(Object.entries(HOSTILE))('%s as the section error → query-failed', (_n, text) => {
    expect(mig(res(`__oms_migrations_begin__\n__oms_migrations_failed__\n! ${text}\n`)).signals).toEqual([
      'query-failed',
    ]);
  });

  it('an error text cannot pass for a marker: it is read as the error, the real end never comes', () => {
    const o = mig(res('__oms_migrations_begin__\n__oms_migrations_failed__\n! __oms_migrations_done__ 18 0\n'));
    expect(o.signals).toEqual(['query-failed']);
    // Lines after the error that are not prefixed end the section; a done marker there is not believed.
    const late = mig(
      res('__oms_migrations_begin__\n__oms_migrations_failed__\n! boom\n__oms_migrations_done__ 18 0\n'),
    );
    expect(late.signals).toEqual(['query-failed']);
  });

  it('100 000 pending migrations (200 named) and an injection-looking name stay bounded', () => {
    const names = Array.from({ length: 200 }, (_, i) => `oms.${String(i).padStart(4, '0')}_$(reboot)\`id\``);
    const o = mig(
      res(`__oms_migrations_begin__\n${names.map((n) => `[ ]  ${n}`).join('\n')}\n__oms_migrations_done__ 0 100000\n`),
    );
    expect(o).toMatchObject({ signals: ['migrations-pending'], facts: { pending: 100000 } });
    expect((o.facts.firstPending as string[]).length).toBe(10);
    expect(o.evidence.split('\n')).toHaveLength(12);
    // More lines than the program ever prints (3 MB): read up to a bound, never believed.
    const flood = mig(
      res(`__oms_migrations_begin__\n${huge('[ ]  oms.0001_x', 3 * 1024 * 1024)}__oms_migrations_done__ 0 1\n`),
    );
    expect(flood.status).toBe('error');
    const long = mig(res(djangoState(undefined, { applied: 1, pending: [`oms.${'x'.repeat(900)}`] })));
    expect(long.summary.length).toBeLessThan(600);
  });
});
