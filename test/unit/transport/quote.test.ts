import { shellJoin, shellQuote } from '../../../src/transport/quote.js';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes everything else', () => {
    expect(shellQuote('systemctl')).toBe('systemctl');
    expect(shellQuote('/opt/OMS/backend/.env')).toBe('/opt/OMS/backend/.env');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(shellQuote('`id`;x\ny')).toBe("'`id`;x\ny'");
  });

  it('refuses NUL bytes, which no argv can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });

  it('joins argv into one line of quoted words', () => {
    expect(shellJoin(['curl', '-H', 'Host: 172.29.91.61', '-d', '{"u":"x"}'])).toBe(
      `curl -H 'Host: 172.29.91.61' -d '{"u":"x"}'`,
    );
  });
});
