import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURES } from '../helpers/capture.js';
import { REDACTED, redact, redactDeep, isSecretName } from '../../src/redact.js';

const envText = readFileSync(join(CAPTURES, 'healthy', 'backend-env.txt'), 'utf8');
const SECRETS = [
  'h6inws=y*4^9))7!nr*2l+ek-+p29%1k@@#mpnj8q5nj@r8!q&',
  'EVuWdnct2NUwk9oKAAJK',
  'nxcG0fXEWVsXKBOJWBPhDY26',
];

describe('redact', () => {
  it('removes every secret value of a real backend .env and keeps the rest', () => {
    const out = redact(envText);
    for (const s of SECRETS) expect(out).not.toContain(s);
    expect(out).toContain('ALLOWED_HOSTS=172.29.91.61,localhost,127.0.0.1');
    expect(out).toContain(`SECRET_KEY=${REDACTED}`);
    expect(out).toContain(`DATABASE_PASSWORD=${REDACTED}`);
    expect(out).toContain('DATABASE_USER=oms_app');
  });

  it('handles export, spaces, YAML style, JSON bodies, URLs with credentials, auth headers and Slack tokens', () => {
    const text = [
      'export API_TOKEN = abc123',
      'db_password: hunter2',
      '{"username":"admin","password":"p@ss\\"word"}',
      'DATABASE_URL=mysql://oms:s3cr3t@localhost/oms',
      'Authorization: Bearer eyJhbGciOi',
      'token xoxb-1234567890-abcdefghij',
      'AWS_ACCESS_KEY_ID=AKIAXXXXXXXX',
      '    proxy_set_header Authorization "Basic b21zOnNlY3JldA==";',
    ].join('\n');
    const out = redact(text);
    for (const s of [
      'abc123',
      'hunter2',
      'p@ss',
      's3cr3t',
      'eyJhbGciOi',
      'xoxb-1234567890',
      'AKIAXXXXXXXX',
      'b21zOnNlY3JldA==',
    ])
      expect(out).not.toContain(s);
    expect(out).toContain('"username":"admin"');
    expect(out).toContain('mysql://oms:');
  });

  it('redacts numeric JSON values under secret names', () => {
    const out = redact('{"username":"admin","password": 12345678,"port":8000}');
    expect(out).not.toContain('12345678');
    expect(out).toContain('"port":8000');
  });

  it('keeps CORS headers that only look secret by name', () => {
    expect(redact('Access-Control-Allow-Credentials: true')).toBe('Access-Control-Allow-Credentials: true');
    expect(isSecretName('Access-Control-Allow-Credentials')).toBe(false);
    expect(isSecretName('SECRET_KEY')).toBe(true);
    expect(isSecretName('REDIS_PORT')).toBe(false);
    expect(isSecretName('KEYBOARD_LAYOUT')).toBe(false);
    // *KEY* without a separator before it, too.
    for (const n of ['FERNETKEY', 'SIGNINGKEY', 'ENCRYPTIONKEY', 'api-key'])
      expect([n, isSecretName(n)]).toEqual([n, true]);
  });

  it('redacts NAME=value in the middle of a line (log lines, command lines, query strings)', () => {
    const out = redact('started with --env SECRET_KEY=abc123 and GET /cb?token=zz9&x=1 DEBUG=False');
    expect(out).not.toContain('abc123');
    expect(out).not.toContain('zz9');
    expect(out).toContain('DEBUG=False');
    expect(out).toContain('x=1');
  });

  it('redacts private key blocks', () => {
    const out = redact(
      'x\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\ny',
    );
    expect(out).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA');
    expect(out).toContain('y');
  });

  it('is idempotent: redacting already redacted text (renderer, then Outbox) keeps what follows a key block', () => {
    const once = redact(
      'x\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\nafter DEBUG=False SECRET_KEY=abc',
    );
    expect(once).toContain('after DEBUG=False');
    expect(redact(once)).toBe(once);
    // A key cut off by the output cap is still removed to the end.
    expect(redact('y\n-----BEGIN RSA PRIVATE KEY-----\nMIIEcut')).not.toContain('MIIEcut');
  });

  it('redacts deeply: values under secret keys and secrets inside strings', () => {
    const out = redactDeep({ facts: { SECRET_KEY: 'abc', port: 8000, lines: ['PASSWORD=zzz'] }, n: null });
    expect(out).toEqual({ facts: { SECRET_KEY: REDACTED, port: 8000, lines: [`PASSWORD=${REDACTED}`] }, n: null });
  });
});
