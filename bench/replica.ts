/**
 * The server the whole-process bench talks to: the lab's healthy replica (systemd, nginx, gunicorn; SSH on
 * 127.0.0.1) when this machine can run it, else the test sshd of test/helpers/sshd.ts on this machine (the
 * commands then read this machine, which has no OMS). Either way a real OpenSSH server on loopback.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Target } from '../src/config/target.js';

export interface Replica {
  kind: string;
  target: Target;
  /** Config file (YAML) naming the target `lab`. */
  configFile: string;
  /** known_hosts file with the server's host key, for the OpenSSH client and ansible. */
  knownHosts: string;
  stop(): Promise<void>;
}

export async function startReplica(dir: string, log: (line: string) => void): Promise<Replica> {
  const lab = await import('../test/lab/lab.js');
  const problem = lab.labPreflight() ?? imageProblem(lab.ensureImage);
  if (!problem) {
    log('starting the lab replica (scenario healthy) …');
    const inst = await lab.up('healthy', { log: () => undefined });
    const pub = readFileSync(join(inst.root, 'etc', 'ssh', 'ssh_host_ed25519_key.pub'), 'utf8').trim();
    return finish(dir, 'the lab (healthy replica: systemd, nginx, gunicorn, SSH on 127.0.0.1)', inst.target, pub, () =>
      inst.down(),
    );
  }
  log(`lab unavailable (${problem}); using the test sshd on 127.0.0.1 instead`);
  const { startSshd, sshdTarget } = await import('../test/helpers/sshd.js');
  const sshd = await startSshd({ maxSessions: 10 });
  const target = { ...(await sshdTarget(sshd)), name: 'lab' } as Target;
  const pub = sshd.hostKeys.ed25519!.publicLine;
  return finish(dir, 'the test sshd on 127.0.0.1 (commands read this machine, which has no OMS)', target, pub, () =>
    sshd.stop(),
  );
}

function imageProblem(ensureImage: (log: () => void, o: { allowBuild: boolean }) => unknown): string | null {
  try {
    ensureImage(() => undefined, { allowBuild: false });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function finish(dir: string, kind: string, target: Target, publicLine: string, stop: () => Promise<void>): Replica {
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${target.port} ${publicLine.split(/\s+/).slice(0, 2).join(' ')}\n`);
  const configFile = join(dir, 'bench.yml');
  const { name: _name, paths: _paths, ...fields } = target;
  const keep = ['host', 'port', 'user', 'privateKey', 'hostKey', 'publicUrl', 'service', 'backendBind', 'nginxListen'];
  const t = Object.fromEntries(Object.entries(fields).filter(([k, v]) => keep.includes(k) && v !== undefined));
  writeFileSync(configFile, stringify({ targets: { lab: t }, defaultTarget: 'lab' }));
  return { kind, target: { ...target, name: 'lab' }, configFile, knownHosts, stop };
}
