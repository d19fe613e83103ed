import { describe, expect, it } from '@jest/globals';
import { djangoSuperusers, parseSuperusers, SUPERUSERS_CODE } from '../../../src/checks/django-superusers.js';
import { localTarget } from '../../../src/config/target.js';
import { HOSTILE, binaryGarbage, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
const row = (username: string, active: boolean) =>
  JSON.stringify({ username, is_superuser: true, is_active: active }).replace(/,/g, ', ');
const out = (...rows: string[]) =>
  `${rows.join('\n')}${rows.length ? '\n' : ''}__oms_superusers_done__ ${rows.length}\n`;
const su = (stdout: string, code = 0, stderr = '') => run(djangoSuperusers, [res(stdout, code, stderr)]);

describe('django-superusers command', () => {
  it("runs the venv's python with the server's manage.py and the fixed query, one argv array", () => {
    expect(djangoSuperusers.commands(target).map((c) => c.argv)).toEqual([
      ['/opt/OMS/backend/venv/bin/python', '/opt/OMS/backend/manage.py', 'shell', '-c', SUPERUSERS_CODE],
    ]);
  });

  it('the query reads names and flags only, and rolls back', () => {
    expect(SUPERUSERS_CODE).toContain('transaction.set_rollback(True)');
    expect(SUPERUSERS_CODE).not.toMatch(/password|email|\.save\(|\.update\(|\.delete\(|create/i);
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
  });
});

describe('django-superusers hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(djangoSuperusers, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE))('%s → query-failed', (name) => {
    expect(su(HOSTILE[name]!)).toMatchObject({ status: 'error', signals: ['query-failed'] });
  });

  it('extra fields (a password hash, an email) are refused whole, never echoed', () => {
    const leak = JSON.stringify({
      username: 'admin',
      is_superuser: true,
      is_active: true,
      password: 'pbkdf2_sha256$x',
    });
    const o = su(`${leak}\n__oms_superusers_done__ 1\n`);
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
