import { describe, expect, it } from '@jest/globals';
import { backendEnv, hostAllowed } from '../../../src/checks/backend-env.js';
import { parseEnvFile } from '../../../src/checks/env-file.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { captureScenarios, loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: ExecResult, target: Target = t) => run(backendEnv, [r], target);
const cap = (scenario: string) => obs(loadCapture(scenario, 'backend-env.txt'));

/** Every secret value in a captured .env. */
function secretsOf(scenario: string): string[] {
  const env = parseEnvFile(loadCapture(scenario, 'backend-env.txt').stdout);
  return ['SECRET_KEY', 'DATABASE_PASSWORD', 'REDIS_PASSWORD'].map((k) => env.entries.get(k)!.value);
}

describe('backend-env', () => {
  it('cats <backend>/.env', () => {
    expect(backendEnv.commands(t)).toEqual([{ argv: ['cat', '/opt/OMS/backend/.env'], timeoutMs: 8000 }]);
  });

  it('healthy: hosts and CORS fine', () => {
    const o = cap('healthy');
    expect(o).toMatchObject({
      status: 'ok',
      signals: ['hosts-ok'],
      facts: {
        allowedHosts: ['172.29.91.61', 'localhost', '127.0.0.1'],
        corsOrigins: ['http://172.29.91.61', 'http://localhost'],
        debug: false,
      },
    });
    expect(o.evidence).toBe(
      [
        '/opt/OMS/backend/.env:2: DEBUG=False',
        '/opt/OMS/backend/.env:4: ALLOWED_HOSTS=172.29.91.61,localhost,127.0.0.1',
        '/opt/OMS/backend/.env:5: CORS_ALLOWED_ORIGINS=http://172.29.91.61,http://localhost',
      ].join('\n'),
    );
  });

  it('allowed-hosts-missing-ip', () => {
    const o = cap('allowed-hosts-missing-ip');
    expect(o).toMatchObject({
      status: 'fail',
      signals: ['allowed-hosts-missing-host'],
      facts: { allowedHosts: ['localhost', '127.0.0.1'] },
    });
    expect(o.summary).toBe('ALLOWED_HOSTS 缺少公网地址 / ALLOWED_HOSTS lacks 172.29.91.61');
  });

  it('cors-missing-origin', () => {
    const o = cap('cors-missing-origin');
    expect(o).toMatchObject({ status: 'fail', signals: ['hosts-ok', 'cors-missing-origin'] });
    expect(o.summary).toBe('CORS 未放行前端地址 / CORS_ALLOWED_ORIGINS lacks http://172.29.91.61');
    expect(o.evidence).toContain('CORS_ALLOWED_ORIGINS=http://localhost:5173,http://localhost');
  });

  it.each(captureScenarios())('never leaks a secret from the %s capture', (scenario) => {
    const o = cap(scenario);
    const json = JSON.stringify(o);
    for (const secret of secretsOf(scenario)) expect(json).not.toContain(secret);
    expect(json).not.toContain('SECRET_KEY');
    expect(json).not.toContain('DATABASE_PASSWORD');
  });

  it('never leaks secrets on a timeout, a missing cat or unparseable content', () => {
    const stdout = loadCapture('healthy', 'backend-env.txt').stdout;
    const secrets = secretsOf('healthy');
    const cases: ExecResult[] = [
      { ...result(stdout), code: null, timedOut: true },
      { ...result(stdout), code: 127 },
      result(`${binaryGarbage(200)}\n${secrets.join(' ')}\n`),
      result(stdout.replace(/\n/g, '\r\n')),
      // A quoted value spanning lines that swallows a secret assignment.
      result(
        `ALLOWED_HOSTS="172.29.91.61\nSECRET_KEY=${secrets[0]}"\nCORS_ALLOWED_ORIGINS='http://172.29.91.61'\nDATABASE_PASSWORD: ${secrets[1]}`,
      ),
      result(`export SECRET_KEY = "${secrets[0]}"\nREDIS_PASSWORD='${secrets[2]}'\nALLOWED_HOSTS=*`),
    ];
    for (const r of cases) {
      const json = JSON.stringify(obs(r));
      for (const s of secrets) expect(json).not.toContain(s);
    }
  });

  it('warns on DEBUG and CORS_ALLOW_ALL_ORIGINS, unset hosts fail', () => {
    const o = obs(result('DEBUG=True\nCORS_ALLOW_ALL_ORIGINS=true\n'));
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['allowed-hosts-unset', 'cors-allow-all', 'debug-on']);
    const w = obs(result('export DEBUG = "1"\r\nALLOWED_HOSTS=*\r\nCORS_ALLOWED_ORIGINS="http://172.29.91.61"\r\n'));
    expect(w).toMatchObject({ status: 'warn', signals: ['hosts-ok', 'debug-on'], facts: { debug: true } });
  });

  it('matches hosts the Django way', () => {
    expect(hostAllowed('oms.example.com', ['.example.com'])).toBe(true);
    expect(hostAllowed('example.com', ['.example.com'])).toBe(true);
    expect(hostAllowed('evil-example.com', ['.example.com'])).toBe(false);
    expect(hostAllowed('OMS.example.com', ['oms.EXAMPLE.com'])).toBe(true);
    expect(hostAllowed('172.29.91.61', ['172.29.91.6'])).toBe(false);
  });

  it('honours CORS_ALLOWED_ORIGIN_REGEXES and the legacy names', () => {
    expect(
      obs(result('ALLOWED_HOSTS=172.29.91.61\nCORS_ALLOWED_ORIGIN_REGEXES=^http://172\\.29\\.91\\.\\d+$')).signals,
    ).toEqual(['hosts-ok']);
    expect(obs(result('ALLOWED_HOSTS=172.29.91.61\nCORS_ORIGIN_WHITELIST=http://172.29.91.61')).signals).toEqual([
      'hosts-ok',
    ]);
    expect(obs(result('ALLOWED_HOSTS=172.29.91.61\nCORS_ORIGIN_ALLOW_ALL=True')).signals).toEqual([
      'hosts-ok',
      'cors-allow-all',
    ]);
  });

  it('file missing, unreadable', () => {
    expect(obs(loadWeb('backend-env-missing.txt'))).toMatchObject({ status: 'fail', signals: ['file-missing'] });
    expect(obs(loadWeb('backend-env-denied.txt'))).toMatchObject({ status: 'error', signals: ['unreadable'] });
  });

  describe('hostile content', () => {
    it('empty file: nothing set', () => {
      expect(obs(result('')).signals).toEqual(['allowed-hosts-unset', 'cors-missing-origin']);
    });
    it('binary garbage: unreadable, content withheld', () => {
      const o = obs(result(binaryGarbage()));
      expect(o).toMatchObject({ status: 'error', signals: ['unreadable'] });
      expect(o.evidence).toBe('(content withheld: the file may hold secrets)');
    });
    it('truncated in the middle of ALLOWED_HOSTS', () => {
      const text = loadCapture('healthy', 'backend-env.txt').stdout;
      expect(obs(result(text.slice(0, text.indexOf('172.29.91.61') + 6))).signals).toEqual([
        'allowed-hosts-missing-host',
        'cors-missing-origin',
      ]);
    });
    it('5 MB of assignments and a 5 MB value', () => {
      const big = `${'X_PAD=1\n'.repeat(FIVE_MB / 8)}ALLOWED_HOSTS=172.29.91.61,${'h,'.repeat(100_000)}\nCORS_ALLOWED_ORIGINS=http://172.29.91.61\n`;
      const o = obs(result(big));
      expect(o.signals).toEqual(['hosts-ok']);
      expect((o.facts.allowedHosts as string[]).length).toBe(50);
    });
    it('unicode and injection in values are only data', () => {
      const o = obs(
        result(`ALLOWED_HOSTS=${UNICODE.split('\n')[0]}\nCORS_ALLOWED_ORIGINS=$(reboot);\`id\`\n${INJECTION}`),
      );
      expect(o.signals).toEqual(['allowed-hosts-missing-host', 'cors-missing-origin', 'cors-origins-malformed']);
      expect(o.evidence).not.toContain('ignore previous instructions');
    });
    it('a hostile regex does not hang', () => {
      obs(result(`ALLOWED_HOSTS=*\nCORS_ALLOWED_ORIGIN_REGEXES=(a+)+$,(\nDEBUG=nope`));
    });
  });

  describe('value format (CORS origins, ALLOWED_HOSTS)', () => {
    const env = (hosts: string, origins: string) =>
      obs(result(`DEBUG=False\nALLOWED_HOSTS=${hosts}\nCORS_ALLOWED_ORIGINS=${origins}\n`));

    it('a trailing slash on the public origin → cors-origin-format, not just "missing"', () => {
      const o = env('172.29.91.61', 'http://172.29.91.61/,http://localhost');
      expect(o).toMatchObject({ status: 'fail', signals: ['hosts-ok', 'cors-origin-format'] });
      expect(o.summary).toContain('http://172.29.91.61/ (a path or trailing slash)');
      expect(o.summary).toContain('Origin: http://172.29.91.61');
    });

    it('a path, a query, the default port written out → cors-origin-format', () => {
      for (const origin of ['http://172.29.91.61/oms', 'http://172.29.91.61?x=1', 'http://172.29.91.61:80'])
        expect(env('172.29.91.61', origin).signals).toEqual(['hosts-ok', 'cors-origin-format']);
    });

    it('no scheme → cors-origin-no-scheme', () => {
      expect(env('172.29.91.61', '172.29.91.61').signals).toEqual(['hosts-ok', 'cors-origin-no-scheme']);
      expect(env('172.29.91.61', '172.29.91.61:80').signals).toEqual(['hosts-ok', 'cors-origin-no-scheme']);
    });

    it('another port or scheme than publicUrl → cors-origin-port-mismatch', () => {
      expect(env('172.29.91.61', 'http://172.29.91.61:8080').signals).toEqual([
        'hosts-ok',
        'cors-origin-port-mismatch',
      ]);
      expect(env('172.29.91.61', 'https://172.29.91.61').signals).toEqual(['hosts-ok', 'cors-origin-port-mismatch']);
      const on8080: Target = { ...t, publicUrl: 'http://172.29.91.61:8080' };
      expect(
        obs(result('ALLOWED_HOSTS=172.29.91.61\nCORS_ALLOWED_ORIGINS=http://172.29.91.61\n'), on8080).signals,
      ).toEqual(['hosts-ok', 'cors-origin-port-mismatch']);
      expect(
        obs(result('ALLOWED_HOSTS=172.29.91.61\nCORS_ALLOWED_ORIGINS=http://172.29.91.61:8080\n'), on8080).signals,
      ).toEqual(['hosts-ok']);
    });

    it('the public origin right, another entry malformed → warn cors-origins-malformed only', () => {
      const o = env('172.29.91.61', 'http://172.29.91.61,localhost:5173,http://localhost/');
      expect(o).toMatchObject({ status: 'warn', signals: ['hosts-ok', 'cors-origins-malformed'] });
      expect(o.summary).toContain('localhost:5173 (no scheme (http://))');
      expect(o.summary).toContain('http://localhost/ (a path or trailing slash)');
    });

    it('a correct duplicate with a trailing slash beside it still warns (corsheaders.E014)', () => {
      expect(env('172.29.91.61', 'http://172.29.91.61,http://172.29.91.61/').signals).toEqual([
        'hosts-ok',
        'cors-origins-malformed',
      ]);
    });

    it('ALLOWED_HOSTS with a scheme, a port or a path → allowed-hosts-format', () => {
      for (const hosts of [
        'http://172.29.91.61',
        '172.29.91.61:80',
        '172.29.91.61/',
        'localhost,http://172.29.91.61/',
      ]) {
        const o = env(hosts, 'http://172.29.91.61');
        expect(o).toMatchObject({ status: 'fail', signals: ['allowed-hosts-format'] });
        expect(o.summary).toContain('write 172.29.91.61');
      }
    });

    it('ALLOWED_HOSTS right, IPv6 literals and wildcards are not format faults', () => {
      expect(env('172.29.91.61,::1,[::1],.example.com', 'http://172.29.91.61').signals).toEqual(['hosts-ok']);
    });

    it('hostile origins: 100 000 malformed entries, unicode, injection stay bounded', () => {
      const many = Array.from({ length: 100_000 }, (_, i) => `h${i}/`).join(',');
      const o = env('172.29.91.61', `http://172.29.91.61,${many}`);
      expect(o.signals).toEqual(['hosts-ok', 'cors-origins-malformed']);
      expect(o.summary.length).toBeLessThan(600);
      const u = env('172.29.91.61', `http://172.29.91.61/\u202E,$(reboot)`);
      expect(u.signals).toEqual(['hosts-ok', 'cors-origin-format', 'cors-origins-malformed']);
      const long = env('172.29.91.61', `http://172.29.91.61/${'x'.repeat(FIVE_MB)}`);
      expect(long.signals).toEqual(['hosts-ok', 'cors-origin-format']);
      expect(long.summary.length).toBeLessThan(600);
    });
  });
});
