import { describe, expect, it } from '@jest/globals';
import { curlCommands, hostHeader, nginxBase, PROBE_CREDENTIALS } from '../../../src/checks/curl-probe.js';
import { localTarget, type Target } from '../../../src/config/target.js';

describe('curl probe commands', () => {
  it('builds the documented argv with dummy credentials only', () => {
    const t = localTarget();
    const [cmd] = curlCommands(t, {
      method: 'POST',
      base: 'http://127.0.0.1:8000',
      path: '/api/auth/login/',
      data: PROBE_CREDENTIALS,
    });
    expect(cmd?.argv).toEqual([
      'curl',
      '-sS',
      '-i',
      '--noproxy',
      '*',
      '--max-time',
      '5',
      '-X',
      'POST',
      'http://127.0.0.1:8000/api/auth/login/',
      '-H',
      'Content-Type: application/json',
      '-H',
      'Host: 172.29.91.61',
      '-d',
      '{"username":"__probe__","password":"__probe__"}',
    ]);
    expect(cmd?.timeoutMs).toBe(8000);
    expect(cmd?.sudo).toBeUndefined();
  });

  it('omits -X for GET', () => {
    const [cmd] = curlCommands(localTarget(), { base: 'http://127.0.0.1:80', path: '/admin/' });
    expect(cmd?.argv).toEqual([
      'curl',
      '-sS',
      '-i',
      '--noproxy',
      '*',
      '--max-time',
      '5',
      'http://127.0.0.1:80/admin/',
      '-H',
      'Host: 172.29.91.61',
    ]);
  });

  it('keeps a non-default public port in the Host header, as a browser does', () => {
    const t: Target = { ...localTarget(), publicUrl: 'http://oms.example.com:8080/' };
    expect(hostHeader(t)).toBe('oms.example.com:8080');
  });

  it('refuses an nginxListen that is not a plain host:port (no command is built)', () => {
    for (const bad of ['127.0.0.1:80/evil', '-o/tmp/x', '127.0.0.1 --data x', 'http://127.0.0.1', '$(id):80', '']) {
      const t: Target = { ...localTarget(), nginxListen: bad };
      expect(nginxBase(t)).toBeUndefined();
      expect(curlCommands(t, { base: nginxBase(t), path: '/api/' })).toEqual([]);
    }
    expect(nginxBase({ ...localTarget(), nginxListen: '[::1]:8080' })).toBe('http://[::1]:8080');
  });
});
