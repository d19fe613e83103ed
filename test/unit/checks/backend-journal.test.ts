import { describe, expect, it } from '@jest/globals';
import { backendJournal } from '../../../src/checks/backend-journal.js';
import { LOG_SIGNALS } from '../../../src/checks/gunicorn-log.js';
import { localTarget } from '../../../src/config/target.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import {
  binaryGarbage,
  HOSTILE,
  huge,
  loadService,
  res,
  run,
  TRANSPORT_FAILURES,
} from '../../fixtures/service/fixtures.js';

const capture = (scenario: string) => run(backendJournal, [loadCapture(scenario, 'journal.txt')]);
const fixture = (file: string) => run(backendJournal, [loadService(file)]);

describe('backend-journal commands and signals', () => {
  it('reads the last 200 lines of <service>.service without a pager', () => {
    const cmds = backendJournal.commands({ ...localTarget(), service: 'oms-api' });
    expect(cmds.map((c) => c.argv)).toEqual([['journalctl', '-u', 'oms-api.service', '-n', '200', '--no-pager']]);
    expect(cmds[0]?.timeoutMs).toBeGreaterThan(0);
  });

  it('declares every classifier signal', () => {
    expect(Object.keys(backendJournal.signals).sort()).toEqual(Object.keys(LOG_SIGNALS).sort());
  });
});

describe('backend-journal on the replica captures', () => {
  it('healthy → ok, no signals, the latest lines as evidence', () => {
    const o = capture('healthy');
    expect(o).toMatchObject({ status: 'ok', signals: [] });
    expect(o.facts.lines).toBe(2);
    expect(o.evidence).toContain('Started oms-backend.service');
    expect(o.summary).toMatch(/^服务日志中未发现问题 \/ no problems in the backend journal/);
  });

  it.each(captureScenarios().filter((s) => !['backend-stopped', 'unit-user-www-data', 'unit-file-bom'].includes(s)))(
    '%s → ok (no false alarm)',
    (scenario) => {
      expect(capture(scenario)).toMatchObject({ status: 'ok', signals: [] });
    },
  );

  it('unit-user-www-data → fail, exit-217-user, evidence shows the systemd lines', () => {
    const o = capture('unit-user-www-data');
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['exit-217-user']);
    expect(o.evidence).toContain('status=217/USER');
    expect(o.evidence).toContain('Failed at step USER');
    expect(o.facts.exit217UserCount).toBe(3);
    expect(o.summary).toContain('217/USER');
  });

  it('unit-file-bom → warn, unit-syntax (the service still started)', () => {
    const o = capture('unit-file-bom');
    expect(o.status).toBe('warn');
    expect(o.signals).toEqual(['unit-syntax']);
    expect(o.evidence).toContain("oms-backend.service:18: Missing '='");
    expect(o.evidence).toContain('oms-backend.service:1: Assignment outside of section');
  });

  it('backend-stopped → warn, no-entries', () => {
    expect(capture('backend-stopped')).toMatchObject({ status: 'warn', signals: ['no-entries'] });
  });
});

describe('backend-journal on other versions and failure modes', () => {
  it.each([
    ['journal-kylin-217.txt', 'fail', ['exit-217-user']],
    ['journal-old-217.txt', 'fail', ['exit-217-user']],
    ['journal-200-chdir.txt', 'fail', ['exit-200-chdir']],
    ['journal-203-exec.txt', 'fail', ['exit-203-exec']],
    ['journal-module-import.txt', 'fail', ['module-import-error']],
    ['journal-oom.txt', 'fail', ['worker-oom']],
    ['journal-disallowed-host.txt', 'warn', ['disallowed-host']],
    ['journal-217-then-started.txt', 'warn', ['exit-217-user']],
    ['journal-access-denied.txt', 'error', ['journal-access-denied', 'no-entries']],
    ['journal-access-denied-old.txt', 'error', ['journal-access-denied']],
  ])('%s → %s %j', (file, status, signals) => {
    expect(fixture(file)).toMatchObject({ status, signals });
  });

  it('DisallowedHost names the rejected host', () => {
    expect(fixture('journal-disallowed-host.txt').facts.disallowedHosts).toEqual(['172.29.91.61']);
  });

  it('gunicorn lines through the journal: SIGTERM alone is ok, a timeout fails', () => {
    const sigterm =
      'Nov 22 21:19:55 h gunicorn[77]: [2026-11-22 21:19:55 +0800] [77] [ERROR] Worker (pid:79) was sent SIGTERM!';
    expect(run(backendJournal, [res(sigterm)])).toMatchObject({ status: 'ok', signals: ['worker-sigterm'] });
    const timeout = `${sigterm}\nNov 22 21:31:32 h gunicorn[77]: [2026-11-22 21:31:32 +0800] [77] [CRITICAL] WORKER TIMEOUT (pid:173)`;
    expect(run(backendJournal, [res(timeout)])).toMatchObject({
      status: 'fail',
      signals: ['worker-timeout', 'worker-sigterm'],
    });
  });

  it('ISO timestamps (journalctl -o short-iso) are recognised', () => {
    const o = run(backendJournal, [
      res('2026-11-22T21:17:37+0800 kylin-oms systemd[1]: Started OMS Backend Gunicorn Service.'),
    ]);
    expect(o).toMatchObject({ status: 'ok', signals: [] });
  });
});

describe('backend-journal hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(backendJournal, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it('journalctl failing for another reason → error with its message', () => {
    const o = run(backendJournal, [res('', 1, "Failed to add match '_SYSTEMD_UNIT=x': Invalid argument")]);
    expect(o.status).toBe('error');
    expect(o.evidence).toContain('Invalid argument');
  });

  it('empty output → ok (nothing to complain about)', () => {
    expect(run(backendJournal, [res('')])).toMatchObject({ status: 'ok', signals: [] });
  });

  it.each(['binary', 'unicode', 'injection', 'huge single line'])('%s → error: not a journal', (name) => {
    expect(run(backendJournal, [res(HOSTILE[name]!)])).toMatchObject({ status: 'error', signals: [] });
  });

  it('5 MB of journal lines → ok quickly, evidence bounded', () => {
    const o = run(backendJournal, [res(HOSTILE['huge many lines']!)]);
    expect(o).toMatchObject({ status: 'ok', signals: [] });
    expect(o.evidence.length).toBeLessThan(1600);
  });

  it('5 MB of timeouts → fail, pids capped', () => {
    const o = run(backendJournal, [
      res(huge('Nov 22 21:31:32 h gunicorn[77]: [2026-11-22 21:31:32 +0800] [77] [CRITICAL] WORKER TIMEOUT (pid:173)')),
    ]);
    expect(o.status).toBe('fail');
    expect(o.facts.timeoutPids).toEqual(['173']);
  });

  it('truncated output keeps what arrived', () => {
    const full = loadCapture('unit-user-www-data', 'journal.txt').stdout;
    const cut = full.slice(0, full.indexOf('status=217/USER') + 10);
    expect(run(backendJournal, [{ ...res(cut), truncated: true }])).toMatchObject({
      status: 'fail',
      signals: ['exit-217-user'],
    });
  });

  it('unicode inside real journal lines is fine', () => {
    const o = run(backendJournal, [res(`Nov 22 21:18:10 h gunicorn[42]: 订单导出 🚀 完成\n${binaryGarbage(3)}`)]);
    expect(o.status).toBe('ok');
  });
});
