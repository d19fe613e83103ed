import { describe, expect, it } from '@jest/globals';
import { gated, gatedSources } from '../../../src/intent/gated.js';

/**
 * The same answers from the expression and from its gated form, on texts with and without its gate's literals: the
 * same calls in the same order on both (a global expression's test and exec go on from its lastIndex).
 */
function sameAsExpression(re: RegExp, texts: string[]): void {
  const g = gated(new RegExp(re.source, re.flags));
  const plain = new RegExp(re.source, re.flags);
  for (const text of texts) {
    const calls = (r: RegExp | typeof g) => [
      text.replace(r, '<$&>'),
      text.replace(r, (m: string) => m.toUpperCase()),
      text.search(r),
      r.test(text),
      r.exec(text)?.[0] ?? null,
      r.test(text),
    ];
    expect([text, ...calls(g)]).toEqual([text, ...calls(plain)]);
  }
}

describe('a gated expression', () => {
  it('answers as its expression, whether the text holds its literals or not', () => {
    sameAsExpression(/(?:在|用|通过)\s*(?:jenkins|ansible)\s*(?:里|上)/g, [
      '在 jenkins 里跑的部署',
      '用ansible上线以后后端起不来',
      '后端起不来',
      '',
      'jenkins 本身挂了',
    ]);
  });

  it('finds its literals whatever their case when the expression ignores case', () => {
    sameAsExpression(/\bmain pid: (\d+)/i, ['   Main PID: 4410 (gunicorn)', 'MAIN PID: 12', 'pid 12', 'main pid 12']);
  });

  it('finds upper-case literals of an expression that keeps case, and no match in the wrong case', () => {
    sameAsExpression(/\bSIG(?:TERM|KILL)\b/, ['Worker (pid:1) was sent SIGTERM!', 'was sent sigterm', 'SIGHUP']);
  });

  it('always runs an expression with an alternative that holds no literal', () => {
    sameAsExpression(/^\s*$|[0-9]{3}/, ['', '   ', 'status 502', 'nothing here']);
  });

  it('leaves a global expression ready for the next text after a text without its literals', () => {
    const g = gated(/jenkins/g);
    expect(g.test('jenkins jenkins')).toBe(true);
    expect(g.re.lastIndex).toBeGreaterThan(0);
    expect(g.test('nothing of it')).toBe(false);
    expect(g.re.lastIndex).toBe(0);
    expect(g.test('jenkins')).toBe(true);
  });

  it('is listed for the gates written to src/intent/expression-gates.json', () => {
    const g = gated(/gated-list-probe-[a-z]+/);
    expect(gatedSources()).toContain(g.re.source);
  });
});
