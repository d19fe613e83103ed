/**
 * One diagnosis on a real sshd: the commands its checks and its layout discovery ask for include the same
 * command line more than once (two checks read the backend's .env; discovery and a check both dump
 * `nginx -T`; discovery and `backend-service` both ask `systemctl show`), and each distinct one costs exactly
 * one SSH session — counted in sshd's own log.
 */
import { runRequest } from '../../src/app/run.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { findCheck } from '../../src/checks/registry.js';
import { LayoutService } from '../../src/discovery/layout-service.js';
import { discoveryCommands } from '../../src/discovery/discover.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { startSshd, sshdTarget, type TestSshd } from '../helpers/sshd.js';
import { recordingTransport } from '../helpers/recording-transport.js';

let sshd: TestSshd;
beforeAll(async () => {
  sshd = await startSshd({ hostKeyTypes: ['ed25519'] });
}, 60_000);
afterAll(async () => {
  await sshd?.stop();
});

const sessions = () => (sshd.log().match(/Starting session: command/g) ?? []).length;

test('diagnose login: every distinct command one session; the ones asked for twice are not sent twice', async () => {
  const target = await sshdTarget(sshd);
  const ssh = new SshTransport(target);
  const sent: string[] = [];
  const recording = recordingTransport(ssh, sent);
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const login = playbooks.find((p) => p.id === 'login')!;
  const before = sessions();
  const r = await runRequest(
    { kind: 'diagnose', playbook: login, target },
    { id: 'console:test', via: 'cli' },
    { transportFor: () => recording, findCheck, layout: new LayoutService({ transportFor: () => recording }) },
  );
  await ssh.close();
  if (r.kind !== 'report') throw new Error(r.kind);
  expect(r.report.verdict).not.toBe('unreachable');
  // What the run asked for: discovery's commands and each check's (the follow-up round's included).
  const asked = [
    ...Object.values(discoveryCommands(target)),
    ...r.report.observations.flatMap((o) => findCheck(o.check)!.commands(target)),
  ].map((c) => `${c.sudo ? 'sudo ' : ''}${c.argv.join(' ')}`);
  expect(asked.filter((c) => c === 'sudo /usr/sbin/nginx -T')).toHaveLength(2);
  expect(asked.filter((c) => c === 'cat /opt/OMS/backend/.env')).toHaveLength(2);
  // Discovery's `systemctl show` is the backend-service check's very command line.
  expect(asked.filter((c) => c.startsWith('systemctl show oms-backend -p '))).toHaveLength(2);
  // Sent: each distinct one once; sshd opened exactly one session for each.
  expect([...sent].sort()).toEqual([...new Set(asked)].sort());
  expect(sessions() - before).toBe(sent.length);
}, 60_000);
