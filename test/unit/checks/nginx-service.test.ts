import { describe, expect, it } from '@jest/globals';
import { nginxService } from '../../../src/checks/nginx-service.js';
import { localTarget } from '../../../src/config/target.js';
import { HOSTILE, loadService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

describe('nginx-service', () => {
  it('runs systemctl show for the configured nginx unit', () => {
    expect(nginxService.commands({ ...localTarget(), nginxService: 'tengine' }).map((c) => c.argv)).toEqual([
      ['systemctl', 'show', 'tengine', '-p', 'LoadState,ActiveState,SubState,Result'],
    ]);
  });

  it.each([
    ['nginx-show-active.txt', 'ok', 'active'],
    ['nginx-show-failed.txt', 'fail', 'failed'],
    ['nginx-show-inactive.txt', 'fail', 'inactive'],
    ['nginx-show-not-found.txt', 'fail', 'not-found'],
  ])('%s → %s %s', (file, status, signal) => {
    const o = run(nginxService, [loadService(file)]);
    expect(o.status).toBe(status);
    expect(o.signals).toEqual([signal]);
    expect(o.evidence).toContain('ActiveState=');
  });

  it('healthy: summary and facts', () => {
    const o = run(nginxService, [loadService('nginx-show-active.txt')]);
    expect(o.summary).toBe('nginx 正在运行 / nginx is running (active/running)');
    expect(o.facts).toMatchObject({
      loadState: 'loaded',
      activeState: 'active',
      subState: 'running',
      result: 'success',
    });
  });

  it('failed (as in nginx-upstream-missing) mentions Result and nginx -t', () => {
    expect(run(nginxService, [loadService('nginx-show-failed.txt')]).summary).toMatch(/Result=exit-code.*nginx -t/);
  });

  it('reloading is active; activating warns without a signal', () => {
    expect(run(nginxService, [res('ActiveState=reloading\nSubState=reload')]).signals).toEqual(['active']);
    expect(run(nginxService, [res('ActiveState=activating\nSubState=start')])).toMatchObject({
      status: 'warn',
      signals: [],
    });
  });

  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(nginxService, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE))('%s → error', (name) => {
    expect(run(nginxService, [res(HOSTILE[name]!)])).toMatchObject({ status: 'error', signals: [] });
  });

  it('truncated before ActiveState → error; bus failure → error', () => {
    expect(run(nginxService, [{ ...res('LoadState=loaded\nActiv'), truncated: true }]).status).toBe('error');
    expect(run(nginxService, [res('', 1, 'Failed to connect to bus: No such file or directory')]).status).toBe('error');
  });

  it('missing result → error', () => {
    expect(nginxService.interpret([], localTarget()).status).toBe('error');
  });
});
