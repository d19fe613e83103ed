import { describe, expect, it } from '@jest/globals';
import { backendPaths, mayAccess, parseStat, type StatEntry } from '../../../src/checks/backend-paths.js';
import { localTarget } from '../../../src/config/target.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { HOSTILE, huge, loadService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
const SHOW = loadService('show-paths-healthy.txt');
const STAT = loadService('stat-healthy.txt');

/**
 * The captures ran `stat -c '%n %U:%G %a %F'`; the check runs `%n|%U|%G|%a|%F`.
 * Convert a capture to what the check's format prints for the same files.
 */
function statFromCapture(scenario: string) {
  const r = loadCapture(scenario, 'paths.txt');
  const stdout = r.stdout
    .split('\n')
    .map((l) => /^(\S+) ([^:\s]+):(\S+) (\d+) (.+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}|${m[2]}|${m[3]}|${m[4]}|${m[5]}`)
    .join('\n');
  return { ...r, stdout };
}
/** The -p WorkingDirectory,ExecStart,User,Group subset of a capture's systemctl show. */
function showFromCapture(scenario: string) {
  const r = loadCapture(scenario, 'systemctl-show.txt');
  return {
    ...r,
    stdout: r.stdout
      .split('\n')
      .filter((l) => /^(WorkingDirectory|ExecStart|User|Group)=/.test(l))
      .join('\n'),
  };
}

describe('backend-paths commands', () => {
  it('shows the unit paths and stats the four configured paths with the | format', () => {
    expect(backendPaths.commands(target).map((c) => c.argv)).toEqual([
      ['systemctl', 'show', 'oms-backend', '-p', 'WorkingDirectory,ExecStart,User,Group'],
      [
        'stat',
        '-c',
        '%n|%U|%G|%a|%F',
        '/opt/OMS/backend',
        '/opt/OMS/backend/venv/bin/gunicorn',
        '/opt/OMS/backend/oms_backend/wsgi.py',
        '/var/log/oms',
      ],
    ]);
    const t = { ...target, paths: { ...target.paths, backend: '/srv/oms', gunicorn: '/srv/venv/bin/gunicorn' } };
    expect(backendPaths.commands(t)[1]?.argv.slice(3)).toEqual([
      '/srv/oms',
      '/srv/venv/bin/gunicorn',
      '/srv/oms/oms_backend/wsgi.py',
      '/var/log/oms',
    ]);
  });
});

describe('backend-paths on the replica captures', () => {
  it('healthy → ok, paths-ok with per-path facts', () => {
    const o = run(backendPaths, [showFromCapture('healthy'), statFromCapture('healthy')]);
    expect(o).toMatchObject({ status: 'ok', signals: ['paths-ok'] });
    expect(o.facts).toMatchObject({
      user: 'nginx',
      backend: 'nginx:nginx 755 directory',
      logDir: 'nginx:nginx 755 directory',
      workingDirectory: '/opt/OMS/backend',
    });
    expect(o.facts.execStartProgram).toBeUndefined();
  });

  it.each(captureScenarios().filter((s) => s !== 'unit-user-www-data'))('%s → paths-ok', (scenario) => {
    expect(run(backendPaths, [showFromCapture(scenario), statFromCapture(scenario)]).signals).toEqual(['paths-ok']);
  });

  it('unit-user-www-data: www-data could not write the nginx-owned 755 log dir → fail', () => {
    const o = run(backendPaths, [showFromCapture('unit-user-www-data'), statFromCapture('unit-user-www-data')]);
    expect(o).toMatchObject({ status: 'fail', signals: ['logdir-not-writable'], facts: { user: 'www-data' } });
    expect(o.summary).toContain('www-data cannot write to /var/log/oms (nginx:nginx 755)');
  });

  it('the fixture in the real format equals the converted capture', () => {
    expect(STAT.stdout.trim()).toBe(statFromCapture('healthy').stdout.trim());
  });
});

describe('backend-paths failure modes', () => {
  it('missing gunicorn, wsgi and log dir (coreutils statx and ‘’ quoting) → fail', () => {
    const o = run(backendPaths, [SHOW, loadService('stat-missing.txt')]);
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['gunicorn-missing', 'wsgi-missing', 'logdir-missing']);
    expect(o.facts).toMatchObject({
      gunicorn: 'missing',
      wsgiFile: 'missing',
      logDir: 'missing',
      backend: 'nginx:nginx 755 directory',
    });
    expect(o.evidence).toContain("cannot statx '/var/log/oms'");
  });

  it('missing backend dir → workdir-missing', () => {
    const stderr =
      "stat: cannot statx '/opt/OMS/backend': No such file or directory\nstat: cannot statx '/opt/OMS/backend/venv/bin/gunicorn': No such file or directory\nstat: cannot statx '/opt/OMS/backend/oms_backend/wsgi.py': No such file or directory";
    const o = run(backendPaths, [SHOW, res('/var/log/oms|nginx|nginx|755|directory', 1, stderr)]);
    expect(o.signals).toEqual(['workdir-missing', 'gunicorn-missing', 'wsgi-missing']);
  });

  it('root-owned 755 log dir and a 700 backend of another user → fail, not writable / not enterable', () => {
    const o = run(backendPaths, [SHOW, loadService('stat-perms-bad.txt')]);
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['backend-not-readable', 'logdir-not-writable']);
    expect(o.summary).toContain('root:root 755');
  });

  it('a log dir writable only by a group the user may be in → warn, not fail', () => {
    const stat = STAT.stdout.replace('/var/log/oms|nginx|nginx|755|directory', '/var/log/oms|root|oms|775|directory');
    const o = run(backendPaths, [SHOW, res(stat)]);
    expect(o).toMatchObject({ status: 'warn', signals: ['logdir-not-writable'] });
    expect(o.summary).toContain('unless nginx is in group oms');
  });

  it('group = the unit Group with g+w → ok; world-writable → ok; root user → ok', () => {
    const groupW = STAT.stdout.replace(
      '/var/log/oms|nginx|nginx|755|directory',
      '/var/log/oms|root|nginx|2775|directory',
    );
    expect(run(backendPaths, [SHOW, res(groupW)]).signals).toEqual(['paths-ok']);
    const world = STAT.stdout.replace(
      '/var/log/oms|nginx|nginx|755|directory',
      '/var/log/oms|root|root|1777|directory',
    );
    expect(run(backendPaths, [SHOW, res(world)]).signals).toEqual(['paths-ok']);
    const rootShow = res(SHOW.stdout.replace('User=nginx', 'User=').replace('Group=nginx', 'Group='));
    expect(run(backendPaths, [rootShow, loadService('stat-perms-bad.txt')])).toMatchObject({
      status: 'ok',
      signals: ['paths-ok'],
      facts: { user: 'root' },
    });
  });

  it('ExecStart moved elsewhere and 203 → execstart-mismatch', () => {
    const o = run(backendPaths, [loadService('show-paths-exec-moved.txt'), STAT]);
    expect(o).toMatchObject({
      status: 'fail',
      signals: ['execstart-mismatch'],
      facts: { execStartProgram: '/opt/OMS/venv/bin/gunicorn' },
    });
  });

  it('ExecStart elsewhere but working → no mismatch; configured gunicorn missing is only a warning then', () => {
    const show = res(loadService('show-paths-exec-moved.txt').stdout.replace('status=203', 'status=0/0'));
    expect(run(backendPaths, [show, STAT])).toMatchObject({ status: 'ok', signals: ['paths-ok'] });
    const o = run(backendPaths, [show, loadService('stat-missing.txt')]);
    expect(o.signals).toContain('gunicorn-missing');
    expect(o.summary).toContain('the unit runs /opt/OMS/venv/bin/gunicorn');
  });

  it('ExecStart through python -m / a wrapper naming the gunicorn path is not a mismatch', () => {
    const show = res(
      SHOW.stdout
        .replace(
          'path=/opt/OMS/backend/venv/bin/gunicorn ; argv[]=/opt/OMS/backend/venv/bin/gunicorn',
          'path=/opt/OMS/backend/venv/bin/python3 ; argv[]=/opt/OMS/backend/venv/bin/python3 /opt/OMS/backend/venv/bin/gunicorn',
        )
        .replace('status=0/0', 'status=203'),
    );
    expect(run(backendPaths, [show, STAT]).signals).toEqual(['paths-ok']);
  });

  it('a path the bot cannot see is unknown, not missing → warn', () => {
    const o = run(backendPaths, [
      SHOW,
      res(
        STAT.stdout
          .split('\n')
          .filter((l) => !l.includes('wsgi'))
          .join('\n'),
        1,
        "stat: cannot statx '/opt/OMS/backend/oms_backend/wsgi.py': Permission denied",
      ),
    ]);
    expect(o).toMatchObject({ status: 'warn', signals: ['paths-ok'], facts: { wsgiFile: 'unknown' } });
  });
});

describe('mayAccess and parseStat', () => {
  const e = (owner: string, group: string, mode: string): StatEntry => ({
    path: '/x',
    owner,
    group,
    mode,
    type: 'directory',
  });
  it('owner bits win over group bits, as in the kernel', () => {
    expect(mayAccess(e('nginx', 'nginx', '075'), 'nginx', 'nginx', ['x'])).toBe(false);
    expect(mayAccess(e('root', 'nginx', '750'), 'nginx', 'nginx', ['x'])).toBe(true);
    expect(mayAccess(e('root', 'root', '755'), 'nginx', '', ['w', 'x'])).toBe(false);
    expect(mayAccess(e('root', 'nginx', '770'), 'nginx', '', ['w', 'x'])).toBe(true);
    expect(mayAccess(e('root', 'root', '700'), 'root', '', ['w'])).toBe(true);
  });

  it('parses paths containing | and ignores junk', () => {
    const s = parseStat(
      '/a|b|c|u|g|755|directory\ngarbage\n/x|u|g|9z9|file',
      "stat: cannot stat ‘/m’: No such file or directory\nstat: cannot stat '/n': Not a directory",
    );
    expect([...s.entries.keys()]).toEqual(['/a|b|c']);
    expect([...s.missing]).toEqual(['/m', '/n']);
  });
});

describe('backend-paths hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(backendPaths, [result, STAT])).toMatchObject({ status: 'error', signals: [signal] });
    expect(run(backendPaths, [SHOW, result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE))('%s stat output → error', (name) => {
    expect(run(backendPaths, [SHOW, res(HOSTILE[name]!)])).toMatchObject({ status: 'error', signals: [] });
  });

  it.each(Object.keys(HOSTILE).filter((n) => n !== 'unicode'))('%s systemctl output → error', (name) => {
    expect(run(backendPaths, [res(HOSTILE[name]!), STAT])).toMatchObject({ status: 'error', signals: [] });
  });

  it('truncated stat output: the paths not seen are unknown → warn', () => {
    const cut = STAT.stdout.slice(0, STAT.stdout.indexOf('/var/log/oms') + 5);
    expect(run(backendPaths, [SHOW, { ...res(cut), truncated: true }])).toMatchObject({
      status: 'ok',
      signals: ['paths-ok'],
      facts: { logDir: 'unknown' },
    });
  });

  it('5 MB of stat noise around real lines → judged quickly', () => {
    const o = run(backendPaths, [SHOW, res(`${huge('/junk|a|b|644|regular file')}${STAT.stdout}`)]);
    expect(o.signals).toEqual(['paths-ok']);
  });

  it('unicode user name is shown sanitised', () => {
    const show = res(SHOW.stdout.replace('User=nginx', 'User=用户\u202Egnp'));
    const o = run(backendPaths, [show, STAT]);
    expect(o).toMatchObject({ status: 'fail', signals: ['logdir-not-writable'] });
    expect(o.summary).not.toMatch(/\u202E/);
    expect(o.summary).toContain('用户');
  });

  it('missing results → error', () => {
    expect(backendPaths.interpret([], target).status).toBe('error');
  });
});
