import { worseStatus } from '../../../src/checks/status-rank.js';

describe('worseStatus', () => {
  it('keeps the worse of two statuses: error > fail > warn > ok = skipped', () => {
    expect(worseStatus('ok', 'warn')).toBe('warn');
    expect(worseStatus('fail', 'warn')).toBe('fail');
    expect(worseStatus('fail', 'error')).toBe('error');
    expect(worseStatus('ok', 'skipped')).toBe('ok');
    expect(worseStatus('skipped', 'ok')).toBe('skipped');
  });
});
