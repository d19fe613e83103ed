import { describe, expect, it } from '@jest/globals';
import { classifyLog, judgeLog, looksBinary, SYSTEMD_ONLY_SIGNALS } from '../../../src/checks/gunicorn-log.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { binaryGarbage, huge, loadService } from '../../fixtures/service/fixtures.js';

const journal = (scenario: string) => loadCapture(scenario, 'journal.txt').stdout;
const errorLog = (scenario: string) => loadCapture(scenario, 'backend-error-log.txt').stdout;

describe('classifyLog on the replica captures', () => {
  it.each(captureScenarios().filter((s) => !['unit-user-www-data', 'unit-file-bom', 'backend-stopped'].includes(s)))(
    'finds nothing in the %s journal',
    (scenario) => {
      const c = classifyLog(journal(scenario));
      expect(c.signals).toEqual([]);
      expect(c.logLikeLines).toBe(c.lineCount);
    },
  );

  it('reads 217/USER with systemd 252 wording', () => {
    const c = classifyLog(journal('unit-user-www-data'));
    expect(c.signals).toEqual(['exit-217-user']);
    expect(c.hits['exit-217-user']?.count).toBe(3);
    expect(c.hits['exit-217-user']?.lastLine).toContain('status=217/USER');
    expect(c.lastStartIndex).toBe(-1);
  });

  it('reads the unit syntax complaints of the BOM scenario, after successful starts', () => {
    const c = classifyLog(journal('unit-file-bom'));
    expect(c.signals).toEqual(['unit-syntax']);
    expect(c.hits['unit-syntax']?.count).toBe(4);
    expect(c.lastStartIndex).toBeGreaterThan(0);
  });

  it('reads -- No entries --', () => {
    expect(classifyLog(journal('backend-stopped')).signals).toEqual(['no-entries']);
  });

  it('sees the SIGTERM lines of reloads and their pids', () => {
    const c = classifyLog(errorLog('worker-timeout-sigterm'));
    expect(c.signals).toEqual(['worker-sigterm']);
    expect(c.hits['worker-sigterm']?.count).toBe(8);
    expect(c.sigtermPids).toEqual(['79', '80', '78', '110', '109', '141', '142', '143']);
    expect(c.timeoutPids).toEqual([]);
  });

  it.each(captureScenarios().filter((s) => !['worker-timeout-sigterm', 'unit-file-bom'].includes(s)))(
    'finds nothing in the %s error log',
    (scenario) => {
      expect(classifyLog(errorLog(scenario)).signals).toEqual([]);
    },
  );
});

describe('classifyLog on other versions and failure modes', () => {
  it.each([
    ['journal-kylin-217.txt', ['exit-217-user']],
    ['journal-old-217.txt', ['exit-217-user']],
    ['journal-200-chdir.txt', ['exit-200-chdir']],
    ['journal-203-exec.txt', ['exit-203-exec']],
    ['journal-module-import.txt', ['module-import-error']],
    ['journal-oom.txt', ['worker-oom']],
    ['journal-disallowed-host.txt', ['disallowed-host']],
    ['journal-access-denied.txt', ['journal-access-denied', 'no-entries']],
    ['journal-access-denied-old.txt', ['journal-access-denied']],
    ['error-log-worker-timeout.txt', ['worker-timeout', 'worker-sigterm']],
    ['error-log-address-in-use.txt', ['address-in-use']],
    ['error-log-permission.txt', ['permission-denied']],
  ])('%s → %j', (file, signals) => {
    const r = loadService(file);
    expect(classifyLog(`${r.stdout}\n${r.stderr}`).signals).toEqual(signals);
  });

  it('extracts timeout and killed pids and rejected hosts', () => {
    expect(classifyLog(loadService('error-log-worker-timeout.txt').stdout).timeoutPids).toEqual(['173', '201']);
    expect(classifyLog(loadService('journal-oom.txt').stdout).killedPids).toEqual(['1207']);
    expect(classifyLog(loadService('journal-disallowed-host.txt').stdout).disallowedHosts).toEqual(['172.29.91.61']);
  });

  it('does not take HTTP status 200/203 in access lines for systemd exits', () => {
    const c = classifyLog(
      '127.0.0.1 - - [22/Nov/2026:21:17:40 +0800] "GET /api/ HTTP/1.0" 200 status=200 203\nstatus=2170',
    );
    expect(c.signals).toEqual([]);
  });

  it('kernel OOM lines count as worker-oom', () => {
    const c = classifyLog(
      'Nov 23 03:12:44 kylin-oms kernel: Out of memory: Killed process 1207 (gunicorn) total-vm:812344kB',
    );
    expect(c.signals).toEqual(['worker-oom']);
  });

  it('excluding systemd-only signals keeps gunicorn ones', () => {
    const text = `${loadService('journal-kylin-217.txt').stdout}\n[2026-11-22 21:31:32 +0800] [77] [CRITICAL] WORKER TIMEOUT (pid:173)`;
    expect(classifyLog(text, SYSTEMD_ONLY_SIGNALS).signals).toEqual(['worker-timeout']);
  });
});

