/**
 * The SSH transport when things go wrong: deadlines, a server that dies or
 * hangs mid-command, more commands than sshd allows sessions.
 */
import { SshTransport } from '../../src/transport/ssh/index.js';
import { TransportError } from '../../src/transport/transport.js';
import { sshdTarget, startSshd, type TestSshd } from '../helpers/sshd.js';

let sshd: TestSshd;
const open: SshTransport[] = [];

async function transport(
  over: Record<string, unknown> = {},
  options: ConstructorParameters<typeof SshTransport>[1] = {},
) {
  const tr = new SshTransport(await sshdTarget(sshd, over), options);
  open.push(tr);
  return tr;
}

beforeAll(async () => {
  sshd = await startSshd({ maxSessions: 10 });
});

afterEach(async () => {
  sshd.freezeSessions(false);
  await sshd.start();
  await Promise.all(open.splice(0).map((t) => t.close()));
});

afterAll(async () => {
  await sshd?.stop();
});

test('a hung command hits its deadline on the server: partial output kept, slot freed', async () => {
  const tr = await transport({ maxConcurrency: 1 });
  const r = await tr.exec(['sh', '-c', 'echo partial; echo err >&2; exec sleep 31.5'], { timeoutMs: 1000 });
  // Exit 124 is `timeout`'s own: the server killed it (the local deadline would give code null).
  expect(r).toMatchObject({ timedOut: true, code: 124, stdout: 'partial\n', stderr: 'err\n' });
  // With one slot, this only runs if the hung command's channel was released.
  const next = await tr.exec(['echo', 'next'], { timeoutMs: 2000 });
  expect(next.stdout).toBe('next\n');
  // The server killed it: no `sleep 31.5` left holding an sshd session.
  const ps = await tr.exec(['pgrep', '-f', 'sleep 31[.]5']);
  expect(ps.stdout).toBe('');
});

test('a server that stops answering hits the local deadline; the channel is closed', async () => {
  const tr = await transport();
  await tr.exec(['true']);
  const pending = tr.exec(['sh', '-c', 'echo before; sleep 2; echo after'], { timeoutMs: 500 });
  await new Promise((r) => setTimeout(r, 200));
  sshd.freezeSessions(true);
  const r = await pending;
  expect(r.timedOut).toBe(true);
  expect(r.code).toBeNull();
  expect(r.stdout).toBe('before\n');
  sshd.freezeSessions(false);
}, 15_000);

test('40 concurrent commands on one connection all succeed (MaxSessions 10)', async () => {
  for (const maxConcurrency of [8, 10]) {
    const tr = await transport({ maxConcurrency });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => tr.exec(['sh', '-c', 'sleep 0.1; echo "$1"', 'sh', String(i)])),
    );
    results.forEach((r, i) => expect(r).toMatchObject({ code: 0, stdout: `${i}\n` }));
    expect(tr.stats.connections).toBe(1);
    expect(tr.stats.peakChannels).toBe(maxConcurrency);
  }
}, 20_000);

test('sshd killed mid-command: the command rejects as disconnected, then the bot reconnects', async () => {
  const tr = await transport();
  const pending = tr.exec(['sh', '-c', 'echo started; sleep 5'], { timeoutMs: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  await sshd.kill();
  const err = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TransportError);
  expect((err as TransportError).code).toBe('disconnected');
  expect((err as TransportError).message).toMatch(/dropped while the command ran/);

  // Server down: a clear refusal, no crash from the client's 'error' event.
  const down = await tr.exec(['true']).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((down as TransportError).code).toBe('connect_refused');

  await sshd.start();
  const again = await tr.exec(['echo', 'back']);
  expect(again.stdout).toBe('back\n');
});

test('a connection dropped between commands is reopened transparently', async () => {
  const tr = await transport();
  await tr.exec(['true']);
  await sshd.kill();
  await sshd.start();
  // No error reaches the caller: the dead connection is noticed and replaced.
  const results = await Promise.all([tr.exec(['echo', 'a']), tr.exec(['echo', 'b'])]);
  expect(results.map((r) => r.stdout)).toEqual(['a\n', 'b\n']);
  expect(tr.stats.connections).toBe(2);
});

test('timeout wraps sudo when asked: the remote command line', async () => {
  const { remoteCommand } = await import('../../src/transport/ssh/index.js');
  expect(remoteCommand(['/usr/sbin/nginx', '-t'], { timeoutMs: 10_000, sudo: true })).toBe(
    'timeout -k 2 10 sudo -n /usr/sbin/nginx -t',
  );
  expect(remoteCommand(['echo', 'a b'], { timeoutMs: 1500 })).toBe("timeout -k 2 1.5 echo 'a b'");
});

describe('more channels than this sshd allows (MaxSessions 1)', () => {
  let tight: TestSshd;
  beforeAll(async () => {
    tight = await startSshd({ maxSessions: 1 });
  });
  afterAll(async () => {
    await tight?.stop();
  });

  test('a refused channel is retried while a session frees, then named with what to do', async () => {
    const tr = new SshTransport(await sshdTarget(tight, { maxConcurrency: 2 }));
    open.push(tr);
    // Short commands: the second channel is refused at first and opens on a retry once the first one ends.
    const quick = await Promise.all([0, 1].map((i) => tr.exec(['sh', '-c', 'sleep 0.3; echo "$1"', 'sh', `${i}`])));
    expect(quick.map((r) => r.stdout)).toEqual(['0\n', '1\n']);
    // A session held longer than every retry: the refusal says which setting to change.
    const slow = tr.exec(['sleep', '4'], { timeoutMs: 8000 });
    await new Promise((r) => setTimeout(r, 300));
    const err = await tr.exec(['true']).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TransportError);
    expect(String((err as TransportError).message)).toContain('refused to open another SSH session channel');
    expect(String((err as TransportError).hint)).toContain('MaxSessions');
    expect((await slow).code).toBe(0);
  }, 30_000);
});
