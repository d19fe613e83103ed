/**
 * The SSH transport against a real OpenSSH sshd on 127.0.0.1: keys, host key
 * pinning, login failures, quoting, output caps and connection reuse.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPrivateKey, SshTransport } from '../../src/transport/ssh/index.js';
import { TransportError } from '../../src/transport/transport.js';
import { keyscan } from '../../src/access/keyscan.js';
import { freePort, sshdTarget, startSshd, type TestSshd } from '../helpers/sshd.js';

let sshd: TestSshd;
const open: SshTransport[] = [];

function transport(
  t: Awaited<ReturnType<typeof sshdTarget>>,
  options: ConstructorParameters<typeof SshTransport>[1] = {},
) {
  const tr = new SshTransport(t, options);
  open.push(tr);
  return tr;
}

async function refusal(p: Promise<unknown>): Promise<TransportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TransportError);
    return err as TransportError;
  }
  throw new Error('expected a TransportError, got a result');
}

beforeAll(async () => {
  sshd = await startSshd();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

afterAll(async () => {
  await sshd?.stop();
});

describe('login', () => {
  test('exec works with an ed25519 key', async () => {
    const tr = transport(await sshdTarget(sshd));
    const r = await tr.exec(['id', '-un']);
    expect(r).toMatchObject({ code: 0, signal: null, timedOut: false, truncated: false });
    expect(r.stdout.trim()).toBe(sshd.user);
    expect(tr.describe).toBe(`${sshd.user}@127.0.0.1:${sshd.port}`);
  });

  test('exec works with an RSA key', async () => {
    const tr = transport(await sshdTarget(sshd, { privateKey: sshd.keys.rsa.path }));
    expect((await tr.exec(['echo', 'rsa'])).stdout).toBe('rsa\n');
  });

  test('an encrypted key opens with the right passphrase from the injected env', async () => {
    const tr = transport(await sshdTarget(sshd, { privateKey: sshd.keys.encrypted.path }), {
      env: { OMS_CHATOPS_KEY_PASSPHRASE: sshd.keys.encrypted.passphrase },
    });
    expect((await tr.exec(['echo', 'ok'])).code).toBe(0);
  });

  test('a key shared by several targets is parsed once per process; a changed file or passphrase is not reused', async () => {
    const { path, passphrase } = sshd.keys.encrypted;
    const first = await loadPrivateKey(path, passphrase);
    expect(await loadPrivateKey(path, passphrase)).toBe(first);
    // Another passphrase is another parse (and a wrong one is still refused after a good one).
    const wrong = await loadPrivateKey(path, 'nope').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'key_passphrase' });
    // The file is read every time: new bytes under the same path are parsed again.
    const other = readFileSync(sshd.keys.ed25519.path);
    const replaced = await loadPrivateKey(path, passphrase, async () => other);
    expect(replaced).not.toBe(first);
    expect(replaced.getPublicSSH().equals(first.getPublicSSH())).toBe(false);
    // Three targets with the one passphrase-protected key log in, each its own connection.
    const before = sshd.acceptedLogins();
    const t = await sshdTarget(sshd, { privateKey: path });
    const trs = [1, 2, 3].map(() => transport(t, { env: { OMS_CHATOPS_KEY_PASSPHRASE: passphrase } }));
    const outs = await Promise.all(trs.map((tr) => tr.exec(['echo', 'ok'])));
    expect(outs.map((r) => r.stdout)).toEqual(['ok\n', 'ok\n', 'ok\n']);
    expect(sshd.acceptedLogins() - before).toBe(3);
  });

  test('a wrong or missing passphrase is key_passphrase, before connecting', async () => {
    const t = await sshdTarget(sshd, { privateKey: sshd.keys.encrypted.path });
    const wrong = await refusal(transport(t, { env: { OMS_CHATOPS_KEY_PASSPHRASE: 'nope' } }).exec(['true']));
    expect(wrong.code).toBe('key_passphrase');
    expect(wrong.message).toMatch(/does not open/);
    const none = await refusal(transport(t).exec(['true']));
    expect(none.code).toBe('key_passphrase');
    expect(none.message).toMatch(/not set/);
  });

  test('a missing or non-key file is key_unreadable', async () => {
    const missing = await refusal(
      transport(await sshdTarget(sshd, { privateKey: join(sshd.dir, 'nope') })).exec(['true']),
    );
    expect(missing.code).toBe('key_unreadable');
    expect(missing.message).toMatch(/no such file/);
    const garbage = join(sshd.dir, 'garbage');
    writeFileSync(garbage, 'not a key\n');
    const bad = await refusal(transport(await sshdTarget(sshd, { privateKey: garbage })).exec(['true']));
    expect(bad.code).toBe('key_unreadable');
    const pub = await refusal(
      transport(await sshdTarget(sshd, { privateKey: `${sshd.keys.ed25519.path}.pub` })).exec(['true']),
    );
    expect(pub.code).toBe('key_unreadable');
  });

  test('a key the server does not accept is auth_failed', async () => {
    const e = await refusal(transport(await sshdTarget(sshd, { privateKey: sshd.keys.stranger.path })).exec(['true']));
    expect(e.code).toBe('auth_failed');
    expect(e.hint).toMatch(/authorized_keys/);
  });

  test('an unknown user is auth_failed', async () => {
    const e = await refusal(transport(await sshdTarget(sshd, { user: 'no-such-user-oms' })).exec(['true']));
    expect(e.code).toBe('auth_failed');
    expect(e.message).toMatch(/no-such-user-oms/);
  });
});

describe('host key pinning', () => {
  const knownHosts = (text: string) => {
    const file = join(sshd.dir, `known_hosts_${randomBytes(4).toString('hex')}`);
    writeFileSync(file, text);
    return file;
  };
  const hostB64 = (type: string) => sshd.hostKeys[type]!.publicLine.split(/\s+/).slice(0, 2).join(' ');

  test('a different pinned key is host_key_mismatch and shows the presented fingerprint', async () => {
    const wrong = 'SHA256:' + createHash('sha256').update('not the key').digest('base64').replace(/=+$/, '');
    const e = await refusal(transport(await sshdTarget(sshd, { hostKey: wrong })).exec(['true']));
    expect(e.code).toBe('host_key_mismatch');
    expect(e.message).toContain(sshd.hostKeys.ed25519!.fingerprint);
    expect(e.message).toContain(wrong);
    expect(e.hint).toContain(`hostKey: "${sshd.hostKeys.ed25519!.fingerprint}"`);
    expect(e.hint).toContain('oms-chatops keyscan test-sshd');
  });

  test('nothing pinned is host_key_unknown: no silent trust', async () => {
    const e = await refusal(transport(await sshdTarget(sshd, { hostKey: undefined })).exec(['true']));
    expect(e.code).toBe('host_key_unknown');
    expect(e.message).toContain(sshd.hostKeys.ed25519!.fingerprint);
    expect(e.hint).toMatch(/hostKey: "SHA256:/);
  });

  test('known_hosts with a [host]:port entry is accepted', async () => {
    const file = knownHosts(`# test\n[127.0.0.1]:${sshd.port} ${hostB64('ed25519')}\n`);
    const tr = transport(await sshdTarget(sshd, { hostKey: undefined, knownHosts: file }));
    expect((await tr.exec(['true'])).code).toBe(0);
  });

  test('known_hosts with a hashed entry is accepted', async () => {
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update(`[127.0.0.1]:${sshd.port}`).digest('base64');
    const file = knownHosts(`|1|${salt.toString('base64')}|${hash} ${hostB64('ed25519')}\n`);
    const tr = transport(await sshdTarget(sshd, { hostKey: undefined, knownHosts: file }));
    expect((await tr.exec(['true'])).code).toBe(0);
  });

  test('known_hosts holding only an RSA key for the host is accepted (the RSA key is asked for)', async () => {
    const file = knownHosts(`other.example,[127.0.0.1]:${sshd.port} ${hostB64('rsa')}\n`);
    const tr = transport(await sshdTarget(sshd, { hostKey: undefined, knownHosts: file }));
    expect((await tr.exec(['true'])).code).toBe(0);
  });

  test('a plain host name entry is for port 22 only; on another port it is unknown', async () => {
    const file = knownHosts(`127.0.0.1 ${hostB64('ed25519')}\n`);
    const e = await refusal(transport(await sshdTarget(sshd, { hostKey: undefined, knownHosts: file })).exec(['true']));
    expect(e.code).toBe('host_key_unknown');
  });

  test('known_hosts with another key for the host is host_key_mismatch; @revoked is refused', async () => {
    const other = `ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), randomBytes(32)]).toString('base64')}`;
    const mismatch = await refusal(
      transport(
        await sshdTarget(sshd, { hostKey: undefined, knownHosts: knownHosts(`[127.0.0.1]:${sshd.port} ${other}\n`) }),
      ).exec(['true']),
    );
    expect(mismatch.code).toBe('host_key_mismatch');
    expect(mismatch.message).toContain(sshd.hostKeys.ed25519!.fingerprint);
    const revoked = await refusal(
      transport(
        await sshdTarget(sshd, {
          hostKey: undefined,
          knownHosts: knownHosts(`@revoked * ${hostB64('ed25519')}\n[127.0.0.1]:${sshd.port} ${hostB64('ed25519')}\n`),
        }),
      ).exec(['true']),
    );
    expect(revoked.code).toBe('host_key_mismatch');
    expect(revoked.message).toMatch(/revoked/);
  });

  test('keyscan reports the key the transport then accepts', async () => {
    const t = await sshdTarget(sshd, { hostKey: undefined });
    const r = await keyscan(t);
    expect(r).toMatchObject({ keyType: 'ssh-ed25519', fingerprint: sshd.hostKeys.ed25519!.fingerprint });
    expect(r.knownHostsLine).toBe(`[127.0.0.1]:${sshd.port} ${hostB64('ed25519')}`);
    const tr = transport(await sshdTarget(sshd, { hostKey: r.fingerprint }));
    expect((await tr.exec(['true'])).code).toBe(0);
    // keyscan never logs in
    expect(sshd.log()).not.toMatch(/oms-chatops-keyscan.*Accepted/);
  });
});

describe('connection failures', () => {
  test('nothing listening is connect_refused with a plain hint', async () => {
    const port = await freePort();
    const e = await refusal(transport(await sshdTarget(sshd, { port })).exec(['true']));
    expect(e.code).toBe('connect_refused');
    expect(e.message).toContain(`127.0.0.1:${port}`);
    expect(e.hint).toMatch(/sshd running/);
    const k = await refusal(keyscan({ name: 'x', host: '127.0.0.1', port }));
    expect(k.code).toBe('connect_refused');
  });
});

describe('commands', () => {
  test('arguments arrive unchanged, one argv element each', async () => {
    const args = [
      'with space',
      "single ' quote",
      'double " quote',
      '$HOME',
      '`id`',
      '$(id)',
      'a; rm -rf /tmp/nothing',
      'line1\nline2',
      '中文 ünïcödé 🚀',
      '',
      '*',
      '\\back\\slash',
      '-n',
      '&& | > <',
    ];
    const tr = transport(await sshdTarget(sshd));
    const r = await tr.exec(['printf', '%s\\0', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(args);
  });

  test('exit codes, stderr, and 127 for a missing program', async () => {
    const tr = transport(await sshdTarget(sshd));
    const fail = await tr.exec(['ls', '/no/such/path']);
    expect(fail.code).not.toBe(0);
    expect(fail.stderr).toMatch(/No such file/);
    const missing = await tr.exec(['no-such-program-oms']);
    expect(missing.code).toBe(127);
    expect(missing.timedOut).toBe(false);
  });

  test('huge output is capped at maxBytes per stream with truncated=true', async () => {
    const tr = transport(await sshdTarget(sshd));
    const r = await tr.exec(['seq', '1', '2000000'], { maxBytes: 100_000, timeoutMs: 20_000 });
    expect(r.truncated).toBe(true);
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBe(100_000);
    expect(r.stdout.startsWith('1\n2\n3\n')).toBe(true);
    const full = await tr.exec(['seq', '1', '2000000'], { timeoutMs: 20_000 });
    expect(Buffer.byteLength(full.stdout)).toBe(1024 * 1024);
    expect(full.truncated).toBe(true);
    const small = await tr.exec(['seq', '1', '3']);
    expect(small).toMatchObject({ stdout: '1\n2\n3\n', truncated: false });
  });
});

describe('connection reuse', () => {
  test('sequential and concurrent execs share one TCP connection', async () => {
    const before = sshd.acceptedLogins();
    const tr = transport(await sshdTarget(sshd));
    for (let i = 0; i < 5; i++) expect((await tr.exec(['echo', String(i)])).stdout).toBe(`${i}\n`);
    await Promise.all(Array.from({ length: 10 }, (_, i) => tr.exec(['echo', String(i)])));
    expect(tr.stats.connections).toBe(1);
    // sshd writes its log asynchronously
    for (let i = 0; i < 20 && sshd.acceptedLogins() - before < 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(sshd.acceptedLogins() - before).toBe(1);
  });

  test('the connection closes after the idle period and reopens on demand', async () => {
    const tr = transport(await sshdTarget(sshd), { idleCloseMs: 300 });
    await tr.exec(['true']);
    expect(tr.connected).toBe(true);
    for (let i = 0; i < 30 && tr.connected; i++) await new Promise((r) => setTimeout(r, 100));
    expect(tr.connected).toBe(false);
    expect((await tr.exec(['echo', 'again'])).stdout).toBe('again\n');
    expect(tr.stats.connections).toBe(2);
  });

  test('close() releases the connection and the transport can be used again', async () => {
    const tr = transport(await sshdTarget(sshd));
    await tr.exec(['true']);
    await tr.close();
    expect(tr.connected).toBe(false);
    expect((await tr.exec(['echo', 'x'])).code).toBe(0);
  });
});
