/**
 * A simulated fleet on loopback for tests and the benchmark: N real sshd
 * processes (test/helpers/sshd.ts), each on its own port with its own
 * ed25519 host key, all accepting one client key; plus a dead target (a port
 * nobody listens on) and a hung one (a TCP server that accepts and never
 * writes a byte, so the SSH greeting never comes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, keygen, startSshd, type TestSshd } from './sshd.js';

export interface SshdFleet {
  servers: TestSshd[];
  /** A port with nothing listening (connection refused). */
  deadPort: number;
  /** A port that accepts TCP and stays silent. */
  hungPort: number;
  clientKey: string;
  /** The `targets:` and `groups:` YAML for a config: `web1`…`webN`, `dead`, `hung`; group `prod` = all of them. */
  configYaml(extra?: { dead?: boolean; hung?: boolean }): string;
  stop(): Promise<void>;
}

export async function startSshdFleet(n: number): Promise<SshdFleet> {
  const dir = mkdtempSync(join(tmpdir(), 'oms-fleet-'));
  keygen(join(dir, 'client_ed25519'), 'ed25519');
  const publicKey = readFileSync(join(dir, 'client_ed25519.pub'), 'utf8').trim();
  const key = { path: join(dir, 'client_ed25519'), publicKey };
  const clientKeys = { ed25519: key, rsa: key, encrypted: key, stranger: key };
  const servers: TestSshd[] = [];
  // A few at a time: each start runs ssh-keygen and waits for the port.
  for (let i = 0; i < n; i += 6)
    servers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(6, n - i) }, () => startSshd({ hostKeyTypes: ['ed25519'], clientKeys })),
      )),
    );
  const deadPort = await freePort();
  const sockets = new Set<Socket>();
  const hung: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  const addr = hung.address();
  const hungPort = typeof addr === 'object' && addr ? addr.port : 0;
  const target = (name: string, port: number, hostKey: string) =>
    `  ${name}:\n    host: 127.0.0.1\n    port: ${port}\n    user: ${servers[0]!.user}\n` +
    `    privateKey: ${key.path}\n    hostKey: "${hostKey}"\n`;
  // Any well-formed pin will do for the two that never get as far as the host key.
  const anyPin = servers[0]!.hostKeys.ed25519!.fingerprint;
  return {
    servers,
    deadPort,
    hungPort,
    clientKey: key.path,
    configYaml(extra = { dead: true, hung: true }) {
      const names = servers.map((_, i) => `web${i + 1}`);
      let yaml = 'targets:\n';
      servers.forEach((s, i) => (yaml += target(names[i]!, s.port, s.hostKeys.ed25519!.fingerprint)));
      if (extra.dead) {
        yaml += target('dead', deadPort, anyPin);
        names.push('dead');
      }
      if (extra.hung) {
        yaml += target('hung', hungPort, anyPin);
        names.push('hung');
      }
      return `${yaml}groups:\n  prod: [${names.join(', ')}]\n`;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
