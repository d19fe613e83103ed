import { describe, expect, it } from '@jest/globals';
import { corsPreflight } from '../../../src/checks/cors-preflight.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: ExecResult, target: Target = t) => run(corsPreflight, [r], target);
const cap = (scenario: string) => obs(loadCapture(scenario, 'cors-preflight.txt'));

describe('cors-preflight', () => {
  it('runs the documented OPTIONS request', () => {
    expect(corsPreflight.commands(t)[0]?.argv).toEqual([
      'curl',
      '-sS',
      '-i',
      '--noproxy',
      '*',
      '--max-time',
      '5',
      '-X',
      'OPTIONS',
      'http://127.0.0.1:80/api/auth/login/',
      '-H',
      'Host: 172.29.91.61',
      '-H',
      'Origin: http://172.29.91.61',
      '-H',
      'Access-Control-Request-Method: POST',
      '-H',
      'Access-Control-Request-Headers: content-type',
    ]);
  });

  it.each([
    'healthy',
    'allowed-hosts-missing-ip',
    'frontend-api-url-wrong',
    'nginx-proxy-pass-trailing-slash',
    'nginx-admin-location-missing',
  ])('allowed on %s', (s) => {
    const o = cap(s);
    expect(o).toMatchObject({ status: 'ok', signals: ['allowed'], facts: { allowOrigin: 'http://172.29.91.61' } });
    expect(o.evidence).toContain('Access-Control-Allow-Origin: http://172.29.91.61');
  });

  it('cors-missing-origin: 200 without Access-Control-Allow-Origin', () => {
    const o = cap('cors-missing-origin');
    expect(o).toMatchObject({ status: 'fail', signals: ['origin-missing'], facts: { allowOrigin: null } });
    expect(o.summary).toBe(
      'CORS 未放行前端地址 / CORS_ALLOWED_ORIGINS lacks http://172.29.91.61 (no Access-Control-Allow-Origin)',
    );
    expect(o.evidence.split('\n')[0]).toBe('HTTP/1.1 200 OK');
  });

  it('another origin allowed is still origin-missing', () => {
    const o = obs(loadWeb('cors-preflight-other-origin.txt'));
    expect(o).toMatchObject({
      status: 'fail',
      signals: ['origin-missing'],
      facts: { allowOrigin: 'http://localhost:5173' },
    });
  });

  it('accepts * and compares with a non-default public origin', () => {
    expect(obs(result('HTTP/1.1 200 OK\naccess-control-allow-origin: *\n\n')).signals).toEqual(['allowed']);
    const other: Target = { ...t, publicUrl: 'http://oms.example.com:8080' };
    expect(
      obs(result('HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: http://oms.example.com:8080\n\n'), other).signals,
    ).toEqual(['allowed']);
    expect(
      obs(result('HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: http://oms.example.com\n\n'), other).signals,
    ).toEqual(['origin-missing']);
  });

  it('nginx-api-location-missing: 405 from nginx, not proxied', () => {
    expect(cap('nginx-api-location-missing')).toMatchObject({ status: 'fail', signals: ['not-proxied'] });
  });

  it('502, refused, disallowed host, timeout', () => {
    expect(cap('backend-stopped').signals).toEqual(['bad-gateway']);
    expect(cap('nginx-upstream-missing').signals).toEqual(['refused']);
    expect(obs(loadCapture('allowed-hosts-missing-ip', 'login-nginx.txt')).signals).toEqual(['disallowed-host']);
    expect(obs(loadWeb('login-direct-timeout.txt')).signals).toEqual(['timeout']);
    expect(obs(loadWeb('login-nginx-504.txt'))).toMatchObject({ status: 'fail', signals: ['unexpected'] });
  });

  describe('hostile output', () => {
    it('empty, binary, unicode and injection text are errors', () => {
      for (const text of ['', binaryGarbage(), UNICODE, INJECTION])
        expect(obs(result(text))).toMatchObject({ status: 'error', signals: ['unexpected'] });
    });
    it('truncated before the CORS headers reads as origin-missing', () => {
      expect(obs(result(loadCapture('healthy', 'cors-preflight.txt').stdout.slice(0, 120))).signals).toEqual([
        'origin-missing',
      ]);
    });
    it('a 5 MB header value does not blow up the evidence', () => {
      const o = obs(result(`HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: ${'x'.repeat(FIVE_MB)}\n\n`));
      expect(o.signals).toEqual(['unexpected']);
      expect(o.status).toBe('error');
    });
    it('an injected header in the body is not read as a header', () => {
      expect(
        obs(
          result(
            `HTTP/1.1 200 OK\nContent-Type: text/html\n\nAccess-Control-Allow-Origin: http://172.29.91.61\n${INJECTION}`,
          ),
        ).signals,
      ).toEqual(['origin-missing']);
    });
  });
});
