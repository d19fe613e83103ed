import { describe, expect, it } from '@jest/globals';
import { djangoSuperusers, parseSuperusers } from '../../../src/checks/django-superusers.js';
import { DJANGO_STATE_CODE } from '../../../src/checks/django-state.js';
import { localTarget } from '../../../src/config/target.js';
import { HOSTILE, binaryGarbage, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';
import { djangoState, loadDatabase as load, migrationsSection } from '../../fixtures/database/django-state.js';

const target = localTarget();
const row = (username: string, active: boolean) =>
  JSON.stringify({ username, is_superuser: true, is_active: active }).replace(/,/g, ', ');
/** The superusers section with these rows, then the migrations section, as the program prints them. */
const out = (...rows: string[]) =>
  `__oms_superusers_begin__\n${rows.join('\n')}${rows.length ? '\n' : ''}__oms_superusers_done__ ${rows.length}\n` +
  migrationsSection({ applied: 18, pending: [] });
const su = (stdout: string, code = 0, stderr = '') => run(djangoSuperusers, [res(stdout, code, stderr)]);

describe('django-superusers command', () => {
  it("runs the venv's python with the server's manage.py and the one fixed Django program, one argv array", () => {
    expect(djangoSuperusers.commands(target).map((c) => c.argv)).toEqual([
      ['/opt/OMS/backend/venv/bin/python', '/opt/OMS/backend/manage.py', 'shell', '-c', DJANGO_STATE_CODE],
    ]);
  });
});

describe('django-superusers on output captured on the lab', () => {
  it('healthy: one active superuser → ok', () => {
    expect(run(djangoSuperusers, [load('django-state-healthy.txt')])).toMatchObject({
      status: 'ok',
      facts: { superusers: ['admin:active'] },
    });
  });
  it('superuser-inactive → all-inactive', () => {
    expect(run(djangoSuperusers, [load('django-state-superuser-inactive.txt')]).signals).toEqual(['all-inactive']);
  });
  it('an empty database: the query fails in its section (no such table) while migrations answered → query-failed', () => {
    const o = run(djangoSuperusers, [load('django-state-empty-db.txt')]);
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.summary).toContain('the query failed: django.db.utils.OperationalError: no such table: auth_user');
    expect(o.evidence).toContain('no such table: auth_user');
  });
  it('the database file unreadable → query-failed with the error', () => {
    const o = run(djangoSuperusers, [load('django-state-sqlite-unreadable.txt')]);
    expect(o.signals).toEqual(['query-failed']);
    expect(o.evidence).toContain('unable to open database file');
  });
  it('Django does not start (settings): the traceback on stderr → query-failed, exit named', () => {
    const o = run(djangoSuperusers, [load('django-state-settings-error.txt')]);
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.summary).toContain('exit 1');
    expect(o.evidence).toContain('SECRET_KEY setting must not be empty');
  });
});

describe('django-superusers on realistic output', () => {
  it('one active superuser → ok', () => {
    expect(su(out(row('admin', true)))).toMatchObject({
      status: 'ok',
      signals: ['active-superuser'],
      facts: { superusers: ['admin:active'] },
    });
  });

  it('the only superuser inactive → all-inactive, named', () => {
    const o = su(out(row('admin', false)));
    expect(o).toMatchObject({ status: 'fail', signals: ['all-inactive'] });
    expect(o.summary).toContain('admin');
    expect(o.evidence).toBe('admin is_superuser=True is_active=False');
  });

  it('one of two inactive → some-inactive (warn)', () => {
    expect(su(out(row('admin', true), row('ops', false)))).toMatchObject({
      status: 'warn',
      signals: ['some-inactive'],
    });
  });

  it('no superuser → no-superuser', () => {
    expect(su(out())).toMatchObject({ status: 'fail', signals: ['no-superuser'] });
  });

  it('Django warnings on stdout around the rows are ignored', () => {
    const o = su(`System check identified some issues:\n${out(row('admin', true))}`);
    expect(o.signals).toEqual(['active-superuser']);
  });

  it('a traceback (database unreachable) → query-failed, with the last lines of stderr', () => {
    const o = su(
      '',
      1,
      'Traceback (most recent call last):\n  File "manage.py", line 22\ndjango.db.utils.OperationalError: no such table: auth_user\n',
    );
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.evidence).toContain('no such table: auth_user');
  });

  it('output cut before the end marker is not trusted', () => {
    expect(su(row('admin', false)).signals).toEqual(['query-failed']);
    const cut = su(`__oms_superusers_begin__\n${row('admin', false)}\n`, 0, '');
    expect(cut).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(cut.summary).toContain('output cut short');
  });

  it('the migrations part failing does not touch the superusers answer', () => {
    const o = su(djangoState({ rows: [{ username: 'ops', active: false }] }, { failed: 'ImportError: x' }));
    expect(o).toMatchObject({ status: 'fail', signals: ['all-inactive'] });
  });

  it('an account line inside an error is not believed; the part failed', () => {
    const o = su(
      `__oms_superusers_begin__\n__oms_superusers_failed__\n! ${row('admin', true)}\n! __oms_superusers_done__ 1\n`,
    );
    expect(o.signals).toEqual(['query-failed']);
  });
});

describe('django-superusers hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(djangoSuperusers, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE))('%s → query-failed', (name) => {
    expect(su(HOSTILE[name]!)).toMatchObject({ status: 'error', signals: ['query-failed'] });
  });

  it.each(Object.keys(HOSTILE))('%s as the section error → query-failed, one bounded line', (name) => {
    const o = su(`__oms_superusers_begin__\n__oms_superusers_failed__\n! ${HOSTILE[name]!.replace(/\n/g, '\n! ')}\n`);
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.summary).not.toMatch(/[\x00-\x1f]/);
  });

  it('extra fields (a password hash, an email) are refused whole, never echoed', () => {
    const leak = JSON.stringify({
      username: 'admin',
      is_superuser: true,
      is_active: true,
      password: 'pbkdf2_sha256$x',
    });
    const o = su(`__oms_superusers_begin__\n${leak}\n__oms_superusers_done__ 1\n`);
    expect(o.signals).toEqual(['no-superuser']);
    expect(JSON.stringify(o)).not.toContain('pbkdf2');
  });

  it('a hostile user name is neutralised and bounded', () => {
    const o = su(out(row(`ad\u202Emin$(reboot)<script>${'x'.repeat(200)}`, false)));
    expect(o.signals).toEqual(['all-inactive']);
    expect(o.summary).not.toMatch(/[\u202E<>]|\$\(/);
    expect(o.summary.length).toBeLessThan(300);
  });

  it('thousands of rows or 5 MB of noise: at most 50 accounts, bounded facts', () => {
    expect(parseSuperusers(out(...Array.from({ length: 5000 }, (_, i) => row(`u${i}`, true)))).accounts).toHaveLength(
      50,
    );
    expect(su(`${huge(binaryGarbage(60))}${out(row('admin', true))}`).status).toBe('error');
  });
});
