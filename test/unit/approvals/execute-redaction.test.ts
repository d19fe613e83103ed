import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvalReference } from '../../../src/approvals/reference.js';
import { ApprovalService } from '../../../src/approvals/service.js';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { findCheck } from '../../../src/checks/registry.js';
import { FileStore } from '../../../src/store/file-store.js';
import type { ExecOptions, Transport } from '../../../src/transport/transport.js';
import { APPROVER, fakeServer, REQUESTER, testConfig } from './fake-server.js';

/**
 * An action's stderr is kept by its end (the last 1000 characters). It is redacted
 * whole first: a key block whose BEGIN line falls before the cut is still removed.
 */
it('the end of a failed action’s stderr holds no piece of a secret the cut began inside', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oms-exec-'));
  const server = fakeServer({ running: true, mainPid: 4000 });
  const key = 'MIIES3cretKeyMaterialLine';
  const stderr = `-----BEGIN RSA PRIVATE KEY-----\n${`${key}\n`.repeat(60)}-----END RSA PRIVATE KEY-----\nJob failed.`;
  const transport: Transport = {
    describe: 'failing restart',
    exec: (argv: readonly string[], options?: ExecOptions) =>
      argv[0] === '/usr/bin/systemctl' && argv[1] === 'restart'
        ? Promise.resolve({
            code: 1,
            signal: null,
            stdout: '',
            stderr,
            durationMs: 5,
            truncated: false,
            timedOut: false,
          })
        : server.transport.exec(argv, options),
    close: () => server.transport.close(),
  };
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const service = new ApprovalService({
    config: testConfig(),
    store: new FileStore({ dir: join(dir, 'store') }),
    audit,
    transportFor: () => transport,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
  });
  const r = await service.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack' },
    reason: 'stuck',
  });
  if (r.kind !== 'requested') throw new Error(`refused: ${r.message}`);
  const outcome = await service.approve(approvalReference(r.approval), { id: APPROVER, via: 'slack' });
  expect(outcome.kind).toBe('executed');
  const kept =
    JSON.stringify(outcome) + JSON.stringify(await service.get(r.approval.id)) + readFileSync(audit.file, 'utf8');
  expect(kept).toContain('Job failed.');
  expect(kept).not.toContain('S3cretKey');
});
