import { describe, expect, it } from '@jest/globals';
import { backendService } from '../../../src/checks/backend-service.js';
import { localTarget } from '../../../src/config/target.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { HOSTILE, loadService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';
import { discoveryCommands } from '../../../src/discovery/discover.js';

const capture = (scenario: string) => run(backendService, [loadCapture(scenario, 'systemctl-show.txt')]);
const fixture = (file: string) => run(backendService, [loadService(file)]);

describe('backend-service commands', () => {
  it('runs systemctl show with the spec properties for the configured service', () => {
    const target = { ...localTarget(), service: 'oms-api' };
    const [cmd, ...rest] = backendService.commands(target);
    expect(rest).toEqual([]);
    expect(cmd?.argv).toEqual([
      'systemctl',
      'show',
      'oms-api',
      '-p',
      'LoadState,UnitFileState,ActiveState,SubState,Result,ExecMainStatus,ExecMainCode,NRestarts,MainPID,User,Group,WorkingDirectory,FragmentPath,ExecStart',
    ]);
    expect(cmd?.sudo).toBeFalsy();
    expect(cmd?.timeoutMs).toBeGreaterThan(0);
    // Layout discovery asks the very same command line, so one run of a diagnosis sends it once.
    expect(discoveryCommands(target).show).toMatchObject({ argv: cmd?.argv, timeoutMs: cmd?.timeoutMs });
  });
});

describe('backend-service on the replica captures', () => {
  it('healthy → ok, active, with facts', () => {
    const o = capture('healthy');
    expect(o.status).toBe('ok');
    expect(o.signals).toEqual(['active']);
    expect(o.facts).toMatchObject({
      activeState: 'active',
      subState: 'running',
      mainPid: 33,
      user: 'nginx',
      nRestarts: 0,
      exit: null,
    });
    expect(o.summary).toMatch(/^后端服务正在运行 \/ backend service is running/);
    expect(o.evidence).toContain('ActiveState=active');
  });

  it.each(captureScenarios().filter((s) => !['backend-stopped', 'unit-user-www-data'].includes(s)))(
    '%s → ok',
    (scenario) => {
      expect(capture(scenario)).toMatchObject({ status: 'ok', signals: ['active'] });
    },
  );

  it('backend-stopped → fail, inactive', () => {
    const o = capture('backend-stopped');
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['inactive']);
    expect(o.summary).toBe('后端服务未运行 / backend service is not running (inactive/dead)');
  });

  it('unit-user-www-data → fail, restart-loop with 217/USER', () => {
    const o = capture('unit-user-www-data');
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['restart-loop', 'exit-217-user']);
    expect(o.facts).toMatchObject({ exit: '217/USER', user: 'www-data', result: 'exit-code' });
    expect(o.summary).toContain('217/USER');
    expect(o.evidence).toContain('ExecMainStatus=217');
  });
});

describe('backend-service on other states', () => {
  it('stopped and disabled', () => {
    const o = fixture('show-stopped-disabled.txt');
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['inactive', 'disabled']);
    expect(o.summary).toContain('disabled');
  });

  it('not installed', () => {
    const o = fixture('show-not-found.txt');
    expect(o).toMatchObject({ status: 'fail', signals: ['not-found'] });
    expect(o.evidence).toContain('LoadState=not-found');
  });

  it('Kylin: failed after start-limit-hit with 203/EXEC, restarted 5 times', () => {
    const o = fixture('show-kylin-failed-203.txt');
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['failed', 'exit-203-exec', 'restarting-often']);
    expect(o.facts).toMatchObject({ result: 'start-limit-hit', exit: '203/EXEC', nRestarts: 5 });
  });

  it('auto-restart with 200/CHDIR', () => {
    expect(fixture('show-restart-200-chdir.txt')).toMatchObject({
      status: 'fail',
      signals: ['restart-loop', 'exit-200-chdir'],
    });
  });

  it('gunicorn exit 3 (worker failed to boot) → exit-other', () => {
    const o = fixture('show-failed-worker-boot.txt');
    expect(o.signals).toEqual(['failed', 'exit-other']);
    expect(o.facts.exit).toBe('3/NOTIMPLEMENTED');
  });

  it('active but restarted 4 times → warn', () => {
    expect(fixture('show-active-restarted-often.txt')).toMatchObject({
      status: 'warn',
      signals: ['active', 'restarting-often'],
    });
  });

  it('a clean stop by SIGTERM is not exit-other; a SIGKILL failure is', () => {
    const stop = run(backendService, [
      res('ActiveState=inactive\nSubState=dead\nResult=success\nExecMainCode=2\nExecMainStatus=15\n'),
    ]);
    expect(stop.signals).toEqual(['inactive']);
    const killed = run(backendService, [
      res('ActiveState=failed\nSubState=failed\nResult=signal\nExecMainCode=2\nExecMainStatus=9\n'),
    ]);
    expect(killed.signals).toEqual(['failed', 'exit-other']);
    expect(killed.facts.exit).toBe('9/SIGKILL');
  });

  it('exit status while active is not reported (it belongs to an earlier run)', () => {
    const o = run(backendService, [
      res('ActiveState=active\nSubState=running\nExecMainCode=1\nExecMainStatus=1\nUnitFileState=enabled\n'),
    ]);
    expect(o).toMatchObject({ status: 'ok', signals: ['active'] });
  });

  it('activating/start → warn without a state signal; reloading counts as active', () => {
    expect(run(backendService, [res('ActiveState=activating\nSubState=start\n')])).toMatchObject({
      status: 'warn',
      signals: [],
    });
    expect(run(backendService, [res('ActiveState=reloading\nSubState=reload\n')])).toMatchObject({
      status: 'ok',
      signals: ['active'],
    });
  });

  it('older systemd without NRestarts/LoadState still works', () => {
    const o = run(backendService, [res('ActiveState=active\nSubState=running\nMainPID=10\n')]);
    expect(o).toMatchObject({ status: 'ok', signals: ['active'] });
    expect(o.facts.nRestarts).toBeNull();
  });
});

describe('backend-service hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    const o = run(backendService, [result]);
    expect(o.status).toBe('error');
    expect(o.signals).toEqual([signal]);
  });

  it('systemctl without a bus → error with the message', () => {
    const o = run(backendService, [
      res(
        '',
        1,
        "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down",
      ),
    ]);
    expect(o.status).toBe('error');
    expect(o.evidence).toContain('Failed to connect to bus');
  });

  it.each(Object.entries(HOSTILE))('%s → error, no signals', (_name, text) => {
    const o = run(backendService, [res(text)]);
    expect(o.status).toBe('error');
    expect(o.signals).toEqual([]);
  });

  it('truncated output (cut before ActiveState) → error', () => {
    const full = loadCapture('healthy', 'systemctl-show.txt').stdout;
    const o = run(backendService, [{ ...res(full.slice(0, full.indexOf('ActiveState') + 6)), truncated: true }]);
    expect(o.status).toBe('error');
  });

  it('unknown state words → error quoting them, bounded', () => {
    const o = run(backendService, [res(`ActiveState=${'活'.repeat(500)}\n`)]);
    expect(o.status).toBe('error');
    expect(o.summary.length).toBeLessThan(200);
  });

  it('5 MB of valid-looking properties still reads the state', () => {
    const o = run(backendService, [
      res(`ActiveState=active\nSubState=running\n${'Environment=A=b\n'.repeat(330_000)}`),
    ]);
    expect(o).toMatchObject({ status: 'ok', signals: ['active'] });
  });

  it('missing result → error', () => {
    expect(backendService.interpret([], localTarget()).status).toBe('error');
  });
});
