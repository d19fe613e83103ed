/**
 * Actions never share an SSH session with other commands (src/transport/batching.ts batches only the checks of
 * a fleet run): an approved action, its preconditions and post-checks each run through `exec` alone, even on a
 * transport that could batch them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvalReference } from '../../../src/approvals/reference.js';
import { ApprovalService } from '../../../src/approvals/service.js';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { findCheck } from '../../../src/checks/registry.js';
import { FileStore } from '../../../src/store/file-store.js';
import type { BatchCommand, ExecResult, Transport } from '../../../src/transport/transport.js';
import { APPROVER, fakeServer, REQUESTER, testConfig } from './fake-server.js';

it.each(['restart-backend', 'reload-nginx'])('%s runs with every command alone, none batched', async (action) => {
  const dir = mkdtempSync(join(tmpdir(), 'oms-never-batched-'));
  const server = fakeServer({ running: true, mainPid: 4000 });
  const batched: BatchCommand[][] = [];
  const transport: Transport = {
    describe: 'can batch',
    exec: (argv, options) => server.transport.exec(argv, options),
    execBatch(commands: readonly BatchCommand[]): Array<Promise<ExecResult>> {
      batched.push([...commands]);
      return commands.map((c) => server.transport.exec(c.argv, c.options));
    },
    close: () => server.transport.close(),
  };
  const service = new ApprovalService({
    config: testConfig(),
    store: new FileStore({ dir: join(dir, 'store') }),
    audit: new AuditLog({ file: join(dir, 'audit.jsonl') }),
    transportFor: () => transport,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
  });
  const r = await service.requestAction({
    action,
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'test',
  });
  if (r.kind !== 'requested') throw new Error(`refused: ${r.message}`);
  const outcome = await service.approve(approvalReference(r.approval), { id: APPROVER, via: 'slack' });
  expect(outcome.kind).toBe('executed');
  expect(server.state.sudo.length).toBeGreaterThan(0);
  expect(batched).toEqual([]);
});
