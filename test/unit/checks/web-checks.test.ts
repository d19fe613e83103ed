import { describe, expect, it } from '@jest/globals';
import { WEB_CHECKS } from '../../../src/checks/web-checks.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { loadWeb, run } from './web-hostile.js';

const t = localTarget();

/** The captured results for each check, in its command order. */
function captured(scenario: string): Record<string, ExecResult[]> {
  const c = (f: string) => loadCapture(scenario, f);
  return {
    'login-direct': [c('login-direct.txt')],
    'login-nginx': [c('login-nginx.txt')],
    'cors-preflight': [c('cors-preflight.txt')],
    'admin-page': [c('admin-page.txt')],
    'api-root': [c('api-root.txt')],
    'backend-env': [c('backend-env.txt')],
    'frontend-env': [c('frontend-env.txt'), loadWeb('env-local-missing.txt'), loadWeb('dist-urls-ok.txt')],
    'nginx-config-test': [c('nginx-t.txt')],
    'nginx-site': [c('nginx-conf.txt'), loadWeb('stat-dirs-ok.txt')],
    'nginx-error-log': [c('nginx-error-log.txt'), result('')],
  };
}

describe('WEB_CHECKS', () => {
  it('lists the ten web-side checks in the documented order', () => {
    expect(WEB_CHECKS.map((c) => c.id)).toEqual([
      'login-direct',
      'login-nginx',
      'cors-preflight',
      'admin-page',
      'api-root',
      'backend-env',
      'frontend-env',
      'nginx-config-test',
      'nginx-site',
      'nginx-error-log',
    ]);
  });

  it('are frozen and have Chinese and English titles', () => {
    for (const c of WEB_CHECKS) {
      expect(Object.isFrozen(c)).toBe(true);
      expect(c.title).toMatch(/[\u4e00-\u9fff]/);
      expect(c.titleEn).toMatch(/^[A-Za-z]/);
    }
  });

  it('build argv only (no shell), with deadlines; only nginx -t uses sudo', () => {
    for (const c of WEB_CHECKS) {
      for (const cmd of c.commands(t)) {
        expect(['curl', 'cat', 'grep', 'stat', 'tail', '/usr/sbin/nginx']).toContain(cmd.argv[0]);
        expect(cmd.argv).not.toContain('sh');
        expect(cmd.argv).not.toContain('|');
        expect(cmd.timeoutMs).toBe(8000);
        expect(Boolean(cmd.sudo)).toBe(c.id === 'nginx-config-test');
      }
    }
  });

  it('every check is ok on the healthy capture', () => {
    const res = captured('healthy');
    for (const c of WEB_CHECKS) expect([c.id, run(c, res[c.id]!, t).status]).toEqual([c.id, 'ok']);
  });

  it.each([
    [
      'allowed-hosts-missing-ip',
      {
        'login-direct': 'disallowed-host',
        'login-nginx': 'disallowed-host',
        'backend-env': 'allowed-hosts-missing-host',
        'admin-page': 'disallowed-host',
        'api-root': 'disallowed-host',
      },
    ],
    ['nginx-proxy-pass-trailing-slash', { 'login-nginx': 'not-found-django', 'nginx-site': 'api-proxy-pass-uri' }],
    [
      'nginx-api-location-missing',
      {
        'login-nginx': 'spa-fallback',
        'api-root': 'spa',
        'cors-preflight': 'not-proxied',
        'nginx-site': 'api-location-missing',
      },
    ],
    [
      'nginx-upstream-missing',
      { 'nginx-config-test': 'upstream-host-not-found', 'nginx-site': 'upstream-missing', 'login-nginx': 'refused' },
    ],
    [
      'backend-stopped',
      {
        'login-direct': 'refused',
        'login-nginx': 'bad-gateway',
        'cors-preflight': 'bad-gateway',
        'admin-page': 'bad-gateway',
        'api-root': 'bad-gateway',
      },
    ],
    ['cors-missing-origin', { 'cors-preflight': 'origin-missing', 'backend-env': 'cors-missing-origin' }],
    ['frontend-api-url-wrong', { 'frontend-env': 'api-url-mismatch' }],
    ['nginx-admin-location-missing', { 'admin-page': 'spa', 'nginx-site': 'admin-location-missing' }],
  ] as const)('%s: the right signals, failing; the other checks stay ok', (scenario, expected) => {
    const res = captured(scenario);
    for (const c of WEB_CHECKS) {
      const o = run(c, res[c.id]!, t);
      const want = (expected as Record<string, string>)[c.id];
      if (want) expect([c.id, o.status, o.signals.includes(want)]).toEqual([c.id, 'fail', true]);
      else if (!(scenario === 'nginx-upstream-missing' && ['cors-preflight', 'admin-page', 'api-root'].includes(c.id)))
        expect([c.id, o.status]).toEqual([c.id, 'ok']);
    }
  });

  it('never throws on results missing altogether', () => {
    for (const c of WEB_CHECKS) expect(run(c, [], t).status).toBe('error');
  });
});
