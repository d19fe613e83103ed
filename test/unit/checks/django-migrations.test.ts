import { describe, expect, it } from '@jest/globals';
import { djangoMigrations, parsePlan } from '../../../src/checks/django-migrations.js';
import { backendJournal } from '../../../src/checks/backend-journal.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { HOSTILE, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'database');
const target = localTarget();
/** A capture (`$ cmd`, output, `[exit N]`): a failing manage.py prints its traceback on stderr. */
function load(file: string): ExecResult {
  const text = readFileSync(join(DIR, file), 'utf8');
  const body = text.replace(/^\$ [^\n]*\n/, '');
  const m = /\[exit (\d+)\]\s*$/.exec(body);
  const code = m ? Number(m[1]) : 0;
  const out = m ? body.slice(0, m.index) : body;
  return code === 0 ? res(out) : res('', code, out);
}
const mig = (r: ExecResult) => run(djangoMigrations, [r], target);

describe('django-migrations command', () => {
  it("runs showmigrations --plan through the venv's python, skipping system checks", () => {
    expect(djangoMigrations.commands(target).map((c) => c.argv)).toEqual([
      ['/opt/OMS/backend/venv/bin/python', '/opt/OMS/backend/manage.py', 'showmigrations', '--plan', '--skip-checks'],
    ]);
  });
});

describe('django-migrations on realistic output', () => {
  it('every migration applied → ok', () => {
    expect(mig(load('showmigrations-applied.txt'))).toMatchObject({
      status: 'ok',
      signals: ['migrations-applied'],
      facts: { applied: 18, pending: 0 },
    });
  });

  it('a release with two migrations not applied → migrations-pending, named', () => {
    const o = mig(load('showmigrations-pending.txt'));
    expect(o).toMatchObject({ status: 'fail', signals: ['migrations-pending'], facts: { applied: 16, pending: 2 } });
    expect(o.summary).toContain('auth.0012_alter_user_first_name_max_length, sessions.0001_initial');
    expect(o.evidence).toBe('[ ]  auth.0012_alter_user_first_name_max_length\n[ ]  sessions.0001_initial');
  });

  it('an empty database (nothing applied) → migrations-pending', () => {
    expect(mig(load('showmigrations-empty-db.txt'))).toMatchObject({
      signals: ['migrations-pending'],
      facts: { applied: 0, pending: 18 },
    });
  });

  it('SQLite file unreadable, MySQL refused → database-unreachable with the error line', () => {
    const s = mig(load('showmigrations-sqlite-unreadable.txt'));
    expect(s).toMatchObject({ status: 'fail', signals: ['database-unreachable'] });
    expect(s.summary).toContain('unable to open database file');
    const m = mig(load('showmigrations-mysql-refused.txt'));
    expect(m.signals).toEqual(['database-unreachable']);
    expect(m.summary).toContain("Can't connect to MySQL server");
  });

  it('a settings error is not blamed on the database → query-failed', () => {
    const o = mig(load('showmigrations-settings-error.txt'));
    expect(o).toMatchObject({ status: 'error', signals: ['query-failed'] });
    expect(o.evidence).toContain('SECRET_KEY setting must not be empty');
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

  it('100 000 pending migrations and an injection-looking name stay bounded', () => {
    const o = mig(res(huge('[ ]  oms.0001_$(reboot)`id`', 3 * 1024 * 1024)));
    expect(o.signals).toEqual(['migrations-pending']);
    expect((o.facts.firstPending as string[]).length).toBe(10);
    const long = mig(res(`[ ]  oms.${'x'.repeat(900)}\n[X]  auth.0001_initial\n`));
    expect(long.summary.length).toBeLessThan(600);
  });
});
