/**
 * A host that accepts the TCP connection and never sends the SSH greeting (a hung sshd, or some other
 * server on the port): the SSH transport gives up after its handshake deadline with a message that says
 * so, and does not knock again for a while — the next command is answered from memory, with no new
 * connection (layout discovery, then the checks, would otherwise each wait the deadline out).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { TransportError } from '../../src/transport/transport.js';
import { startSshd, sshdTarget, type TestSshd } from '../helpers/sshd.js';

let hung: Server;
let port = 0;
let accepted = 0;
const sockets = new Set<Socket>();
let sshd: TestSshd;

beforeAll(async () => {
  hung = createServer((s) => {
    accepted++;
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  const addr = hung.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;
  sshd = await startSshd({ hostKeyTypes: ['ed25519'] });
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => hung.close(() => resolve()));
  await sshd?.stop();
});

test('a silent host: connect_timeout naming the handshake; the next command does not connect again', async () => {
  const target = { ...(await sshdTarget(sshd)), name: 'hung', port };
  const transport = new SshTransport(target, { handshakeTimeoutMs: 300 });
  const first = await transport.exec(['true']).catch((e: unknown) => e);
  expect(first).toBeInstanceOf(TransportError);
  expect(first).toMatchObject({ code: 'connect_timeout' });
  expect((first as Error).message).toMatch(
    /accepted the connection but did not answer the SSH handshake within 0\.3 s/,
  );
  const second = await transport.exec(['true']).catch((e: unknown) => e);
  expect(second).toMatchObject({ code: 'connect_timeout' });
  expect(accepted).toBe(1);
  await transport.close();
});

test('a real sshd completes the handshake well inside the deadline and runs the command', async () => {
  const transport = new SshTransport(await sshdTarget(sshd), { handshakeTimeoutMs: 2_000 });
  const r = await transport.exec(['echo', 'hello']);
  expect(r.stdout.trim()).toBe('hello');
  await transport.close();
});

test('connect() opens the connection without a command; the commands after it use that one connection', async () => {
  const transport = new SshTransport(await sshdTarget(sshd), { handshakeTimeoutMs: 2_000 });
  const before = sshd.acceptedLogins();
  await transport.connect();
  expect(transport.connected).toBe(true);
  expect(transport.stats.connections).toBe(1);
  const [a, b] = await Promise.all([transport.exec(['echo', 'a']), transport.exec(['echo', 'b'])]);
  expect([a.stdout.trim(), b.stdout.trim()]).toEqual(['a', 'b']);
  expect(transport.stats.connections).toBe(1);
  expect(sshd.acceptedLogins() - before).toBe(1);
  await transport.close();
});

test('connect() to a silent host rejects like a command would, and a command after it is answered from memory', async () => {
  const target = { ...(await sshdTarget(sshd)), name: 'hung', port };
  const transport = new SshTransport(target, { handshakeTimeoutMs: 300 });
  const before = accepted;
  const e = await transport.connect().catch((err: unknown) => err);
  expect(e).toMatchObject({ code: 'connect_timeout' });
  expect(await transport.exec(['true']).catch((err: unknown) => err)).toMatchObject({ code: 'connect_timeout' });
  expect(accepted - before).toBe(1);
  await transport.close();
});
