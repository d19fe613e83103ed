import { describe, expect, it } from '@jest/globals';
import { backendPortHolder, parseServiceState } from '../../../src/checks/backend-port-holder.js';
import { localTarget } from '../../../src/config/target.js';
import { loadCapture } from '../../helpers/capture.js';
import { HOSTILE, binaryGarbage, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget(); // backendBind 127.0.0.1:8000, service oms-backend
const RUNNING = res('MainPID=33\nActiveState=active\n');
const STOPPED = res('MainPID=0\nActiveState=inactive\n');
const LOOPING = res('ActiveState=activating\nMainPID=0\n');
const holder = (ss: string, show = RUNNING) => run(backendPortHolder, [res(ss), show]);

// `ss -lntpH` as root on the replica (no header; users:(…) names every process sharing the socket).
const GUNICORN =
  'LISTEN 0      511        127.0.0.1:80        0.0.0.0:*    users:(("nginx",pid=58,fd=6),("nginx",pid=57,fd=6))\n' +
  'LISTEN 0      2048       127.0.0.1:8000      0.0.0.0:*    users:(("gunicorn",pid=36,fd=5),("gunicorn",pid=35,fd=5),("gunicorn",pid=33,fd=5))\n';
const HTTP_SERVER = 'LISTEN 0      5          0.0.0.0:8000      0.0.0.0:*    users:(("python3",pid=4242,fd=3))\n';

describe('backend-port-holder commands', () => {
  it('runs ss -lntpH and reads the service MainPID, as argv arrays without sudo', () => {
    expect(backendPortHolder.commands(target)).toEqual([
      expect.objectContaining({ argv: ['ss', '-lntpH'] }),
      expect.objectContaining({ argv: ['systemctl', 'show', 'oms-backend', '-p', 'MainPID,ActiveState'] }),
    ]);
    expect(backendPortHolder.commands(target).some((c) => c.sudo)).toBe(false);
  });
});

describe('backend-port-holder on realistic output', () => {
  it('healthy replica (ss shows no process as the bot user, service active) → unnamed, ok', () => {
    const o = run(backendPortHolder, [
      loadCapture('healthy', 'ss-tlnp.txt'),
      loadCapture('healthy', 'systemctl-show.txt'),
    ]);
    expect(o).toMatchObject({ status: 'ok', signals: ['unnamed'], facts: { port: 8000, mainPid: 33 } });
  });

  it('gunicorn holds it (MainPID among the pids) → backend', () => {
    expect(holder(GUNICORN)).toMatchObject({
      status: 'ok',
      signals: ['backend'],
      facts: { holder: 'gunicorn pid=36' },
    });
  });

  it('a worker renamed by setproctitle still counts when the MainPID is among the pids', () => {
    const o = holder('LISTEN 0 2048 127.0.0.1:8000 0.0.0.0:* users:(("python3",pid=77,fd=5),("python3",pid=33,fd=5))');
    expect(o.signals).toEqual(['backend']);
  });

  it('a leftover python3 -m http.server → other-program, named with its pid', () => {
    const o = holder(HTTP_SERVER, LOOPING);
    expect(o).toMatchObject({ status: 'fail', signals: ['other-program'], facts: { holder: 'python3 pid=4242' } });
    expect(o.summary).toContain('python3 (pid 4242)');
    expect(o.evidence).toContain('0.0.0.0:8000');
  });

  it('held on another address of the same port (IPv6 wildcard) still blocks the bind', () => {
    expect(holder('LISTEN 0 128 [::]:8000 [::]:* users:(("node",pid=9,fd=20))').signals).toEqual(['other-program']);
  });

  it('port in LISTEN with no process shown while the service is stopped / restart-looping → held-while-down', () => {
    for (const show of [STOPPED, LOOPING]) {
      const o = holder('LISTEN 0 5 127.0.0.1:8000 0.0.0.0:*', show);
      expect(o).toMatchObject({ status: 'fail', signals: ['held-while-down'] });
      expect(o.summary).toContain('another program holds it');
    }
  });

  it('nothing on the port (empty -H output, or other ports only) → free', () => {
    expect(holder('').signals).toEqual(['free']);
    expect(holder('LISTEN 0 511 127.0.0.1:80 0.0.0.0:* users:(("nginx",pid=58,fd=6))', STOPPED).signals).toEqual([
      'free',
    ]);
  });

  it('an unreadable systemctl answer does not turn a silent holder into a failure', () => {
    expect(holder('LISTEN 0 5 127.0.0.1:8000 0.0.0.0:*', res('', 1, 'Failed to connect to bus')).signals).toEqual([
      'unnamed',
    ]);
  });
});

describe('parseServiceState', () => {
  it('reads MainPID and ActiveState in any order; rejects garbage', () => {
    expect(parseServiceState(LOOPING)).toEqual({ mainPid: 0, active: 'activating' });
    expect(parseServiceState(res(binaryGarbage()))).toBeUndefined();
    expect(parseServiceState(res(huge('MainPID=' + '9'.repeat(40))))).toBeUndefined();
  });
});

describe('backend-port-holder hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(backendPortHolder, [result, RUNNING])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE).filter((k) => k !== 'empty' && k !== 'whitespace'))('%s → error', (name) => {
    expect(holder(HOSTILE[name]!)).toMatchObject({ status: 'error', signals: [] });
  });

  it('5 MB of other listeners, then the holder → found, evidence bounded', () => {
    const o = holder(`${huge('LISTEN 0 128 10.1.1.1:22 0.0.0.0:*')}${HTTP_SERVER}`, STOPPED);
    expect(o.signals).toEqual(['other-program']);
  });

  it('a hostile process name is neutralised and bounded, never trusted as the backend', () => {
    const name = `gunic\u202Eorn$(reboot)${'🚀'.repeat(10)}`;
    const o = holder(`LISTEN 0 1 127.0.0.1:8000 0.0.0.0:* users:(("${name}",pid=66,fd=3))`);
    expect(o.signals).toEqual(['other-program']);
    expect(o.summary).not.toContain('\u202E');
    expect(o.summary).not.toContain('$(');
    expect(String(o.facts.holder).length).toBeLessThan(50);
  });
});