describe('judgeLog', () => {
  it('healthy error log → ok without signals', () => {
    const j = judgeLog(classifyLog(errorLog('healthy')), 'error log', errorLog('healthy'));
    expect(j).toMatchObject({ status: 'ok', signals: [] });
    expect(j.evidence).toContain('Booting worker with pid: 49');
  });

  it('SIGTERM alone is benign: ok, signal kept, summary says normal', () => {
    const j = judgeLog(classifyLog(errorLog('worker-timeout-sigterm')), 'error log', '');
    expect(j.status).toBe('ok');
    expect(j.signals).toEqual(['worker-sigterm']);
    expect(j.summary).toMatch(/normal during restarts\/reloads/);
    expect(j.facts.workerSigtermCount).toBe(8);
  });

  it('WORKER TIMEOUT fails even with SIGTERM lines', () => {
    const j = judgeLog(classifyLog(loadService('error-log-worker-timeout.txt').stdout), 'error log', '');
    expect(j.status).toBe('fail');
    expect(j.facts.timeoutPids).toEqual(['173', '201']);
    expect(j.evidence).toContain('WORKER TIMEOUT (pid:201)');
    expect(j.facts.lastProblem).toContain('WORKER TIMEOUT (pid:201)');
  });

  it('a startup failure followed by a successful start is history: warn', () => {
    const j = judgeLog(classifyLog(loadService('journal-217-then-started.txt').stdout), 'journal', '');
    expect(j.status).toBe('warn');
    expect(j.signals).toEqual(['exit-217-user']);
    expect(j.summary).toContain('before the last successful start');
  });

  it('access denied → error; no entries alone → warn; unit syntax → warn', () => {
    expect(judgeLog(classifyLog(loadService('journal-access-denied.txt').stdout), 'journal', '').status).toBe('error');
    expect(judgeLog(classifyLog(journal('backend-stopped')), 'journal', '').status).toBe('warn');
    expect(judgeLog(classifyLog(journal('unit-file-bom')), 'journal', '').status).toBe('warn');
  });
});

describe('hostile input', () => {
  it('binary garbage is detected, logs are not', () => {
    expect(looksBinary(binaryGarbage())).toBe(true);
    expect(looksBinary('ok\0nul')).toBe(true);
    expect(looksBinary(journal('healthy'))).toBe(false);
    expect(looksBinary('订单 🚀 服务日志\n')).toBe(false);
    expect(looksBinary('')).toBe(false);
  });

  it('5 MB of log lines is classified quickly', () => {
    const text = huge('[2026-11-22 21:19:55 +0800] [77] [ERROR] Worker (pid:79) was sent SIGTERM!');
    const c = classifyLog(text);
    expect(c.signals).toEqual(['worker-sigterm']);
    expect(c.sigtermPids).toEqual(['79']);
  });

  it('a 5 MB single line is cut before matching', () => {
    const c = classifyLog(`${'a'.repeat(5 * 1024 * 1024)} WORKER TIMEOUT (pid:1)`);
    expect(c.signals).toEqual([]);
    expect(c.lines[0]!.length).toBeLessThanOrEqual(4000);
  });

  it('a truncated line still matches what is there', () => {
    expect(
      classifyLog('Nov 22 21:19:27 h systemd[1]: oms-backend.service: Main process exited, code=exited, status=217/US')
        .signals,
    ).toEqual(['exit-217-user']);
  });

  it('empty and unicode text yield nothing', () => {
    expect(classifyLog('').signals).toEqual([]);
    expect(classifyLog('').lineCount).toBe(0);
    expect(classifyLog('日志 🚀 \u202E权限\n').signals).toEqual([]);
  });
});
