/**
 * Approve-to-run over the real SSH transport against a real OpenSSH server.
 * sshd runs a recording `ForceCommand` script instead of the requested
 * command: it appends the exact command line the bot sent ($SSH_ORIGINAL_COMMAND)
 * to a log and answers like an OMS server would. No system binary is replaced
 * and nothing is restarted on this machine.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { approvalReference } from '../../src/approvals/reference.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { findCheck } from '../../src/checks/registry.js';
import { parseConfig, type Config } from '../../src/config/config.js';
import { FileStore } from '../../src/store/file-store.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { CAPTURES } from '../helpers/capture.js';
import { sshdTarget, startSshd, type TestSshd } from '../helpers/sshd.js';

let sshd: TestSshd;
let work: string;
const LOG = () => join(work, 'commands.log');
const transports: SshTransport[] = [];

/** The capture's output without its `$ command` line and `[exit N]` trailer. */
function capture(scenario: string, file: string): string {
  return readFileSync(join(CAPTURES, scenario, file), 'utf8')
    .split('\n')
    .slice(1)
    .join('\n')
    .replace(/\[exit \d+\]\s*$/, '');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'oms-approvals-sshd-'));
  chmodSync(work, 0o777);
  writeFileSync(join(work, 'ss.txt'), capture('healthy', 'ss-tlnp.txt'));
  writeFileSync(join(work, 'login.txt'), capture('healthy', 'login-direct.txt'));
  writeFileSync(join(work, 'show.txt'), capture('healthy', 'systemctl-show.txt').replace(/^MainPID=\d+\n/m, ''));
  // The login user (unprivileged when the tests run as root) writes these; the umask would hide a mode given to writeFileSync.
  for (const [name, text] of [
    ['pid', '33\n'],
    ['nginx-broken', '0\n'],
    ['commands.log', ''],
  ] as const) {
    writeFileSync(join(work, name), text);
    chmodSync(join(work, name), 0o666);
  }
  const script = join(work, 'oms-server.sh');
  writeFileSync(
    script,
    `#!/bin/sh
W=${work}
cmd="$SSH_ORIGINAL_COMMAND"
printf '%s\\n' "$cmd" >> "$W/commands.log"
case "$cmd" in
  "timeout -k 2 60 sudo -n /usr/bin/systemctl restart oms-backend")
    echo $(( $(cat "$W/pid") + 1000 )) > "$W/pid"; exit 0 ;;
  "timeout -k 2 30 sudo -n /usr/bin/systemctl reload nginx") exit 0 ;;
  "timeout -k 2 8 sudo -n /usr/sbin/nginx -t")
    if [ "$(cat "$W/nginx-broken")" = 1 ]; then
      echo 'nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/oms.conf:12' >&2
      echo 'nginx: configuration file /etc/nginx/nginx.conf test failed' >&2; exit 1
    fi
    echo 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok' >&2
    echo 'nginx: configuration file /etc/nginx/nginx.conf test is successful' >&2; exit 0 ;;
  "timeout -k 2 8 systemctl show oms-backend -p User,Group") printf 'User=nginx\\nGroup=nginx\\n' ;;
  "timeout -k 2 8 systemctl show oms-backend -p "*) echo "MainPID=$(cat "$W/pid")"; cat "$W/show.txt" ;;
  "timeout -k 2 8 systemctl show nginx -p "*) printf 'LoadState=loaded\\nActiveState=active\\nSubState=running\\nResult=success\\n' ;;
  "timeout -k 2 8 getent passwd") printf 'root:x:0:0::/root:/bin/sh\\nnginx:x:999:997::/:/sbin/nologin\\n' ;;
  "timeout -k 2 8 getent group") printf 'root:x:0:\\nnginx:x:997:\\n' ;;
  "timeout -k 2 8 ss -tlnp") cat "$W/ss.txt" ;;
  *" curl "*) cat "$W/login.txt" ;;
  *) echo "not an OMS server command: $cmd" >&2; exit 127 ;;
esac
`,
  );
  chmodSync(script, 0o755);
  sshd = await startSshd({ extraConfig: `ForceCommand ${script}` });
});

afterAll(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await sshd?.stop();
});

