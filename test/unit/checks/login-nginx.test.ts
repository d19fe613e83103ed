import { describe, expect, it } from '@jest/globals';
import { loginNginx } from '../../../src/checks/login-nginx.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: ExecResult, target: Target = t) => run(loginNginx, [r], target);
const cap = (scenario: string) => obs(loadCapture(scenario, 'login-nginx.txt'));

describe('login-nginx', () => {
  it('runs the documented curl argv through nginx with Host and Origin', () => {
    expect(loginNginx.commands(t)[0]?.argv).toEqual([
      'curl',
      '-sS',
      '-i',
      '--noproxy',
      '*',
      '--max-time',
      '5',
      '-X',
      'POST',
      'http://127.0.0.1:80/api/auth/login/',
      '-H',
      'Content-Type: application/json',
      '-H',
      'Host: 172.29.91.61',
      '-H',
      'Origin: http://172.29.91.61',
      '-d',
      '{"username":"__probe__","password":"__probe__"}',
    ]);
  });

  it.each([
    'healthy',
    'cors-missing-origin',
    'frontend-api-url-wrong',
    'nginx-admin-location-missing',
    'worker-timeout-sigterm',
  ])('answers on %s', (s) => {
    expect(cap(s)).toMatchObject({ status: 'ok', signals: ['answers'], facts: { httpStatus: 401 } });
  });

  it('records the CORS header it got (missing on cors-missing-origin)', () => {
    expect(cap('healthy').facts.allowOrigin).toBe('http://172.29.91.61');
    expect(cap('cors-missing-origin').facts.allowOrigin).toBeNull();
  });

  it('nginx-proxy-pass-trailing-slash: Django 404, the path was rewritten', () => {
    const o = cap('nginx-proxy-pass-trailing-slash');
    expect(o).toMatchObject({ status: 'fail', signals: ['not-found-django'] });
    expect(o.evidence).toContain('The requested resource was not found on this server.');
  });

  it('nginx-api-location-missing: 405 from the static location', () => {
    const o = cap('nginx-api-location-missing');
    expect(o).toMatchObject({ status: 'fail', signals: ['spa-fallback'], facts: { httpStatus: 405 } });
    expect(o.evidence).toContain('405 Not Allowed');
  });

  it('a 200 with the SPA index is also spa-fallback', () => {
    const spa = loadCapture('nginx-admin-location-missing', 'admin-page.txt');
    expect(obs(spa)).toMatchObject({ status: 'fail', signals: ['spa-fallback'] });
  });

  it('backend down: 502; nginx down: refused; Host refused: disallowed-host', () => {
    expect(cap('backend-stopped')).toMatchObject({ status: 'fail', signals: ['bad-gateway'] });
    expect(cap('unit-user-www-data').signals).toEqual(['bad-gateway']);
    expect(cap('nginx-upstream-missing')).toMatchObject({ status: 'fail', signals: ['refused'] });
    expect(cap('allowed-hosts-missing-ip')).toMatchObject({ status: 'fail', signals: ['disallowed-host'] });
  });

  it('504, nginx 404 page, timeout and other 5xx', () => {
    expect(obs(loadWeb('login-nginx-504.txt'))).toMatchObject({ status: 'fail', signals: ['gateway-timeout'] });
    expect(obs(loadWeb('login-nginx-404-nginx.txt'))).toMatchObject({ status: 'fail', signals: ['not-found-nginx'] });
    expect(obs(loadWeb('login-direct-timeout.txt')).signals).toEqual(['timeout']);
    expect(obs(result('HTTP/1.1 503 Service Unavailable\n\n')).signals).toEqual(['server-error']);
    expect(obs(result('HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\nwho knows')).signals).toEqual([
      'unexpected',
    ]);
  });

  it('builds no command from a hostile nginxListen and reports it', () => {
    const bad: Target = { ...t, nginxListen: '127.0.0.1:80 -o /etc/passwd' };
    expect(loginNginx.commands(bad)).toEqual([]);
    expect(run(loginNginx, [], bad)).toMatchObject({ status: 'error', signals: ['unexpected'] });
  });

  describe('hostile output', () => {
    it('empty, binary, unicode and injection text are errors', () => {
      for (const text of ['', binaryGarbage(), UNICODE, INJECTION])
        expect(obs(result(text))).toMatchObject({ status: 'error', signals: ['unexpected'] });
    });
    it('truncated output keeps the status it saw', () => {
      expect(obs(result('HTTP/1.1 502 Bad Ga')).signals).toEqual(['bad-gateway']);
    });
    it('a 5 MB SPA page is still recognised, with bounded evidence', () => {
      const page = loadCapture('nginx-admin-location-missing', 'admin-page.txt').stdout.replace(
        '</body>',
        `${'<p>x</p>'.repeat(FIVE_MB / 8)}</body>`,
      );
      const o = obs(result(page));
      expect(o.signals).toEqual(['spa-fallback']);
      expect(o.evidence.length).toBeLessThan(2000);
    });
  });
});
