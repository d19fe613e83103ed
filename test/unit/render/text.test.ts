import type { Report } from '../../../src/engine/report.js';
import { renderJson, renderText } from '../../../src/render/text.js';
import { COLOR, PLAIN, styleFor } from '../../../src/render/style.js';

function report(overrides: Partial<Report> = {}): Report {
  return {
    target: { name: 'prod', host: '172.29.91.61', transport: 'omsbot@172.29.91.61:22' },
    playbook: { id: 'login', title: '超级管理员无法登录', titleEn: 'Admin cannot log in' },
    startedAt: '2026-11-22T13:17:42.000Z',
    finishedAt: '2026-11-22T13:17:43.250Z',
    verdict: 'problem',
    headline: '发现问题 / problem found — CORS',
    findings: [
      {
        id: 'info-one',
        severity: 'info',
        title: 'worker SIGTERM is normal',
        evidence: '',
        fix: 'nothing to do',
        action: null,
        matched: [],
      },
      {
        id: 'cors',
        severity: 'error',
        title: 'CORS lacks the origin',
        evidence: '[cors-preflight] no Access-Control-Allow-Origin',
        fix: 'Add `CORS_ALLOWED_ORIGINS=http://172.29.91.61`',
        action: {
          id: 'restart-backend',
          title: '重启后端服务 / Restart',
          command: ['sudo -n /usr/bin/systemctl restart oms-backend'],
        },
        matched: ['cors-preflight:origin-missing'],
      },
    ],
    observations: [
      {
        check: 'cors-preflight',
        title: 'CORS',
        status: 'fail',
        summary: 'CORS 未放行 / origin missing',
        evidence: 'HTTP/1.1 200 OK',
        facts: {},
        signals: ['origin-missing'],
        durationMs: 41,
        truncated: false,
      },
      {
        check: 'backend-env',
        title: 'env',
        status: 'ok',
        summary: 'SECRET_KEY=leaked-value-123',
        evidence: 'DATABASE_PASSWORD=hunter2',
        facts: {},
        signals: [],
        durationMs: 12,
        truncated: false,
      },
    ],
    ...overrides,
  };
}

describe('renderText', () => {
  it('puts the verdict and the root cause with its fix and action first, info findings last', () => {
    const text = renderText(report());
    const lines = text.split('\n');
    expect(lines[0]).toBe('超级管理员无法登录 / Admin cannot log in @ prod (omsbot@172.29.91.61:22)');
    expect(lines[1]).toContain('Verdict: 发现问题');
    expect(text.indexOf('CORS lacks the origin')).toBeLessThan(text.indexOf('worker SIGTERM is normal'));
    expect(text).toContain('CORS_ALLOWED_ORIGINS=http://172.29.91.61');
    expect(text).toContain('restart-backend → sudo -n /usr/bin/systemctl restart oms-backend');
    expect(text).toMatch(/✘ fail +cors-preflight +CORS 未放行/);
    expect(text).toContain('2 checks in 1250 ms');
  });

  it('redacts secrets even if an observation carried them, in text and JSON', () => {
    const text = renderText(report(), PLAIN, { verbose: true });
    const json = renderJson(report());
    for (const out of [text, json]) {
      expect(out).not.toContain('leaked-value-123');
      expect(out).not.toContain('hunter2');
    }
  });

  it('explains an unreachable target with the next step', () => {
    const text = renderText(
      report({
        verdict: 'unreachable',
        findings: [],
        observations: [],
        error: {
          code: 'host_key_unknown',
          message: 'host key not pinned (SHA256:abc)',
          hint: 'run oms-chatops keyscan prod',
        },
      }),
    );
    expect(text).toContain('host key not pinned (SHA256:abc)');
    expect(text).toContain('Next: run oms-chatops keyscan prod');
  });

  it('uses colour only on a TTY and honours NO_COLOR', () => {
    expect(styleFor({ isTTY: false }, {})).toBe(PLAIN);
    expect(styleFor({ isTTY: true }, {})).toBe(COLOR);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(PLAIN);
    expect(renderText(report(), PLAIN)).not.toMatch(/\x1b\[/);
    expect(renderText(report(), COLOR)).toMatch(/\x1b\[31m/);
  });
});
