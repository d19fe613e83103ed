import { describe, expect, it } from '@jest/globals';
import { nginxUser, staticFiles, staticPaths } from '../../../src/checks/static-files.js';
import { localTarget } from '../../../src/config/target.js';
import { binaryGarbage, HOSTILE, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
const CONF =
  'user nginx;\nworker_processes auto;\nevents { worker_connections 768; }\nhttp { include /etc/nginx/conf.d/*.conf; }\n';
/** `stat -L -c %n|%U|%G|%a|%F` lines of the lab's layout, with `over` replacing some lines by path. */
function statOut(over: Record<string, string | null> = {}): { stdout: string; stderr: string } {
  const base: Record<string, string> = {
    '/opt': 'root|root|755|directory',
    '/opt/OMS': 'root|root|755|directory',
    '/opt/OMS/backend': 'nginx|nginx|755|directory',
    '/opt/OMS/backend/staticfiles': 'nginx|nginx|755|directory',
    '/opt/OMS/backend/media': 'nginx|nginx|755|directory',
    '/opt/OMS/backend/staticfiles/admin/css/base.css': 'nginx|nginx|644|regular file',
  };
  const out: string[] = [];
  const err: string[] = [];
  for (const p of staticPaths(target)) {
    const v = p in over ? over[p] : base[p];
    if (v === null || v === undefined) err.push(`stat: cannot statx '${p}': No such file or directory`);
    else out.push(`${p}|${v}`);
  }
  return { stdout: out.join('\n') + '\n', stderr: err.join('\n') };
}
const check = (over: Record<string, string | null> = {}, conf = CONF) => {
  const s = statOut(over);
  return run(staticFiles, [res(conf), res(s.stdout, s.stderr ? 1 : 0, s.stderr)], target);
};

describe('static-files command', () => {
  it('reads nginx.conf and stats every directory down to static, media and the admin CSS', () => {
    expect(staticFiles.commands(target).map((c) => c.argv)).toEqual([
      ['cat', '/etc/nginx/nginx.conf'],
      [
        'stat',
        '-L',
        '-c',
        '%n|%U|%G|%a|%F',
        '/opt',
        '/opt/OMS',
        '/opt/OMS/backend',
        '/opt/OMS/backend/staticfiles',
        '/opt/OMS/backend/media',
        '/opt/OMS/backend/staticfiles/admin/css/base.css',
      ],
    ]);
  });

  it('nginx user from nginx.conf: user, user + group, default nobody', () => {
    expect(nginxUser(CONF)).toEqual({ user: 'nginx', group: 'nginx', stated: true });
    expect(nginxUser('user www-data www-data;')).toEqual({ user: 'www-data', group: 'www-data', stated: true });
    expect(nginxUser('events {}')).toEqual({ user: 'nobody', group: 'nogroup', stated: false });
  });
});

describe('static-files on realistic layouts', () => {
  it('the lab layout → ok', () => {
    expect(check()).toMatchObject({ status: 'ok', signals: ['static-ok'], facts: { nginxUser: 'nginx' } });
  });

  it('the backend folder 0750 owned by a developer → static-not-readable, names the blocking folder', () => {
    const o = check({ '/opt/OMS/backend': 'zxy_8581|zxy_8581|750|directory' });
    expect(o).toMatchObject({ status: 'fail', signals: ['static-not-readable', 'media-not-readable'] });
    expect(o.summary).toContain('/opt/OMS/backend is zxy_8581:zxy_8581 750');
    expect(o.evidence).toContain('/opt/OMS/backend  zxy_8581:zxy_8581 750 directory');
  });

  it('group permission counts when nginx is the group', () => {
    expect(check({ '/opt/OMS/backend': 'zxy_8581|nginx|750|directory' }).signals).toEqual(['static-ok']);
  });

  it('staticfiles root-only (collectstatic run with sudo, umask 077) → static-not-readable', () => {
    const o = check({
      '/opt/OMS/backend/staticfiles': 'root|root|700|directory',
      '/opt/OMS/backend/staticfiles/admin/css/base.css': null,
    });
    expect(o.signals).toEqual(['static-not-readable']);
  });

  it('the CSS file itself 0600 root → static-not-readable', () => {
    const o = check({ '/opt/OMS/backend/staticfiles/admin/css/base.css': 'root|root|600|regular file' });
    expect(o.signals).toEqual(['static-not-readable']);
    expect(o.summary).toContain('base.css');
  });

  it('staticfiles exists but collectstatic never ran → static-not-collected', () => {
    const o = check({ '/opt/OMS/backend/staticfiles/admin/css/base.css': null });
    expect(o).toMatchObject({ status: 'fail', signals: ['static-not-collected'] });
  });

  it('no staticfiles folder → static-missing (warn; nginx-site names the alias)', () => {
    const o = check({ '/opt/OMS/backend/staticfiles': null, '/opt/OMS/backend/staticfiles/admin/css/base.css': null });
    expect(o).toMatchObject({ status: 'warn', signals: ['static-missing'] });
  });

  it('nginx running as root reads everything; nginx.conf unreadable → nobody', () => {
    expect(check({ '/opt/OMS/backend': 'x|x|700|directory' }, 'user root;').signals).toEqual(['static-ok']);
    const s = statOut({ '/opt/OMS/backend/media': 'root|root|700|directory' });
    const o = run(staticFiles, [res('', 1, 'cat: /etc/nginx/nginx.conf: Permission denied'), res(s.stdout)], target);
    expect(o).toMatchObject({
      signals: ['media-not-readable'],
      facts: { nginxUser: 'nobody', nginxUserStated: false },
    });
  });
});

describe('static-files hostile input', () => {
  it.each(TRANSPORT_FAILURES)('stat $name → $signal', ({ result, signal }) => {
    expect(run(staticFiles, [res(CONF), result], target)).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.entries(HOSTILE))('stat output %s → well-formed, never ok', (_n, text) => {
    expect(run(staticFiles, [res(CONF), res(text)], target).status).not.toBe('ok');
  });

  it.each(Object.entries(HOSTILE))('nginx.conf %s → still judged', (_n, text) => {
    const s = statOut();
    expect(run(staticFiles, [res(text), res(s.stdout)], target).signals).toEqual(['static-ok']);
  });

  it('odd modes, owners with | and injection in names stay data', () => {
    const o = check({ '/opt/OMS/backend': '$(reboot)|`id`|zz9|directory', '/opt/OMS': `${binaryGarbage(50)}|x|755|d` });
    expect(o.summary.length).toBeLessThan(600);
  });
});
