import { describeHostKey } from '../../../src/access/keyscan.js';

/** A host public key line as in /etc/ssh/ssh_host_ed25519_key.pub (from ssh-keygen). */
const ED25519_PUB = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHvq2OkRvmf41QJ3ykYn5yUu/Jn5UaJkYCAJ/rvQtVIv';
/** What `ssh-keygen -lf` prints for the line above (OpenSSH 9.2). */
const ED25519_FP = 'SHA256:LOBG+Cuq2VoubYy4zWpu5whCtHfewcEc8eelv7akUrw';
const blob = Buffer.from(ED25519_PUB.split(' ')[1]!, 'base64');

describe('keyscan output', () => {
  test('describeHostKey gives the config line and a known_hosts line', () => {
    expect(describeHostKey('172.29.91.61', 2222, blob)).toEqual({
      keyType: 'ssh-ed25519',
      fingerprint: ED25519_FP,
      knownHostsLine: `[172.29.91.61]:2222 ${ED25519_PUB}`,
      configLine: `hostKey: "${ED25519_FP}"`,
    });
  });
});
