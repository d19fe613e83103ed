import { findAction } from '../../../src/actions/registry.js';
import { executionDeadlineMs, whatToCheck } from '../../../src/approvals/deadline.js';
import { executeAction } from '../../../src/approvals/execute.js';
import { findCheck } from '../../../src/checks/registry.js';
import type { Transport } from '../../../src/transport/transport.js';
import { fakeServer, testConfig } from './fake-server.js';

const target = testConfig().targets.get('prod')!;

it('what to check after an unknown outcome: each unit the action touches, and pending unit-file reloads', () => {
  expect(whatToCheck(findAction('restart-backend')!, target)).toEqual([
    'systemctl status oms-backend',
    'journalctl -u oms-backend -n 50 --no-pager',
  ]);
  expect(whatToCheck(findAction('daemon-reload')!, target)).toEqual([
    'systemctl show oms-backend -p NeedDaemonReload',
    'systemctl status oms-backend',
    'journalctl -u oms-backend -n 50 --no-pager',
  ]);
  expect(whatToCheck(findAction('reload-nginx')!, target)[0]).toBe('systemctl status nginx');
});

it('the deadline covers the command timeouts and every post-check attempt, so a live run is never called abandoned', () => {
  const restart = findAction('restart-backend')!;
  const one = executionDeadlineMs(restart, target, { findCheck, postCheckAttempts: 1, postCheckDelayMs: 0 });
  const five = executionDeadlineMs(restart, target, { findCheck, postCheckAttempts: 5, postCheckDelayMs: 2_000 });
  expect(one).toBeGreaterThan(restart.timeoutMs);
  expect(five - one).toBeGreaterThanOrEqual(4 * 2_000);
  const twoCommands = findAction('daemon-reload')!;
  expect(
    executionDeadlineMs(twoCommands, target, { findCheck, postCheckAttempts: 1, postCheckDelayMs: 0 }),
  ).toBeGreaterThan(2 * twoCommands.timeoutMs);
});

it('a command whose channel closes without an exit status is an unknown outcome, with what to check', async () => {
  const server = fakeServer();
  const transport: Transport = {
    describe: 'flaky',
    close: async () => undefined,
    exec: async (argv, opts) =>
      opts?.sudo
        ? { code: null, signal: null, stdout: '', stderr: '', durationMs: 5, truncated: false, timedOut: false }
        : server.transport.exec(argv, opts),
  };
  const r = await executeAction(findAction('restart-backend')!, target, transport, { findCheck, postCheckAttempts: 1 });
  expect(r.verdict).toBe('unknown');
  expect(r.summary).toMatch(/without an exit status.*may or may not have run: check `systemctl status oms-backend`/);
  expect(r.postChecks).toEqual([]);
});
