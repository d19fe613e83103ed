import { describe, expect, it } from '@jest/globals';
import { backendPort, parseSsListeners, splitAddress } from '../../../src/checks/backend-port.js';
import { localTarget } from '../../../src/config/target.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { HOSTILE, huge, loadService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget(); // backendBind 127.0.0.1:8000
const capture = (scenario: string) => run(backendPort, [loadCapture(scenario, 'ss-tlnp.txt')]);

describe('backend-port commands', () => {
  it('runs ss -tlnp only', () => {
    expect(backendPort.commands(target).map((c) => c.argv)).toEqual([['ss', '-tlnp']]);
  });
});

describe('splitAddress', () => {
  it.each([
    ['127.0.0.1:8000', '127.0.0.1', 8000],
    ['0.0.0.0:8000', '0.0.0.0', 8000],
    ['*:8000', '*', 8000],
    ['[::]:8000', '::', 8000],
    [':::8000', '::', 8000],
    ['[::1]:8000', '::1', 8000],
    ['[::ffff:127.0.0.1]:8000', '127.0.0.1', 8000],
    ['127.0.0.53%lo:53', '127.0.0.53', 53],
    ['[fe80::1%eth0]:22', 'fe80::1', 22],
  ])('%s', (local, host, port) => {
    expect(splitAddress(local)).toEqual({ host, port });
  });

  it('rejects things that are not addresses', () => {
    expect(splitAddress('8000')).toBeUndefined();
    expect(splitAddress('host:*')).toBeUndefined();
  });
});

describe('backend-port on the replica captures (non-root: no process column)', () => {
  it('healthy → ok, listening, process unknown', () => {
    const o = capture('healthy');
    expect(o).toMatchObject({ status: 'ok', signals: ['listening'] });
    expect(o.facts).toMatchObject({ port: 8000, listeners: ['127.0.0.1:8000'], process: null });
    expect(o.evidence).toContain('127.0.0.1:8000');
  });

  it.each(captureScenarios().filter((s) => !['backend-stopped', 'unit-user-www-data'].includes(s)))(
    '%s → listening',
    (scenario) => {
      expect(capture(scenario)).toMatchObject({ status: 'ok', signals: ['listening'] });
    },
  );

  it.each(['backend-stopped', 'unit-user-www-data'])('%s → fail, not-listening', (scenario) => {
    const o = capture(scenario);
    expect(o).toMatchObject({ status: 'fail', signals: ['not-listening'] });
    expect(o.summary).toContain('127.0.0.1:8000');
  });
});

describe('backend-port with the process column (root, other iproute2 versions)', () => {
  it('gunicorn named with pid', () => {
    const o = run(backendPort, [loadService('ss-root-gunicorn.txt')]);
    expect(o).toMatchObject({ status: 'ok', signals: ['listening'] });
    expect(o.facts.process).toBe('gunicorn pid=1207');
    expect(o.facts.pids).toEqual(['1207', '1206', '1205', '1190']);
  });

  it('the port held by java on *:8000 → fail, held-by-other', () => {
    const o = run(backendPort, [loadService('ss-held-by-other.txt')]);
    expect(o).toMatchObject({ status: 'fail', signals: ['held-by-other'] });
    expect(o.facts.process).toBe('java pid=2210');
    expect(o.summary).toContain('java');
  });

  it('old iproute2: users without pid=, IPv6 wildcard :::8000, python3 counts as the backend', () => {
    const o = run(backendPort, [loadService('ss-old-iproute.txt')]);
    expect(o).toMatchObject({ status: 'ok', signals: ['listening'] });
    expect(o.facts).toMatchObject({ listeners: [':::8000'], process: 'python3 pid=1320' });
    expect(parseSsListeners(loadService('ss-old-iproute.txt').stdout)).toHaveLength(3);
  });

  it('0.0.0.0 and [::] listeners serve 127.0.0.1', () => {
    const hdr = 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n';
    expect(run(backendPort, [res(`${hdr}LISTEN 0 2048 0.0.0.0:8000 0.0.0.0:*`)]).signals).toEqual(['listening']);
    expect(run(backendPort, [res(`${hdr}LISTEN 0 2048 [::]:8000 [::]:*`)]).signals).toEqual(['listening']);
  });

  it('another specific address on the port is not the bind address', () => {
    const hdr = 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n';
    const o = run(backendPort, [
      res(`${hdr}LISTEN 0 2048 10.0.0.5:8000 0.0.0.0:*\nLISTEN 0 2048 127.0.0.1:18000 0.0.0.0:*`),
    ]);
    expect(o).toMatchObject({ status: 'fail', signals: ['not-listening'] });
    expect(o.facts.otherAddresses).toEqual(['10.0.0.5:8000']);
  });

  it('a backendBind of 0.0.0.0 accepts a loopback listener; IPv6 binds work', () => {
    const hdr = 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n';
    expect(
      run(backendPort, [res(`${hdr}LISTEN 0 1 127.0.0.1:8000 0.0.0.0:*`)], { ...target, backendBind: '0.0.0.0:8000' })
        .signals,
    ).toEqual(['listening']);
    expect(
      run(backendPort, [res(`${hdr}LISTEN 0 1 [::1]:9000 [::]:*`)], { ...target, backendBind: '[::1]:9000' }).signals,
    ).toEqual(['listening']);
  });
});

describe('backend-port hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(backendPort, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE))('%s → error', (name) => {
    expect(run(backendPort, [res(HOSTILE[name]!)])).toMatchObject({ status: 'error', signals: [] });
  });

  it('ss failing (netlink refused) → error', () => {
    expect(run(backendPort, [res('', 1, 'Cannot open netlink socket: Protocol not supported')]).status).toBe('error');
  });

  it('header only → not-listening', () => {
    expect(
      run(backendPort, [res('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n')]).signals,
    ).toEqual(['not-listening']);
  });

  it('truncated mid-line: a cut address does not count', () => {
    const full = loadCapture('healthy', 'ss-tlnp.txt').stdout;
    const cut = full.slice(0, full.indexOf('127.0.0.1:8000') + 12);
    expect(run(backendPort, [{ ...res(cut), truncated: true }]).signals).toEqual(['not-listening']);
  });

  it('5 MB of listeners → still finds the port quickly', () => {
    const text = `State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n${huge('LISTEN 0 128 10.1.1.1:22 0.0.0.0:*')}LISTEN 0 2048 127.0.0.1:8000 0.0.0.0:* users:(("gunicorn",pid=9,fd=5))\n`;
    const o = run(backendPort, [res(text)]);
    expect(o).toMatchObject({ status: 'ok', signals: ['listening'], facts: { process: 'gunicorn pid=9' } });
  });

  it('a hostile process name is bounded and not trusted as gunicorn', () => {
    const name = `evil${'🚀'.repeat(10)}`;
    const o = run(backendPort, [
      res(`State Recv-Q\nLISTEN 0 1 127.0.0.1:8000 0.0.0.0:* users:(("${name}",pid=66,fd=3))`),
    ]);
    expect(o.signals).toEqual(['held-by-other']);
  });
});
