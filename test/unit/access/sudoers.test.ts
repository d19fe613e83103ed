import type { Target } from '../../../src/config/target.js';
import { targetSchema } from '../../../src/config/target-schema.js';
import {
  classifySudoFailure,
  parseSudoList,
  sudoCommands,
  sudoersCommand,
  sudoersDropIn,
} from '../../../src/access/sudoers.js';

const target: Target = {
  name: 'prod',
  ...targetSchema.parse({ host: '172.29.91.61', user: 'omsbot', service: 'oms-backend' }),
};

describe('sudoersDropIn', () => {
  const text = sudoersDropIn(target);

  test('lists every action argv exactly as run, once, plus nginx -t and nginx -T (discovery)', () => {
    const rules = text.split('\n').filter((l) => l.startsWith('omsbot '));
    expect(rules).toEqual([
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl restart oms-backend',
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl start oms-backend',
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl daemon-reload',
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl reload nginx',
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl restart nginx',
      'omsbot ALL=(root) NOPASSWD: /usr/sbin/nginx -t',
      'omsbot ALL=(root) NOPASSWD: /usr/sbin/nginx -T',
    ]);
    for (const argv of sudoCommands(target)) expect(argv[0]).toMatch(/^\//);
  });

  test('turns off requiretty and explains the journal group, the file name and visudo', () => {
    expect(text).toContain('Defaults:omsbot !requiretty');
    expect(text).toContain('usermod -aG systemd-journal omsbot');
    expect(text).toMatch(/contains a "\."/);
    expect(text).toContain('/etc/sudoers.d/oms-chatops');
    expect(text).toContain('visudo -cf /etc/sudoers.d/oms-chatops');
    // comments and rules only: nothing grants ALL
    expect(text).not.toMatch(/NOPASSWD:\s*ALL/);
  });

  test('follows the target: service names and user', () => {
    const other: Target = { ...target, service: 'oms-api', nginxService: 'openresty' };
    const t = sudoersDropIn(other, 'bot2');
    expect(t).toContain('bot2 ALL=(root) NOPASSWD: /usr/bin/systemctl restart oms-api');
    expect(t).toContain('bot2 ALL=(root) NOPASSWD: /usr/bin/systemctl reload openresty');
    expect(t).toContain('Defaults:bot2 !requiretty');
  });

  test('sudoers special characters in arguments are escaped', () => {
    expect(sudoersCommand(['/bin/x', 'a,b', 'c:d', 'e=f', 'g h', 'i\\j'])).toBe(
      '/bin/x a\\,b c\\:d e\\=f g\\ h i\\\\j',
    );
  });
});

describe('classifySudoFailure', () => {
  const argv = ['/usr/bin/systemctl', 'restart', 'oms-backend'];

  test('a password is required → the NOPASSWD line for exactly this argv', () => {
    const r = classifySudoFailure('sudo: a password is required\n', argv, 'omsbot');
    expect(r).toMatchObject({
      kind: 'password_required',
      sudoersLine: 'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl restart oms-backend',
    });
    expect(r!.hint).toContain('visudo -cf');
  });

  test('requiretty (RHEL-family default)', () => {
    const r = classifySudoFailure('sudo: sorry, you must have a tty to run sudo\n', argv, 'omsbot');
    expect(r).toMatchObject({ kind: 'requiretty', sudoersLine: 'Defaults:omsbot !requiretty' });
  });

  test('not allowed / not in sudoers', () => {
    const a = classifySudoFailure(
      "Sorry, user omsbot is not allowed to execute '/usr/bin/systemctl restart oms-backend' as root on oms.\n",
      argv,
      'omsbot',
    );
    expect(a?.kind).toBe('not_allowed');
    const b = classifySudoFailure(
      'omsbot is not in the sudoers file.  This incident will be reported.\n',
      argv,
      'omsbot',
    );
    expect(b).toMatchObject({
      kind: 'not_allowed',
      sudoersLine: 'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl restart oms-backend',
    });
  });

  test('other stderr is not a sudo refusal', () => {
    expect(
      classifySudoFailure(
        'Job for oms-backend.service failed because the control process exited with error code.',
        argv,
      ),
    ).toBeNull();
    expect(classifySudoFailure('', argv)).toBeNull();
  });
});

describe('parseSudoList', () => {
  test('reads the NOPASSWD commands of `sudo -n -l` (captured from sudo 1.9.13)', () => {
    const out = [
      'Matching Defaults entries for omsbot on vm:',
      '    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin, use_pty, !requiretty',
      '',
      'User omsbot may run the following commands on vm:',
      '    (root) NOPASSWD: /usr/bin/systemctl restart oms-backend, /usr/bin/true',
      '    (root) NOPASSWD: /usr/sbin/nginx -t',
      '    (ALL : ALL) ALL',
      '',
    ].join('\n');
    expect(parseSudoList(out)).toEqual([
      '/usr/bin/systemctl restart oms-backend',
      '/usr/bin/true',
      '/usr/sbin/nginx -t',
    ]);
  });
  test('NOPASSWD: ALL shows up as ALL; nothing listed is empty', () => {
    expect(parseSudoList('User omsbot may run the following commands on h:\n    (ALL) NOPASSWD: ALL\n')).toEqual([
      'ALL',
    ]);
    expect(parseSudoList('')).toEqual([]);
  });
});
