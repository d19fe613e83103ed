import { createHmac, randomBytes } from 'node:crypto';
import {
  describeHostKeyRefusal,
  fingerprint,
  hostFieldMatches,
  keyType,
  parseKnownHosts,
  pinnedKeyAlgorithms,
  verifyHostKey,
} from '../../../src/transport/host-key.js';

/** A host public key line as in /etc/ssh/ssh_host_ed25519_key.pub (from ssh-keygen). */
const ED25519_PUB = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHvq2OkRvmf41QJ3ykYn5yUu/Jn5UaJkYCAJ/rvQtVIv';
/** What `ssh-keygen -lf` prints for the line above (OpenSSH 9.2). */
const ED25519_FP = 'SHA256:LOBG+Cuq2VoubYy4zWpu5whCtHfewcEc8eelv7akUrw';
const blob = Buffer.from(ED25519_PUB.split(' ')[1]!, 'base64');

function fakeBlob(type: string): Buffer {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, Buffer.from([0, 0, 0, 32]), randomBytes(32)]);
}

function hashed(name: string, salt = randomBytes(20)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('fingerprint', () => {
  test('is SHA256: + unpadded base64 of the blob, as ssh-keygen -lf prints', () => {
    expect(fingerprint(blob)).toBe(ED25519_FP);
    expect(fingerprint(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
  test('keyType reads the algorithm name from the blob; garbage is unknown', () => {
    expect(keyType(blob)).toBe('ssh-ed25519');
    expect(keyType(Buffer.from([0xff, 0xff, 0xff, 0xff, 1]))).toBe('unknown');
    expect(keyType(Buffer.alloc(2))).toBe('unknown');
  });
});

describe('parseKnownHosts', () => {
  test('skips comments, blank and malformed lines; keeps markers', () => {
    const text = [
      '# comment',
      '',
      `server1,10.0.0.1 ${ED25519_PUB} comment here`,
      'broken-line-without-key',
      `@revoked * ${ED25519_PUB}`,
      `@cert-authority *.example.com ${ED25519_PUB}`,
      'host ssh-rsa !!notbase64!!',
    ].join('\n');
    const entries = parseKnownHosts(text);
    expect(entries.map((e) => [e.marker, e.hosts, e.keyType, e.line])).toEqual([
      [undefined, 'server1,10.0.0.1', 'ssh-ed25519', 3],
      ['@revoked', '*', 'ssh-ed25519', 5],
      ['@cert-authority', '*.example.com', 'ssh-ed25519', 6],
    ]);
    expect(entries[0]!.keyBlob.equals(blob)).toBe(true);
  });
  test('CRLF files parse the same', () => {
    expect(parseKnownHosts(`a ${ED25519_PUB}\r\nb ${ED25519_PUB}\r\n`)).toHaveLength(2);
  });
});

describe('hostFieldMatches', () => {
  test('plain names match port 22 only; [host]:port for other ports', () => {
    expect(hostFieldMatches('172.29.91.61', '172.29.91.61', 22)).toBe(true);
    expect(hostFieldMatches('172.29.91.61', '172.29.91.61', 2222)).toBe(false);
    expect(hostFieldMatches('[172.29.91.61]:2222', '172.29.91.61', 2222)).toBe(true);
    expect(hostFieldMatches('[172.29.91.61]:2222', '172.29.91.61', 22)).toBe(false);
  });
  test('comma lists, wildcards, negation, case', () => {
    expect(hostFieldMatches('oms,OMS-Prod.example.com', 'oms-prod.example.com', 22)).toBe(true);
    expect(hostFieldMatches('*.example.com', 'oms.example.com', 22)).toBe(true);
    expect(hostFieldMatches('*.example.com,!bad.example.com', 'bad.example.com', 22)).toBe(false);
    expect(hostFieldMatches('10.0.0.?', '10.0.0.7', 22)).toBe(true);
    expect(hostFieldMatches('10.0.0.?', '10.0.0.17', 22)).toBe(false);
    // regex characters in names are literal
    expect(hostFieldMatches('10.0.0.1', '10a0b0c1', 22)).toBe(false);
  });
  test('hashed entries (HMAC-SHA1 of the name with the salt)', () => {
    expect(hostFieldMatches(hashed('172.29.91.61'), '172.29.91.61', 22)).toBe(true);
    expect(hostFieldMatches(hashed('[172.29.91.61]:2222'), '172.29.91.61', 2222)).toBe(true);
    expect(hostFieldMatches(hashed('172.29.91.62'), '172.29.91.61', 22)).toBe(false);
    expect(hostFieldMatches('|2|abc|def', '172.29.91.61', 22)).toBe(false);
    expect(hostFieldMatches('|1|broken', '172.29.91.61', 22)).toBe(false);
  });
});

describe('verifyHostKey', () => {
  const pin = { host: '172.29.91.61', port: 22 };

  test('nothing pinned: unknown, never trusted', () => {
    expect(verifyHostKey(pin, blob)).toMatchObject({ ok: false, code: 'host_key_unknown', presented: ED25519_FP });
    expect(verifyHostKey({ ...pin, knownHostsText: `other ${ED25519_PUB}\n` }, blob)).toMatchObject({
      code: 'host_key_unknown',
    });
  });
  test('hostKey pin: equal is ok (with or without = padding); different is mismatch', () => {
    expect(verifyHostKey({ ...pin, hostKey: ED25519_FP }, blob).ok).toBe(true);
    expect(verifyHostKey({ ...pin, hostKey: `${ED25519_FP}=` }, blob).ok).toBe(true);
    const other = fingerprint(fakeBlob('ssh-ed25519'));
    expect(verifyHostKey({ ...pin, hostKey: other }, blob)).toMatchObject({
      ok: false,
      code: 'host_key_mismatch',
      expected: [other],
    });
  });
  test('known_hosts: a matching key is ok; only other keys for the host is mismatch', () => {
    expect(verifyHostKey({ ...pin, knownHostsText: `${hashed('172.29.91.61')} ${ED25519_PUB}\n` }, blob).ok).toBe(true);
    const otherLine = `172.29.91.61 ssh-ed25519 ${fakeBlob('ssh-ed25519').toString('base64')}`;
    expect(verifyHostKey({ ...pin, knownHostsText: otherLine }, blob)).toMatchObject({ code: 'host_key_mismatch' });
    expect(verifyHostKey({ ...pin, knownHostsText: `${otherLine}\n172.29.91.61 ${ED25519_PUB}` }, blob).ok).toBe(true);
  });
  test('@revoked refuses the key even when pinned; @cert-authority pins nothing', () => {
    const revoked = verifyHostKey({ ...pin, hostKey: ED25519_FP, knownHostsText: `@revoked * ${ED25519_PUB}\n` }, blob);
    expect(revoked).toMatchObject({ ok: false, code: 'host_key_mismatch', revoked: true });
    expect(verifyHostKey({ ...pin, knownHostsText: `@cert-authority * ${ED25519_PUB}\n` }, blob)).toMatchObject({
      code: 'host_key_unknown',
    });
  });
  test('refusal messages show the presented fingerprint and how to pin it', () => {
    const where = { host: '172.29.91.61', port: 22, targetName: 'prod' };
    const unknown = verifyHostKey(pin, blob);
    if (unknown.ok) throw new Error('expected a refusal');
    const u = describeHostKeyRefusal(unknown, where);
    expect(u.message).toContain(ED25519_FP);
    expect(u.hint).toContain(`hostKey: "${ED25519_FP}"`);
    expect(u.hint).toContain('oms-chatops keyscan prod');
    const mismatch = verifyHostKey({ ...pin, hostKey: fingerprint(fakeBlob('ssh-ed25519')) }, blob);
    if (mismatch.ok) throw new Error('expected a refusal');
    expect(describeHostKeyRefusal(mismatch, where).message).toMatch(/CHANGED.*presented ssh-ed25519 SHA256:/);
  });
});

describe('pinnedKeyAlgorithms', () => {
  test('asks for the key types known_hosts holds for the host, in preference order', () => {
    const text = `[h]:2222 ssh-rsa ${fakeBlob('ssh-rsa').toString('base64')}\n[h]:2222 ${ED25519_PUB}\nother ecdsa-sha2-nistp256 ${fakeBlob('ecdsa-sha2-nistp256').toString('base64')}\n`;
    expect(pinnedKeyAlgorithms({ host: 'h', port: 2222, knownHostsText: text })).toEqual([
      'ssh-ed25519',
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(pinnedKeyAlgorithms({ host: 'nobody', port: 22, knownHostsText: text })).toBeUndefined();
    expect(pinnedKeyAlgorithms({ host: 'h', port: 2222, hostKey: ED25519_FP, knownHostsText: text })).toBeUndefined();
  });
});
