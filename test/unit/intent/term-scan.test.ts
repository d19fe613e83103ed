import { hasTerm, literalTerm } from '../../../src/intent/term-scan.js';

/** The expression a term used to be (one alternative of its concept's pattern): the reference for the scan. */
function asExpression(key: string): RegExp {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (/[\u3400-\u9fff]/.test(key)) return new RegExp(escaped, 'i');
  const start = /^[a-z0-9_]/.test(key) ? '(?<![a-z0-9_-])' : '';
  const end = /[a-z0-9_]$/.test(key)
    ? /[a-z]$/.test(key)
      ? '(?:s|es|ed|ing)?(?![a-z0-9_])'
      : '(?:s)?(?![a-z0-9_])'
    : '';
  return new RegExp(`${start}${escaped}${end}`, 'i');
}

describe('literal terms (src/intent/term-scan.ts)', () => {
  it('finds Chinese terms anywhere and latin ones as whole words with their endings', () => {
    expect(hasTerm('超管登录不上', literalTerm('登录'))).toBe(true);
    expect(hasTerm('the workers restarted', literalTerm('worker'))).toBe(true);
    expect(hasTerm('it restarting again', literalTerm('restart'))).toBe(true);
    expect(hasTerm('networker down', literalTerm('worker'))).toBe(false);
    expect(hasTerm('pre-worker', literalTerm('worker'))).toBe(false);
    expect(hasTerm('workerpool', literalTerm('worker'))).toBe(false);
    expect(hasTerm('502s everywhere', literalTerm('502'))).toBe(true);
    expect(hasTerm('5021 rows', literalTerm('502'))).toBe(false);
    expect(hasTerm('/api/ gives 404', literalTerm('/api/'))).toBe(true);
  });

  it('answers as the expressions did, on every term against texts built around it', () => {
    const terms = ['worker', 'log in', '502', 'oom', 'x_y', '/api/', 'c++', '登录', 'nginx -t', 'a-b', '.env'];
    const around = ['', ' ', '-', '_', 'a', 'A', '1', '.', '登', 's', 'es', 'ed', 'ing', 'ings', 's1', 'ss', 'e'];
    let compared = 0;
    for (const key of terms) {
      const term = literalTerm(key);
      const re = asExpression(key);
      for (const before of around)
        for (const after of around)
          for (const text of [
            `${before}${key}${after}`,
            `${before}${key}${after} ${key}`,
            `${before}${key.toUpperCase()}${after}`,
          ]) {
            expect([text, hasTerm(text.toLowerCase(), term)]).toEqual([text, re.test(text)]);
            compared++;
          }
    }
    expect(compared).toBe(terms.length * 17 * 17 * 3);
  });
});
