import { parseEnvFile } from '../../../src/checks/env-file.js';
import { parseSettingState, settingStates } from '../../../src/checks/setting-states.js';
import { redact } from '../../../src/redact.js';

describe('settingStates', () => {
  it('says set, empty or secret for each key, sorted, and never a value', () => {
    const env = 'SITE=oms-primary-site\nTZ=\nSECRET_KEY=abcdefghij0123456789\nDB_HOST=10.0.0.5\n';
    const states = settingStates(parseEnvFile(env).entries);
    expect(states.map((s) => s.replace(/[0-9a-f]{12}\)$/, 'PRINT)'))).toEqual([
      'DB_HOST (set PRINT)',
      'SECRET_KEY (secret)',
      'SITE (set PRINT)',
      'TZ (empty)',
    ]);
    expect(states.join('\n')).not.toMatch(/oms-primary-site|10\.0\.0\.5|abcdefghij/);
  });

  it('equal values give equal prints, different values different ones; a redacted value counts as a secret', () => {
    const print = (v: string) => parseSettingState(settingStates(parseEnvFile(`DB_HOST=${v}`).entries)[0]!);
    expect(print('10.0.0.5')).toEqual(print('10.0.0.5'));
    expect(print('10.0.0.5')).not.toEqual(print('10.0.0.6'));
    const redacted = redact('DATABASE_URL=mysql://oms:hunter2hunter2@db/oms');
    expect(settingStates(parseEnvFile(redacted).entries)).toEqual(['DATABASE_URL (secret)']);
  });

  it('reads its own entries back, and nothing else', () => {
    expect(parseSettingState('DB_HOST (set 0123456789ab)')).toEqual({
      key: 'DB_HOST',
      state: 'set',
      print: '0123456789ab',
    });
    expect(parseSettingState('TZ (empty)')).toEqual({ key: 'TZ', state: 'empty' });
    expect(parseSettingState('X (set hunter2)')).toBeUndefined();
    expect(parseSettingState('DB_HOST=10.0.0.5')).toBeUndefined();
  });

  it('survives the engine’s redaction of facts unchanged', () => {
    const states = settingStates(parseEnvFile('API_TOKEN=\nPASSWORD_HINT=x\nDB_HOST=h\n').entries);
    expect(states.map(redact)).toEqual(states);
  });
});
