import { describe, expect, it } from '@jest/globals';
import { apiRoot } from '../../../src/checks/api-root.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: ExecResult) => run(apiRoot, [r], t);
const cap = (scenario: string) => obs(loadCapture(scenario, 'api-root.txt'));

describe('api-root', () => {
  it('GETs /api/ through nginx', () => {
    expect(apiRoot.commands(t)[0]?.argv).toEqual([
      'curl',
      '-sS',
      '-i',
      '--noproxy',
      '*',
      '--max-time',
      '5',
      'http://127.0.0.1:80/api/',
      '-H',
      'Host: 172.29.91.61',
    ]);
  });

  it.each(['healthy', 'cors-missing-origin', 'nginx-proxy-pass-trailing-slash', 'nginx-admin-location-missing'])(
    'Django 404 is normal on %s',
    (s) => {
      const o = cap(s);
      expect(o).toMatchObject({ status: 'ok', signals: ['django-404'], facts: { httpStatus: 404 } });
      expect(o.evidence).toContain('The requested resource was not found on this server.');
    },
  );

  it('DRF JSON 404 is Django too', () => {
    expect(
      obs(result('HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{"detail":"Not found."}')).signals,
    ).toEqual(['django-404']);
  });

  it('nginx-api-location-missing: the SPA index', () => {
    expect(cap('nginx-api-location-missing')).toMatchObject({
      status: 'fail',
      signals: ['spa'],
      facts: { httpStatus: 200 },
    });
  });

  it('502, disallowed host, refused, timeout', () => {
    expect(cap('backend-stopped')).toMatchObject({ status: 'fail', signals: ['bad-gateway'] });
    expect(cap('allowed-hosts-missing-ip')).toMatchObject({ status: 'fail', signals: ['disallowed-host'] });
    expect(cap('nginx-upstream-missing').signals).toEqual(['refused']);
    expect(obs(loadWeb('login-direct-timeout.txt')).signals).toEqual(['timeout']);
  });

  it("nginx's own 404 is a failure; an API index from Django is only odd", () => {
    expect(obs(loadWeb('login-nginx-404-nginx.txt'))).toMatchObject({ status: 'fail', signals: ['unexpected'] });
    expect(
      obs(result('HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"orders":"http://172.29.91.61/api/orders/"}')),
    ).toMatchObject({ status: 'warn', signals: ['unexpected'] });
  });

  describe('hostile output', () => {
    it('empty, binary, unicode and injection text are errors', () => {
      for (const text of ['', binaryGarbage(), UNICODE, INJECTION])
        expect(obs(result(text))).toMatchObject({ status: 'error', signals: ['unexpected'] });
    });
    it('truncated before the body: a bare 404 is not taken for Django', () => {
      expect(obs(result('HTTP/1.1 404 Not Found\nServer: nginx/1.22.1\n')).signals).toEqual(['unexpected']);
    });
    it('a 5 MB Django 404 page', () => {
      const o = obs(
        result(
          `HTTP/1.1 404 Not Found\n\n<p>The requested resource was not found on this server.</p>${'z'.repeat(FIVE_MB)}`,
        ),
      );
      expect(o.signals).toEqual(['django-404']);
      expect(o.evidence.length).toBeLessThan(1000);
    });
  });
});
