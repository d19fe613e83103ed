/**
 * A bot process for the crash test: the approval service on a file store
 * under `dataDir`, against the scripted OMS server, with every sudo command
 * appended to `<dataDir>/sudo.log`. Run with tsx:
 *
 * - `approve <dataDir>`: request restart-backend, approve it, and hang in the
 *   restart (prints `SUDO <id>` when it is sent) — the parent SIGKILLs it there;
 * - `restart <dataDir> <id>`: start-up as the Slack bot does (the sweep first),
 *   then click Approve again; prints the outcomes and the stored status as JSON.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { findCheck } from '../../src/checks/registry.js';
import { FileStore } from '../../src/store/file-store.js';
import type { Transport } from '../../src/transport/transport.js';
import { APPROVER, APPROVER2, fakeServer, REQUESTER, testConfig } from '../unit/approvals/fake-server.js';

const [mode, dataDir, id] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: approval-child.ts approve|restart <dataDir> [id]');
const server = fakeServer();
const transport: Transport = {
  describe: 'scripted',
  close: async () => undefined,
  exec: async (argv, opts) => {
    if (opts?.sudo) {
      appendFileSync(join(dataDir, 'sudo.log'), `${process.pid} ${argv.join(' ')}\n`);
      if (mode === 'approve') {
        process.stdout.write(`SUDO ${id ?? ''}\n`);
        await new Promise(() => undefined); // hangs until killed
      }
    }
    return server.transport.exec(argv, opts);
  },
};
const service = new ApprovalService({
  config: testConfig(),
  store: new FileStore({ dir: join(dataDir, 'store') }),
  audit: new AuditLog({ file: join(dataDir, 'audit.jsonl') }),
  transportFor: () => transport,
  findCheck,
  postCheckAttempts: 1,
  postCheckDelayMs: 0,
});

if (mode === 'approve') {
  const r = await service.requestAction({
    action: 'restart-backend',
    target: 'prod',
    requester: { id: REQUESTER, via: 'slack', channel: 'C0OPS' },
    reason: 'backend down',
    meta: { channel: 'C0OPS' },
  });
  if (r.kind !== 'requested') throw new Error(JSON.stringify(r));
  process.stdout.write(`ID ${r.approval.id}\n`);
  await service.approve(r.approval.id, { id: APPROVER, via: 'slack', channel: 'C0OPS' });
} else {
  const swept = await service.expire();
  const again = await service.approve(id!, { id: APPROVER2, via: 'slack', channel: 'C0OPS' });
  const stored = await service.get(id!);
  process.stdout.write(
    JSON.stringify({ swept: swept.map((o) => ({ kind: o.kind, message: o.message })), again, status: stored?.status }),
  );
}
