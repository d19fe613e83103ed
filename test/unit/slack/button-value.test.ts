import { decodeButtonValue, encodeButtonValue } from '../../../src/slack/button-value.js';

describe('button values', () => {
  it('round-trip', () => {
    const v = { v: 1 as const, k: 'action' as const, a: 'restart-backend', t: 'prod', p: 'login', f: 'backend-down' };
    expect(decodeButtonValue(encodeButtonValue(v))).toEqual({ ok: true, value: v });
  });

  it.each([
    [undefined, /no valid value/],
    ['x'.repeat(2001), /no valid value/],
    ['{', /not JSON/],
    ['[]', /invalid/],
    [JSON.stringify({ v: 2, k: 'show', p: 'login' }), /invalid \(v/],
    [JSON.stringify({ v: 1, k: 'reboot' }), /invalid/],
    [JSON.stringify({ v: 1, k: 'show', p: '../../etc/passwd' }), /invalid \(p/],
    [JSON.stringify({ v: 1, k: 'show', p: 'login', extra: 1 }), /invalid/],
    [JSON.stringify({ v: 1, k: 'share', w: 'x', t: 'prod', d: 'ok', h: 'h', u: 'not-a-user' }), /invalid \(u/],
  ])('refuses %p', (raw, reason) => {
    const r = decodeButtonValue(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  const share = (u: string) => ({ v: 1 as const, k: 'share' as const, w: 'x', t: 'prod', d: 'ok' as const, h: 'h', u });

  it.each(['U1', 'W0123456789ABCDEFGHIJKLMNOPQRSTUV', 'U0ALICE', `W${'9'.repeat(200)}`])(
    'a Slack user id of any length (%s) encodes and decodes: ids are opaque',
    (u) => {
      expect(decodeButtonValue(encodeButtonValue(share(u)))).toEqual({ ok: true, value: share(u) });
    },
  );

  it.each(['u0alice', 'B0BOT', 'U', 'U0 ALICE', '<!channel>', `U${'1'.repeat(255)}`])('refuses the user id %p', (u) => {
    expect(decodeButtonValue(JSON.stringify(share(u))).ok).toBe(false);
  });

  it('encoding refuses values the schema would refuse', () => {
    expect(() => encodeButtonValue({ v: 1, k: 'show', p: 'a b' })).toThrow();
  });
});
