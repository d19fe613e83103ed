import { describe, expect, it } from '@jest/globals';
import { frontendEnv } from '../../../src/checks/frontend-env.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const noLocal = () => loadWeb('env-local-missing.txt');
const distOk = () => loadWeb('dist-urls-ok.txt');
const obs = (prod: ExecResult, local: ExecResult = noLocal(), dist: ExecResult = distOk(), target: Target = t) =>
  run(frontendEnv, [prod, local, dist], target);

describe('frontend-env', () => {
  it('reads .env.production, .env.local and greps the bundle', () => {
    expect(frontendEnv.commands(t)).toEqual([
      { argv: ['cat', '/opt/OMS/frontend-pc/.env.production'], timeoutMs: 8000 },
      { argv: ['cat', '/opt/OMS/frontend-pc/.env.local'], timeoutMs: 8000 },
      { argv: ['grep', '-rhoE', 'https?://[^"\' `]+', '/opt/OMS/frontend-pc/dist/assets'], timeoutMs: 8000 },
    ]);
  });

  it('healthy: the API URL is <publicUrl>/api and the bundle agrees', () => {
    const o = obs(loadCapture('healthy', 'frontend-env.txt'));
    expect(o).toMatchObject({
      status: 'ok',
      signals: ['api-url-ok'],
      facts: {
        apiBaseUrl: 'http://172.29.91.61/api',
        apiBaseUrlFile: '/opt/OMS/frontend-pc/.env.production',
        distApiUrls: ['http://172.29.91.61/api'],
      },
    });
    expect(o.evidence).toBe('/opt/OMS/frontend-pc/.env.production:2: VITE_API_BASE_URL=http://172.29.91.61/api');
  });

  it('frontend-api-url-wrong: mismatch in the env file and in the bundle', () => {
    const o = obs(loadCapture('frontend-api-url-wrong', 'frontend-env.txt'), noLocal(), loadWeb('dist-urls-wrong.txt'));
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['api-url-mismatch', 'dist-api-url-mismatch']);
    expect(o.summary).toContain(
      'VITE_API_BASE_URL is http://localhost:8000/api, expected http://172.29.91.61/api or /api',
    );
    expect(o.evidence).toContain('VITE_API_BASE_URL=http://localhost:8000/api');
    expect(o.evidence).toContain('http://localhost:8000/api');
  });

  it('.env.production wins over .env.local', () => {
    const o = obs(loadCapture('healthy', 'frontend-env.txt'), loadWeb('env-local.txt'));
    expect(o.signals).toEqual(['api-url-ok']);
    const fromLocal = obs(loadWeb('env-production-missing.txt'), loadWeb('env-local.txt'));
    expect(fromLocal).toMatchObject({
      status: 'fail',
      signals: ['api-url-mismatch'],
      facts: { apiBaseUrlFile: '/opt/OMS/frontend-pc/.env.local' },
    });
  });

  it('a relative /api is fine; no absolute API URL in the bundle is fine', () => {
    expect(obs(loadWeb('env-production-relative.txt'), noLocal(), loadWeb('dist-no-urls.txt'))).toMatchObject({
      status: 'ok',
      signals: ['api-url-ok'],
    });
  });

  it('only the bundle is wrong: rebuild needed', () => {
    const o = obs(loadCapture('healthy', 'frontend-env.txt'), noLocal(), loadWeb('dist-urls-wrong.txt'));
    expect(o).toMatchObject({ status: 'fail', signals: ['api-url-ok', 'dist-api-url-mismatch'] });
  });

  it('files missing, key missing, dist missing', () => {
    expect(obs(loadWeb('env-production-missing.txt'))).toMatchObject({ status: 'warn', signals: ['files-missing'] });
    expect(obs(result('VITE_APP_TITLE=OMS\n'))).toMatchObject({ status: 'warn', signals: ['api-url-missing'] });
    expect(obs(loadCapture('healthy', 'frontend-env.txt'), noLocal(), loadWeb('dist-missing.txt'))).toMatchObject({
      status: 'fail',
      signals: ['api-url-ok', 'dist-missing'],
    });
  });

  it('follows a publicUrl with a port', () => {
    const other: Target = { ...t, publicUrl: 'http://oms.example.com:8080/' };
    expect(
      obs(
        result('VITE_API_BASE_URL=http://oms.example.com:8080/api'),
        noLocal(),
        result('http://oms.example.com:8080/api/orders'),
        other,
      ).signals,
    ).toEqual(['api-url-ok']);
    expect(
      obs(result('VITE_API_BASE_URL=http://oms.example.com/api'), noLocal(), result('', 1), other).signals,
    ).toEqual(['api-url-mismatch']);
  });

  it('grep missing is command-missing', () => {
    expect(obs(loadCapture('healthy', 'frontend-env.txt'), noLocal(), { ...result(''), code: 127 }).signals).toEqual([
      'command-missing',
    ]);
  });

  describe('hostile content', () => {
    it('empty files', () => {
      expect(obs(result(''), result(''), result('', 1)).signals).toEqual(['api-url-missing']);
    });
    it('binary garbage everywhere', () => {
      const o = obs(result(binaryGarbage()), result(binaryGarbage()), result(binaryGarbage()));
      expect(o).toMatchObject({ status: 'warn', signals: ['api-url-missing'] });
    });
    it('truncated value', () => {
      expect(obs(result('VITE_API_BASE_URL=http://172.29.9')).signals).toEqual(['api-url-mismatch']);
    });
    it('5 MB of bundle URLs stays bounded', () => {
      const urls = `${'https://vuejs.org/x\n'.repeat(FIVE_MB / 20)}http://10.0.0.9/api/login\n`;
      const o = obs(loadCapture('healthy', 'frontend-env.txt'), noLocal(), result(urls.slice(0, FIVE_MB)));
      expect(o.status).toBe('ok');
      const many = Array.from({ length: 5000 }, (_, i) => `http://10.0.${i % 250}.${i % 7}/api/x${i}`).join('\n');
      const m = obs(loadCapture('healthy', 'frontend-env.txt'), noLocal(), result(many));
      expect(m.signals).toContain('dist-api-url-mismatch');
      expect((m.facts.distApiUrls as string[]).length).toBe(20);
    });
    it('unicode and injection are data', () => {
      const o = obs(result(`VITE_API_BASE_URL=${INJECTION.split('\n')[0]}\nVITE_APP_TITLE=${UNICODE}`));
      expect(o.signals).toEqual(['api-url-mismatch']);
      expect(o.summary).not.toContain('\n');
    });
    it('credentials in a bundle URL are redacted', () => {
      const o = obs(
        loadCapture('healthy', 'frontend-env.txt'),
        noLocal(),
        result('http://admin:hunter2@10.0.0.9/api/'),
      );
      expect(JSON.stringify(o)).not.toContain('hunter2');
    });
  });
});
