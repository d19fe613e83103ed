import { describe, expect, it } from '@jest/globals';
import { parseGetent, unitUser } from '../../../src/checks/unit-user.js';
import { localTarget } from '../../../src/config/target.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { HOSTILE, readService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const passwd = res(readService('getent-passwd.txt'));
const group = res(readService('getent-group.txt'));
/** `systemctl show -p User,Group` as the capture of a scenario has it. */
const showOf = (scenario: string) => {
  const out = loadCapture(scenario, 'systemctl-show.txt').stdout;
  return res(
    out
      .split('\n')
      .filter((l) => /^(User|Group)=/.test(l))
      .join('\n'),
  );
};

describe('unit-user commands', () => {
  it('reads User/Group and the account databases', () => {
    expect(unitUser.commands({ ...localTarget(), service: 'oms-api' }).map((c) => c.argv)).toEqual([
      ['systemctl', 'show', 'oms-api', '-p', 'User,Group,LoadState'],
      ['getent', 'passwd'],
      ['getent', 'group'],
    ]);
  });
});

describe('unit-user on the replica scenarios', () => {
  it('healthy (User=nginx) → ok, user-exists with uid/gid', () => {
    const o = run(unitUser, [showOf('healthy'), passwd, group]);
    expect(o).toMatchObject({ status: 'ok', signals: ['user-exists'] });
    expect(o.facts).toMatchObject({ user: 'nginx', uid: '994', group: 'nginx', gid: '991' });
    expect(o.evidence).toContain('nginx:x:994:991');
  });

  it.each(captureScenarios().filter((s) => s !== 'unit-user-www-data'))('%s → user-exists', (scenario) => {
    expect(run(unitUser, [showOf(scenario), passwd, group]).signals).toEqual(['user-exists']);
  });

  it('unit-user-www-data (no www-data on Kylin) → fail, user-missing and group-missing', () => {
    const o = run(unitUser, [showOf('unit-user-www-data'), passwd, group]);
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['user-missing', 'group-missing']);
    expect(o.facts).toMatchObject({ user: 'www-data', group: 'www-data' });
    expect(o.summary).toMatch(/用户 www-data 不存在.*217\/USER/);
  });
});

describe('unit-user variants', () => {
  it('group missing only', () => {
    const o = run(unitUser, [res('User=nginx\nGroup=oms'), passwd, group]);
    expect(o).toMatchObject({ status: 'fail', signals: ['group-missing'], facts: { group: 'oms' } });
  });

  it('a unit that is not installed → skipped, unit-not-found (not "runs as root")', () => {
    const o = run(unitUser, [res('User=\nGroup=\nLoadState=not-found'), passwd, group]);
    expect(o).toMatchObject({ status: 'skipped', signals: ['unit-not-found'] });
    expect(o.summary).toMatch(/not installed/);
  });

  it('no User= → warn, user-root; User=root and uid 0 too', () => {
    expect(run(unitUser, [res('User=\nGroup='), passwd, group])).toMatchObject({
      status: 'warn',
      signals: ['user-root'],
      facts: { user: 'root' },
    });
    expect(run(unitUser, [res('User=root\nGroup=root'), passwd, group]).signals).toEqual(['user-root']);
    expect(run(unitUser, [res('User=0\nGroup='), passwd, group]).signals).toEqual(['user-root']);
  });

  it('numeric User= is looked up by uid', () => {
    expect(run(unitUser, [res('User=994\nGroup=991'), passwd, group]).signals).toEqual(['user-exists']);
    expect(run(unitUser, [res('User=4242\nGroup='), passwd, group]).signals).toEqual(['user-missing']);
  });

  it('a name that is a prefix of an existing one does not count', () => {
    expect(run(unitUser, [res('User=ngin\nGroup='), passwd, group]).signals).toEqual(['user-missing']);
  });

  it('parseGetent skips junk lines', () => {
    expect(parseGetent('a:x:1:1::/:/bin/sh\nbad line\n:x:2:\nb:x:notnum:\nc:x:3:')).toEqual([
      { name: 'a', id: '1' },
      { name: 'c', id: '3' },
    ]);
  });
});

describe('unit-user hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name (systemctl) → $signal', ({ result, signal }) => {
    expect(run(unitUser, [result, passwd, group])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(TRANSPORT_FAILURES)('$name (getent) → $signal', ({ result, signal }) => {
    expect(run(unitUser, [res('User=nginx\nGroup=nginx'), result, group])).toMatchObject({
      status: 'error',
      signals: [signal],
    });
    expect(run(unitUser, [res('User=nginx\nGroup=nginx'), passwd, result])).toMatchObject({
      status: 'error',
      signals: [signal],
    });
  });

  it('unicode with a bidi override as User= → user-missing, shown without the control characters', () => {
    const o = run(unitUser, [res(HOSTILE.unicode!), passwd, group]);
    expect(o).toMatchObject({ status: 'fail', signals: ['user-missing'] });
    expect(o.summary).not.toMatch(/[\u202a-\u202e\u200b]/);
    expect(o.summary).toContain('用户');
  });

  it.each(Object.keys(HOSTILE).filter((n) => n !== 'unicode'))('%s as systemctl output → error', (name) => {
    expect(run(unitUser, [res(HOSTILE[name]!), passwd, group])).toMatchObject({ status: 'error', signals: [] });
  });

  it.each(Object.keys(HOSTILE))('%s as getent passwd → error, never user-missing', (name) => {
    expect(run(unitUser, [res('User=nginx\nGroup=nginx'), res(HOSTILE[name]!), group])).toMatchObject({
      status: 'error',
      signals: [],
    });
  });

  it('truncated getent passwd without the user → error, not a false user-missing', () => {
    const cut = readService('getent-passwd.txt').split('\n').slice(0, 5).join('\n');
    expect(run(unitUser, [res('User=nginx\nGroup=nginx'), { ...res(cut), truncated: true }, group])).toMatchObject({
      status: 'error',
      signals: [],
    });
  });

  it('5 MB passwd (LDAP enumeration) with the user at the end → ok', () => {
    const big = `${Array.from({ length: 90_000 }, (_, i) => `u${i}:x:${10000 + i}:100:LDAP user ${i}:/home/u${i}:/bin/bash`).join('\n')}\nnginx:x:994:991::/var/lib/nginx:/sbin/nologin\n`;
    expect(big.length).toBeGreaterThan(4_000_000);
    expect(run(unitUser, [res('User=nginx\nGroup=nginx'), res(big), group]).signals).toEqual(['user-exists']);
  });

  it('unicode user names are matched exactly', () => {
    const o = run(unitUser, [
      res('User=用户\nGroup='),
      res(`${readService('getent-passwd.txt')}用户:x:2001:2001::/home/u:/bin/sh\n`),
      group,
    ]);
    expect(o.signals).toEqual(['user-exists']);
  });

  it('missing results → error', () => {
    expect(unitUser.interpret([], localTarget()).status).toBe('error');
  });
});
