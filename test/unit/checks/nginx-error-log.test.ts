import { describe, expect, it } from '@jest/globals';
import { nginxErrorLog } from '../../../src/checks/nginx-error-log.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { captureScenarios, loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (error: ExecResult, oms: ExecResult = result('')) => run(nginxErrorLog, [error, oms], t);

describe('nginx-error-log', () => {
  it('tails each configured error log', () => {
    expect(nginxErrorLog.commands(t)).toEqual([
      { argv: ['tail', '-n', '200', '/var/log/nginx/error.log'], timeoutMs: 8000 },
      { argv: ['tail', '-n', '200', '/var/log/nginx/oms_error.log'], timeoutMs: 8000 },
    ]);
  });

  it.each(captureScenarios())('clean on %s (empty captured log)', (s) => {
    expect(obs(loadCapture(s, 'nginx-error-log.txt'))).toMatchObject({ status: 'ok', signals: ['clean'] });
  });

  it('upstream refused, with counts and the last time', () => {
    const o = obs(result(''), loadWeb('nginx-error-refused.txt'));
    expect(o).toMatchObject({
      status: 'warn',
      signals: ['upstream-refused'],
      facts: { 'upstream-refusedCount': 3, lastSeen: '2026/11/22 21:18:33' },
    });
    expect(o.summary).toBe(
      '后端拒绝连接 / nginx could not connect to the backend (connection refused) ×3, last at 2026/11/22 21:18:33',
    );
    expect(o.evidence).toContain('connect() failed (111: Connection refused) while connecting to upstream');
  });

  it('timeouts, no live upstreams and permission denials', () => {
    const o = obs(loadWeb('nginx-error-mixed.txt'));
    expect(o.signals).toEqual(['upstream-timeout', 'no-live-upstreams', 'permission-denied']);
    expect(o.facts['permission-deniedCount']).toBe(2);
    expect(o.facts.lastSeen).toBe('2026/11/22 08:04:10');
  });

  it('a missing log is skipped; an unreadable one is reported', () => {
    expect(obs(result(''), loadWeb('nginx-error-missing.txt'))).toMatchObject({
      status: 'ok',
      signals: ['clean'],
      facts: { logsMissing: ['/var/log/nginx/oms_error.log'] },
    });
    expect(obs(loadWeb('nginx-error-denied.txt'), result(''))).toMatchObject({
      status: 'warn',
      signals: ['log-unreadable'],
    });
    expect(obs(loadWeb('nginx-error-denied.txt'), loadWeb('nginx-error-missing.txt'))).toMatchObject({
      status: 'error',
      signals: ['log-unreadable'],
    });
    expect(obs(loadWeb('nginx-error-denied.txt'), loadWeb('nginx-error-refused.txt')).signals).toEqual([
      'upstream-refused',
      'log-unreadable',
    ]);
  });

  it('tail missing is command-missing', () => {
    expect(obs({ ...result(''), code: 127 }).signals).toEqual(['command-missing']);
  });

  describe('hostile content', () => {
    it('empty, binary and unicode logs are clean', () => {
      for (const text of ['', binaryGarbage(), UNICODE]) expect(obs(result(text)).signals).toEqual(['clean']);
    });
    it('truncated line still counts when the marker is there', () => {
      expect(obs(result('2026/11/22 21:18:32 [error] 151#151: *41 upstream timed out (110: Conn')).signals).toEqual([
        'upstream-timeout',
      ]);
    });
    it('a 5 MB log line is cut; evidence stays short', () => {
      const o = obs(
        result(
          `${'x'.repeat(FIVE_MB)}\n2026/11/22 21:18:32 [error] 1#1: *1 no live upstreams while connecting to upstream, request: "GET /${'a'.repeat(10_000)}"`,
        ),
      );
      expect(o.signals).toEqual(['no-live-upstreams']);
      expect(o.evidence.length).toBeLessThan(2500);
    });
    it('injection text and secrets in request lines', () => {
      const line = `2026/11/22 21:18:32 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, request: "GET /api/?x=1 HTTP/1.1", host: "172.29.91.61"\nAuthorization: Bearer sk-live-123456\n${INJECTION}`;
      const o = obs(result(line));
      expect(o.signals).toEqual(['upstream-refused']);
      expect(JSON.stringify(o)).not.toContain('sk-live-123456');
    });
  });
});
