import { describe, expect, it } from '@jest/globals';
import { loginDirect } from '../../../src/checks/login-direct.js';
import { localTarget } from '../../../src/config/target.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: Parameters<typeof loginDirect.interpret>[0][number]) => run(loginDirect, [r], t);

describe('login-direct', () => {
  it('runs the documented curl argv', () => {
    expect(loginDirect.commands(t)).toEqual([
      {
        argv: [
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
        ],
        timeoutMs: 8000,
      },
    ]);
  });

  it.each([
    'healthy',
    'cors-missing-origin',
    'frontend-api-url-wrong',
    'nginx-api-location-missing',
    'nginx-proxy-pass-trailing-slash',
    'nginx-upstream-missing',
    'nginx-admin-location-missing',
  ])('answers on %s', (scenario) => {
    const o = obs(loadCapture(scenario, 'login-direct.txt'));
    expect(o.status).toBe('ok');
    expect(o.signals).toEqual(['answers']);
    expect(o.facts.httpStatus).toBe(401);
    expect(o.evidence.split('\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('sees the disallowed host', () => {
    const o = obs(loadCapture('allowed-hosts-missing-ip', 'login-direct.txt'));
    expect(o).toMatchObject({ status: 'fail', signals: ['disallowed-host'] });
    expect(o.evidence).toContain('HTTP/1.1 400 Bad Request');
    expect(o.evidence).toContain('Bad Request (400)');
    expect(o.summary).toMatch(/^ALLOWED_HOSTS .* \/ /);
  });

  it.each([['backend-stopped'], ['unit-user-www-data']])('is refused on %s', (scenario) => {
    const o = obs(loadCapture(scenario, 'login-direct.txt'));
    expect(o).toMatchObject({ status: 'fail', signals: ['refused'], facts: { curlExit: 7 } });
    expect(o.evidence).toContain('curl: (7) Failed to connect to 127.0.0.1 port 8000');
  });

  it('tells timeout, 404, 5xx, empty reply and a 100 Continue preamble apart', () => {
    expect(obs(loadWeb('login-direct-timeout.txt')).signals).toEqual(['timeout']);
    expect(obs(loadWeb('login-direct-404.txt'))).toMatchObject({ status: 'fail', signals: ['not-found'] });
    expect(obs(loadWeb('login-direct-500.txt'))).toMatchObject({ status: 'fail', signals: ['server-error'] });
    expect(obs(loadWeb('login-direct-empty-reply.txt'))).toMatchObject({ status: 'fail', signals: ['unexpected'] });
    expect(obs(loadWeb('login-direct-continue.txt'))).toMatchObject({
      status: 'ok',
      signals: ['answers'],
      facts: { httpStatus: 400 },
    });
  });

  it('treats a redirect as unexpected (warn) and a 400 without JSON or Django page as unexpected', () => {
    expect(
      obs(result('HTTP/1.1 301 Moved Permanently\nLocation: https://172.29.91.61/api/auth/login/\n\n')),
    ).toMatchObject({ status: 'warn', signals: ['unexpected'] });
    expect(obs(result('HTTP/1.1 400 Bad Request\nContent-Type: text/plain\n\nnope'))).toMatchObject({
      status: 'fail',
      signals: ['unexpected'],
    });
  });

  it('reports transport problems through commandProblem', () => {
    expect(obs({ ...result(''), code: 127, stderr: 'curl: command not found' }).signals).toEqual(['command-missing']);
    expect(obs({ ...result(''), code: null, timedOut: true }).signals).toEqual(['command-timeout']);
  });

  describe('hostile output', () => {
    it('empty output is an error, not a crash', () => {
      expect(obs(result(''))).toMatchObject({ status: 'error', signals: ['unexpected'] });
    });
    it('truncated head still classifies by status', () => {
      const text = loadCapture('healthy', 'login-direct.txt').stdout.slice(0, 60);
      expect(obs(result(text))).toMatchObject({ status: 'fail', signals: ['unexpected'], facts: { httpStatus: 401 } });
    });
    it('a 5 MB body stays bounded', () => {
      const o = obs(
        result(`HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{"detail":"${'x'.repeat(FIVE_MB)}"}`),
      );
      expect(o.signals).toEqual(['answers']);
      expect(o.evidence.length).toBeLessThan(4000);
    });
    it('binary, unicode and injection text are errors with a bounded excerpt', () => {
      for (const text of [binaryGarbage(), UNICODE, INJECTION])
        expect(obs(result(text))).toMatchObject({ status: 'error', signals: ['unexpected'] });
    });
    it('a fake status line inside the body does not fool it', () => {
      const o = obs(result(`HTTP/1.1 500 Internal Server Error\n\nHTTP/1.1 401 Unauthorized\n${INJECTION}`));
      expect(o.signals).toEqual(['server-error']);
    });
  });
});
