import { describe, expect, it } from '@jest/globals';
import { adminPage } from '../../../src/checks/admin-page.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: ExecResult) => run(adminPage, [r], t);
const cap = (scenario: string) => obs(loadCapture(scenario, 'admin-page.txt'));

describe('admin-page', () => {
  it('GETs /admin/ through nginx with the public Host', () => {
    expect(adminPage.commands(t)).toEqual([
      {
        argv: [
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
        ],
        timeoutMs: 8000,
      },
    ]);
  });

  it.each(['healthy', 'cors-missing-origin', 'nginx-api-location-missing', 'nginx-proxy-pass-trailing-slash'])(
    'Django answers on %s',
    (s) => {
      const o = cap(s);
      expect(o).toMatchObject({ status: 'ok', signals: ['django'], facts: { location: '/admin/login/?next=/admin/' } });
      expect(o.evidence).toBe(
        'HTTP/1.1 302 Found\nServer: nginx/1.22.1\nContent-Type: text/html; charset=utf-8\nLocation: /admin/login/?next=/admin/',
      );
    },
  );

  it('a 200 Django admin login page is django too', () => {
    expect(obs(loadWeb('admin-login-200.txt'))).toMatchObject({ status: 'ok', signals: ['django'] });
  });

  it('nginx-admin-location-missing: the SPA index', () => {
    const o = cap('nginx-admin-location-missing');
    expect(o).toMatchObject({ status: 'fail', signals: ['spa'] });
    expect(o.evidence).toContain('<title>OMS 订单管理系统</title>');
  });

  it('502, disallowed host, refused, 404, timeout, other redirects', () => {
    expect(cap('backend-stopped').signals).toEqual(['bad-gateway']);
    expect(cap('allowed-hosts-missing-ip')).toMatchObject({ status: 'fail', signals: ['disallowed-host'] });
    expect(cap('nginx-upstream-missing').signals).toEqual(['refused']);
    expect(obs(loadWeb('login-nginx-404-nginx.txt'))).toMatchObject({ status: 'fail', signals: ['not-found'] });
    expect(obs(loadWeb('login-direct-timeout.txt')).signals).toEqual(['timeout']);
    expect(obs(result('HTTP/1.1 301 Moved Permanently\nLocation: https://172.29.91.61/admin/\n\n'))).toMatchObject({
      status: 'warn',
      signals: ['unexpected'],
    });
  });

  it('never puts the Set-Cookie value in evidence', () => {
    const o = obs(loadWeb('admin-login-200.txt'));
    expect(JSON.stringify(o)).not.toContain('Zq7wzRk0cPqNp1tQbbf3Uj5WcVh0E6xD');
  });

  describe('hostile output', () => {
    it('empty, binary, unicode and injection text are errors', () => {
      for (const text of ['', binaryGarbage(), UNICODE, INJECTION])
        expect(obs(result(text))).toMatchObject({ status: 'error', signals: ['unexpected'] });
    });
    it('truncated before Location is unexpected', () => {
      expect(obs(result('HTTP/1.1 302 Found\nServer: nginx\n')).signals).toEqual(['unexpected']);
    });
    it('a 5 MB Location header stays out of the facts', () => {
      const o = obs(
        result(`HTTP/1.1 302 Found\nLocation: /admin/login/${'a'.repeat(60_000)}\n\n${'b'.repeat(FIVE_MB)}`),
      );
      expect(o.signals).toEqual(['django']);
      expect(String(o.facts.location).length).toBeLessThanOrEqual(301);
    });
    it('a 200 page that only mentions an app div in a comment-like injection is still judged by markers', () => {
      expect(
        obs(result(`HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"x":"<div id=\\"app\\">"}`)).signals,
      ).toEqual(['unexpected']);
    });
  });
});
