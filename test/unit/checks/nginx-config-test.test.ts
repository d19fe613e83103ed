import { describe, expect, it } from '@jest/globals';
import { nginxConfigTest } from '../../../src/checks/nginx-config-test.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { captureScenarios, loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const obs = (r: ExecResult) => run(nginxConfigTest, [r], t);

describe('nginx-config-test', () => {
  it('runs nginx -t by absolute path through sudo', () => {
    expect(nginxConfigTest.commands(t)).toEqual([{ argv: ['/usr/sbin/nginx', '-t'], sudo: true, timeoutMs: 8000 }]);
  });

  it.each(captureScenarios().filter((s) => s !== 'nginx-upstream-missing'))('ok on %s', (s) => {
    expect(obs(loadCapture(s, 'nginx-t.txt'))).toMatchObject({ status: 'ok', signals: ['ok'] });
  });

  it('nginx-upstream-missing: host not found in upstream, with file and line', () => {
    const o = obs(loadCapture('nginx-upstream-missing', 'nginx-t.txt'));
    expect(o).toMatchObject({
      status: 'fail',
      signals: ['upstream-host-not-found'],
      facts: {
        message: 'host not found in upstream "oms_backend"',
        file: '/etc/nginx/conf.d/oms.conf',
        line: 12,
        level: 'emerg',
      },
    });
    expect(o.summary).toBe(
      '找不到 upstream 主机 / nginx -t failed: host not found in upstream "oms_backend" (/etc/nginx/conf.d/oms.conf:12)',
    );
    expect(o.evidence).toContain('[emerg] 147#147: host not found in upstream "oms_backend"');
  });

  it('other emerg lines are failed', () => {
    expect(obs(loadWeb('nginx-t-unknown-directive.txt'))).toMatchObject({
      status: 'fail',
      signals: ['failed'],
      facts: { message: 'unknown directive "proxy_passs"', file: '/etc/nginx/conf.d/oms.conf', line: 26 },
    });
    expect(obs(result('', 1, 'nginx: configuration file /etc/nginx/nginx.conf test failed')).signals).toEqual([
      'failed',
    ]);
  });

  it('warnings do not fail the test', () => {
    expect(obs(loadWeb('nginx-t-warn.txt'))).toMatchObject({ status: 'ok', signals: ['ok'], facts: { warnings: 1 } });
  });

  it('sudo refusal and missing nginx are common signals', () => {
    expect(obs(loadWeb('nginx-t-sudo-refused.txt'))).toMatchObject({ status: 'error', signals: ['sudo-refused'] });
    expect(obs({ ...result(''), code: 127, stderr: 'sudo: /usr/sbin/nginx: command not found' }).signals).toEqual([
      'command-missing',
    ]);
  });

  describe('hostile output', () => {
    it('empty or garbage output is an error', () => {
      for (const r of [result(''), result(binaryGarbage()), result(UNICODE), result(INJECTION, 0)])
        expect(obs(r)).toMatchObject({ status: 'error', signals: [] });
    });
    it('truncated success (no "successful") is an error', () => {
      expect(obs(result('', 0, 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok')).status).toBe(
        'error',
      );
    });
    it('a fake success line after an emerg still fails', () => {
      expect(
        obs(
          result(
            '',
            0,
            `nginx: [emerg] bad\n${INJECTION}\nnginx: configuration file /etc/nginx/nginx.conf test is successful`,
          ),
        ).signals,
      ).toEqual(['failed']);
    });
    it('5 MB of output', () => {
      const o = obs(
        result('', 1, `${'x'.repeat(FIVE_MB)}\nnginx: [emerg] ${'y'.repeat(10_000)} in /etc/nginx/nginx.conf:1`),
      );
      expect(o.status).toBe('fail');
      expect(o.evidence.length).toBeLessThan(1000);
    });
  });
});
