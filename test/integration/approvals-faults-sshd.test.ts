/**
 * The SSH connection cut while an approved action runs, against a real
 * OpenSSH server: a recording ForceCommand script stands in for the OMS
 * server; its restart is slow, and sshd is killed (listener and sessions)
 * while it runs. The result is `unknown`, with what to check on the server,
 * and the restart was sent exactly once.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { findCheck } from '../../src/checks/registry.js';
import { parseConfig } from '../../src/config/config.js';
import { approvalCard } from '../../src/slack/approval-card.js';
import { FileStore } from '../../src/store/file-store.js';
import { SshTransport } from '../../src/transport/ssh.js';
import { CAPTURES } from '../helpers/capture.js';
import { sshdTarget, startSshd, type TestSshd } from '../helpers/sshd.js';

let sshd: TestSshd;
let work: string;
let transport: SshTransport | undefined;

const capture = (scenario: string, file: string) =>
  readFileSync(join(CAPTURES, scenario, file), 'utf8')
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/\[exit \d+\]\s*$/, '');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'oms-faults-sshd-'));
  chmodSync(work, 0o777);
  writeFileSync(join(work, 'show.txt'), capture('healthy', 'systemctl-show.txt'));
  writeFileSync(join(work, 'commands.log'), '');
  chmodSync(join(work, 'commands.log'), 0o666);
  const script = join(work, 'oms-server.sh');
  writeFileSync(
    script,
    `#!/bin/sh
W=${work}
cmd="$SSH_ORIGINAL_COMMAND"
printf '%s\\n' "$cmd" >> "$W/commands.log"
case "$cmd" in
  *"sudo -n /usr/bin/systemctl restart oms-backend") : > "$W/restart-started"; sleep 20; exit 0 ;;
  "timeout -k 2 8 systemctl show oms-backend -p User,Group") printf 'User=nginx\\nGroup=nginx\\n' ;;
  "timeout -k 2 8 systemctl show oms-backend -p "*) cat "$W/show.txt" ;;
  "timeout -k 2 8 getent passwd") printf 'root:x:0:0::/root:/bin/sh\\nnginx:x:999:997::/:/sbin/nologin\\n' ;;
  "timeout -k 2 8 getent group") printf 'root:x:0:\\nnginx:x:997:\\n' ;;
  *) echo "not an OMS server command: $cmd" >&2; exit 127 ;;
esac
`,
  );
  chmodSync(script, 0o755);
  sshd = await startSshd({ extraConfig: `ForceCommand ${script}` });
});

afterAll(async () => {
  await transport?.close();
  await sshd?.stop();
});

it('sshd killed during a slow restart: the outcome is unknown, the card says what to check, nothing is sent twice', async () => {
  const target = await sshdTarget(sshd);
  const config = parseConfig(
    `targets:\n  lab:\n    host: ${target.host}\n    port: ${target.port}\n    user: ${target.user}\n    privateKey: ${target.privateKey}\n    hostKey: "${target.hostKey}"\npolicy:\n  approvers: [U0APPROVER]\n`,
    'lab.yml',
  );
  transport = new SshTransport(config.targets.get('lab')!);
  const dir = mkdtempSync(join(tmpdir(), 'oms-faults-sshd-state-'));
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const service = new ApprovalService({
    config,
    store: new FileStore({ dir: join(dir, 'store') }),
    audit,
    transportFor: () => transport!,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
  });
  const r = await service.requestAction({
    action: 'restart-backend',
    target: 'lab',
    requester: { id: 'U0REQUESTER', via: 'slack', channel: 'C0OPS' },
    reason: 'backend down',
    meta: { channel: 'C0OPS' },
  });
  if (r.kind !== 'requested') throw new Error(JSON.stringify(r));
  const run = service.approve(r.approval.id, { id: 'U0APPROVER', via: 'slack', channel: 'C0OPS' });
  const deadline = Date.now() + 20_000;
  while (!existsSync(join(work, 'restart-started'))) {
    if (Date.now() > deadline)
      throw new Error(`the restart never started: ${readFileSync(join(work, 'commands.log'), 'utf8')}`);
    await new Promise((res) => setTimeout(res, 50));
  }
  await sshd.kill(); // the fault: the connection is cut while the restart runs
  const o = await run;
  expect(o.kind === 'executed' && o.result.verdict).toBe('unknown');
  expect(o.kind === 'executed' && o.result.summary).toMatch(
    /may or may not have run: check `systemctl status oms-backend`, `journalctl -u oms-backend -n 50 --no-pager`/,
  );
  const stored = await service.get(r.approval.id);
  expect(stored?.status).toBe('unknown');
  const card = JSON.stringify(approvalCard(stored!).message);
  expect(card).toMatch(/outcome unknown/);
  expect(card).toMatch(/may or may not have run/);
  expect(card).toMatch(/systemctl status oms-backend/);
  const events = (await audit.read()).map((e) => e.event);
  expect(events).toContain('action.unknown');

  // The server comes back; a second click does not send the restart again.
  await sshd.start();
  const again = await service.approve(r.approval.id, { id: 'U0APPROVER', via: 'slack', channel: 'C0OPS' });
  expect(again.kind === 'refused' && again.code).toBe('already-decided');
  expect(again.kind === 'refused' && again.hint).toMatch(/systemctl status oms-backend/);
  const sent = readFileSync(join(work, 'commands.log'), 'utf8')
    .split('\n')
    .filter((c) => c.includes('sudo'));
  expect(sent).toEqual(['timeout -k 2 60 sudo -n /usr/bin/systemctl restart oms-backend']);
}, 60_000);