async function setup(): Promise<{ service: ApprovalService; config: Config }> {
  const target = await sshdTarget(sshd);
  const config = parseConfig(
    `targets:\n  lab:\n    host: ${target.host}\n    port: ${target.port}\n    user: ${target.user}\n    privateKey: ${target.privateKey}\n    hostKey: "${target.hostKey}"\npolicy:\n  approvers: [U0APPROVER]\n`,
    'lab.yml',
  );
  const transport = new SshTransport(config.targets.get('lab')!);
  transports.push(transport);
  const dir = mkdtempSync(join(tmpdir(), 'oms-approvals-sshd-state-'));
  const service = new ApprovalService({
    config,
    store: new FileStore({ dir: join(dir, 'store') }),
    audit: new AuditLog({ file: join(dir, 'audit.jsonl') }),
    transportFor: () => transport,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
  });
  return { service, config };
}

const sent = () => readFileSync(LOG(), 'utf8').split('\n').filter(Boolean);

it('the server receives exactly the whitelisted argv through sudo -n, once, and the new MainPID is verified', async () => {
  writeFileSync(LOG(), '');
  const { service } = await setup();
  const r = await service.requestAction({
    action: 'restart-backend',
    target: 'lab',
    requester: { id: 'U0REQUESTER', via: 'slack' },
    reason: 'backend down',
  });
  if (r.kind !== 'requested') throw new Error(JSON.stringify(r));
  const value = approvalReference(r.approval);
  const [o, again] = await Promise.all([
    service.approve(value, { id: 'U0APPROVER', via: 'slack' }),
    service.approve(value, { id: 'U0APPROVER', via: 'slack' }),
  ]);
  const executed = [o, again].find((x) => x.kind === 'executed');
  expect(executed?.kind === 'executed' && executed.result).toMatchObject({
    verdict: 'succeeded',
    exitCode: 0,
    mainPid: { before: 33, after: 1033 },
  });
  const commands = sent();
  expect(commands.filter((c) => c.includes('sudo'))).toEqual([
    'timeout -k 2 60 sudo -n /usr/bin/systemctl restart oms-backend',
  ]);
  // Everything else the action did was a read-only check, none of them through sudo.
  expect(commands.filter((c) => !c.includes('sudo')).every((c) => / (systemctl show|getent|ss|curl) /.test(c))).toBe(
    true,
  );
});

it('precondition failure over SSH: nginx -t fails, so no reload is ever sent', async () => {
  writeFileSync(LOG(), '');
  writeFileSync(join(work, 'nginx-broken'), '1\n');
  try {
    const { service } = await setup();
    const r = await service.requestAction({
      action: 'reload-nginx',
      target: 'lab',
      requester: { id: 'U0REQUESTER', via: 'slack' },
      reason: 'config changed',
    });
    if (r.kind !== 'requested') throw new Error(JSON.stringify(r));
    const o = await service.approve(r.approval.id, { id: 'U0APPROVER', via: 'slack' });
    expect(o.kind === 'executed' && o.result.verdict).toBe('precondition-failed');
    expect(o.kind === 'executed' && o.result.summary).toMatch(/oms.conf:12|unexpected/);
    expect(sent()).toEqual(['timeout -k 2 8 sudo -n /usr/sbin/nginx -t']);
  } finally {
    writeFileSync(join(work, 'nginx-broken'), '0\n');
  }
});

it('with nginx -t passing, the reload is sent exactly as whitelisted', async () => {
  writeFileSync(LOG(), '');
  const { service } = await setup();
  const r = await service.requestAction({
    action: 'reload-nginx',
    target: 'lab',
    requester: { id: 'U0REQUESTER', via: 'slack' },
    reason: 'config changed',
  });
  if (r.kind !== 'requested') throw new Error(JSON.stringify(r));
  const o = await service.approve(r.approval.id, { id: 'U0APPROVER', via: 'slack' });
  expect(o.kind === 'executed' && o.result.verdict).toBe('succeeded');
  expect(sent().filter((c) => c.includes('sudo'))).toEqual([
    'timeout -k 2 8 sudo -n /usr/sbin/nginx -t',
    'timeout -k 2 30 sudo -n /usr/bin/systemctl reload nginx',
  ]);
});
