import { describe, expect, it } from '@jest/globals';
import { BACKEND_ENV_ALLOWLIST, redactEnvFile } from '../../../src/support-bundle/env-allowlist.js';

describe('redactEnvFile', () => {
  it('keeps allowlisted values and key names, hides every other value, comment and stray line', () => {
    const text = [
      '\uFEFFDEBUG=False',
      'export ALLOWED_HOSTS=a,b',
      '# SECRET_KEY=old-secret',
      'SOME_NEW_SETTING=who-knows',
      'EMPTY=',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEow',
      '',
    ].join('\r\n');
    expect(redactEnvFile(text, BACKEND_ENV_ALLOWLIST).split('\n')).toEqual([
      'DEBUG=False',
      'export ALLOWED_HOSTS=a,b',
      '# «comment hidden»',
      'SOME_NEW_SETTING=«redacted»',
      'EMPTY=',
      '«redacted»',
      '«redacted»',
      '',
    ]);
  });
});
