import { describe, expect, it } from '@jest/globals';
import { backendErrorLog } from '../../../src/checks/backend-error-log.js';
import { SYSTEMD_ONLY_SIGNALS } from '../../../src/checks/gunicorn-log.js';
import { localTarget } from '../../../src/config/target.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { HOSTILE, huge, loadService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const capture = (scenario: string) => run(backendErrorLog, [loadCapture(scenario, 'backend-error-log.txt')]);
const fixture = (file: string) => run(backendErrorLog, [loadService(file)]);

describe('backend-error-log commands and signals', () => {
  it('tails 200 lines of <logDir>/backend-error.log', () => {
    const t = localTarget();
    expect(backendErrorLog.commands(t).map((c) => c.argv)).toEqual([
      ['tail', '-n', '200', '/var/log/oms/backend-error.log'],
    ]);
    const other = { ...t, paths: { ...t.paths, logDir: '/data/logs/oms/' } };
    expect(backendErrorLog.commands(other)[0]?.argv).toEqual(['tail', '-n', '200', '/data/logs/oms/backend-error.log']);
  });

  it('declares the classifier signals minus the systemd-only ones, plus log-missing/log-unreadable', () => {
    for (const s of SYSTEMD_ONLY_SIGNALS) expect(Object.hasOwn(backendErrorLog.signals, s)).toBe(false);
    expect(Object.keys(backendErrorLog.signals)).toEqual(
      expect.arrayContaining([
        'worker-sigterm',
        'worker-timeout',
        'worker-oom',
        'log-missing',
        'log-unreadable',
        'disallowed-host',
      ]),
    );
  });
});

describe('backend-error-log on the replica captures', () => {
  it('healthy → ok with the boot lines as evidence', () => {
    const o = capture('healthy');
    expect(o).toMatchObject({ status: 'ok', signals: [] });
    expect(o.facts).toMatchObject({ lines: 6, file: '/var/log/oms/backend-error.log' });
    expect(o.evidence).toContain('Listening at: http://127.0.0.1:8000');
  });

  it.each(
    captureScenarios().filter(
      (s) => !['backend-stopped', 'unit-user-www-data', 'worker-timeout-sigterm', 'unit-file-bom'].includes(s),
    ),
  )('%s → ok (no false alarm)', (scenario) => {
    expect(capture(scenario)).toMatchObject({ status: 'ok', signals: [] });
  });

  it.each(['worker-timeout-sigterm', 'unit-file-bom'])(
    '%s: SIGTERM lines of reloads/restarts are benign → ok',
    (scenario) => {
      const o = capture(scenario);
      expect(o.status).toBe('ok');
      expect(o.signals).toEqual(['worker-sigterm']);
      expect(o.summary).toMatch(/normal during restarts\/reloads/);
      expect(o.evidence).toContain('was sent SIGTERM!');
    },
  );

  it('worker-timeout-sigterm: facts count the SIGTERM lines and pids', () => {
    const o = capture('worker-timeout-sigterm');
    expect(o.facts.workerSigtermCount).toBe(8);
    expect(o.facts.sigtermPids).toHaveLength(8);
  });

  it.each(['backend-stopped', 'unit-user-www-data'])('%s → warn, log-missing', (scenario) => {
    const o = capture(scenario);
    expect(o).toMatchObject({ status: 'warn', signals: ['log-missing'] });
    expect(o.evidence).toContain('No such file or directory');
  });
});

describe('backend-error-log failure modes', () => {
  it('WORKER TIMEOUT → fail with pids and the last occurrence', () => {
    const o = fixture('error-log-worker-timeout.txt');
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['worker-timeout', 'worker-sigterm']);
    expect(o.facts).toMatchObject({ timeoutPids: ['173', '201'], workerTimeoutCount: 2 });
    expect(o.facts.lastProblem).toContain('WORKER TIMEOUT (pid:201)');
  });

  it('SIGKILL / out of memory → fail', () => {
    const o = run(backendErrorLog, [
      res('[2026-11-23 03:12:44 +0800] [1190] [ERROR] Worker (pid:1207) was sent SIGKILL! Perhaps out of memory?'),
    ]);
    expect(o).toMatchObject({ status: 'fail', signals: ['worker-oom'] });
    expect(o.facts.killedPids).toEqual(['1207']);
  });

  it('Connection in use → fail, address-in-use', () => {
    expect(fixture('error-log-address-in-use.txt')).toMatchObject({ status: 'fail', signals: ['address-in-use'] });
  });

  it('PermissionError in the log → fail, permission-denied (not log-unreadable)', () => {
    expect(fixture('error-log-permission.txt')).toMatchObject({ status: 'fail', signals: ['permission-denied'] });
  });

  it('tail refused → error, log-unreadable', () => {
    expect(fixture('error-log-unreadable.txt')).toMatchObject({ status: 'error', signals: ['log-unreadable'] });
  });

  it('an import error followed by a successful boot is history → warn', () => {
    const text = [
      '[2026-11-22 22:10:02 +0800] [2410] [ERROR] Exception in worker process',
      "ModuleNotFoundError: No module named 'oms_backend'",
      '[2026-11-22 22:10:03 +0800] [2401] [ERROR] Reason: Worker failed to boot.',
      '[2026-11-22 22:15:00 +0800] [2501] [INFO] Listening at: http://127.0.0.1:8000 (2501)',
    ].join('\n');
    expect(run(backendErrorLog, [res(text)])).toMatchObject({ status: 'warn', signals: ['module-import-error'] });
  });

  it('systemd-looking lines in the gunicorn log do not raise systemd-only signals', () => {
    const o = run(backendErrorLog, [res('-- No entries --\nstatus=217/USER\nAssignment outside of section')]);
    expect(o.signals).toEqual([]);
  });
});

describe('backend-error-log hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(backendErrorLog, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it('empty log file → ok, says empty', () => {
    const o = run(backendErrorLog, [res('')]);
    expect(o).toMatchObject({ status: 'ok', signals: [] });
    expect(o.summary).toContain('is empty');
  });

  it('binary garbage → error', () => {
    expect(run(backendErrorLog, [res(HOSTILE.binary!)])).toMatchObject({ status: 'error', signals: [] });
  });

  it('unknown tail failure → error', () => {
    expect(
      run(backendErrorLog, [res('', 1, "tail: error reading '/var/log/oms/backend-error.log': Is a directory")]).status,
    ).toBe('error');
  });

  it.each(['unicode', 'injection', 'whitespace'])('%s text → ok, nothing recognised', (name) => {
    expect(run(backendErrorLog, [res(HOSTILE[name]!)])).toMatchObject({ status: 'ok', signals: [] });
  });

  it('5 MB of SIGTERM lines → ok quickly', () => {
    const o = run(backendErrorLog, [
      res(huge('[2026-11-22 21:19:55 +0800] [77] [ERROR] Worker (pid:79) was sent SIGTERM!')),
    ]);
    expect(o).toMatchObject({ status: 'ok', signals: ['worker-sigterm'] });
  });

  it('5 MB single line → ok, bounded evidence', () => {
    const o = run(backendErrorLog, [res(HOSTILE['huge single line']!)]);
    expect(o.status).toBe('ok');
  });

  it('truncated mid-line still finds the timeout', () => {
    const full = loadService('error-log-worker-timeout.txt').stdout;
    const cut = full.slice(0, full.indexOf('WORKER TIMEOUT (pid:173)') + 24);
    expect(run(backendErrorLog, [{ ...res(cut), truncated: true }])).toMatchObject({
      status: 'fail',
      signals: ['worker-timeout'],
    });
  });
});
