import { connectError } from '../../../../src/transport/ssh/errors.js';
import { remoteCommand } from '../../../../src/transport/ssh/channel.js';

const where = { host: '172.29.91.61', port: 22, user: 'omsbot', targetName: 'prod' };

test.each([
  [
    { message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' },
    'connect_refused',
    /Nothing answers on 172\.29\.91\.61:22/,
  ],
  [{ message: 'getaddrinfo ENOTFOUND', code: 'ENOTFOUND' }, 'dns', /does not resolve/],
  [{ message: 'Timed out while waiting for handshake', level: 'client-timeout' }, 'connect_timeout', /No answer/],
  [{ message: 'connect EHOSTUNREACH', code: 'EHOSTUNREACH' }, 'connect_timeout', /No answer/],
  [
    { message: 'All configured authentication methods failed', level: 'client-authentication' },
    'auth_failed',
    /refused the login of "omsbot"/,
  ],
  [{ message: 'read ECONNRESET', code: 'ECONNRESET' }, 'disconnected', /ECONNRESET/],
])('%j → %s', (err, code, message) => {
  const e = connectError(err, where);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  expect(e.hint.length).toBeGreaterThan(10);
});

test('remote command: timeout -k, optional sudo -n, every argument quoted', () => {
  expect(remoteCommand(['cat', '/etc/os-release'], { timeoutMs: 10_000 })).toBe('timeout -k 2 10 cat /etc/os-release');
  expect(remoteCommand(['/usr/bin/systemctl', 'restart', 'oms-backend'], { timeoutMs: 60_000, sudo: true })).toBe(
    'timeout -k 2 60 sudo -n /usr/bin/systemctl restart oms-backend',
  );
  expect(remoteCommand(['echo', "it's; $(id)"], { timeoutMs: 250 })).toBe(`timeout -k 2 0.3 echo 'it'\\''s; $(id)'`);
  expect(() => remoteCommand([], { timeoutMs: 1000 })).toThrow(/empty/);
});
