import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinLexicon, detectConcepts } from '../../../src/intent/concepts.js';
import { LEXICON_PARTS } from '../../../src/intent/lexicon.js';
import { OTHER_SYSTEMS } from '../../../src/intent/other-systems.js';
import { SHARED_INFRA } from '../../../src/intent/shared-infra.js';
import { normalize } from '../../../src/intent/normalize.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { requiredLiterals, topAlternatives } from '../../../src/intent/required-literal.js';
import { anywhere, hasTerm, literalTerm, TermIndex, TermMatcher, wholeWord } from '../../../src/intent/term-scan.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'intent');

/** Messages of two fixture sets, their lines and clauses too (detectConcepts is also asked about parts). */
let read: string[] | undefined;
function texts(): string[] {
  if (read) return read;
  const out: string[] = [];
  for (const rel of ['eval.jsonl', 'round20/tune.jsonl', 'round13/tune.jsonl']) {
    for (const line of readFileSync(join(FIXTURES, rel), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = String((JSON.parse(line) as { text: unknown }).text);
      out.push(text, ...text.split('\n'), ...text.split(/[，,。；;]/));
    }
  }
  read = out.filter((t) => t.trim());
  return read;
}

describe('required literals (src/intent/required-literal.ts)', () => {
  it('reads the literals one of which every match holds, none when it cannot be sure', () => {
    const cases: Array<[string, string[] | undefined]> = [
      ['sql ?server', ['server']],
      ['postgres\\w*', ['postgres']],
      ['(?<!是)出事(?!了?\\s*[吗么嘛没?])', ['出事']],
      ['\\?(?!\\w+=)', ['?']],
      ['\\bQuick-Fix(?:es)?\\b', ['quick-fix']],
      ['a\\u0041bc', ['bc']],
      ['x{2}yz', ['yz']],
      ['[a-z]+_x', ['_x']],
      ['看哪|先看', ['看哪', '先看']],
      ['看哪|\\d+', undefined],
      ['(a)\\1', undefined],
      ['\\d+', undefined],
      ['(?:ab|cd)', ['ab', 'cd']],
      ['(?:淘宝|天猫)的?(?:app|账号)', ['淘宝', '天猫']],
      ['(?:licen[cs]es?|certs?)\\b.*?(?:expir\\w*|renew\\w*)', ['expir', 'renew']],
      ['(?:ab|c)?d', ['d']],
      ['(?:ab|cd)+e', ['ab', 'cd']],
      ['(?=abc)\\w', undefined],
      ['(?<n>xy|zw)', ['xy', 'zw']],
      ['(?:ab|)c', ['c']],
      ['Éa', ['a']],
    ];
    for (const [source, literals] of cases) expect([source, requiredLiterals(source)]).toEqual([source, literals]);
  });

  it('splits an expression at its top-level bars only', () => {
    expect(topAlternatives('看哪|先看|看什么')).toEqual(['看哪', '先看', '看什么']);
    expect(topAlternatives('a(?:b|c)|[|]d|\\|e')).toEqual(['a(?:b|c)', '[|]d', '\\|e']);
    expect(topAlternatives('abc')).toEqual(['abc']);
  });

  it("never gates away a match: every gated expression of the lexicon and the other systems' names", () => {
    const gated = [
      ...builtinLexicon().concepts.flatMap((c) => c.text.gated),
      ...OTHER_SYSTEMS.gated,
      ...SHARED_INFRA.gated,
    ];
    expect(gated.length).toBeGreaterThan(400);
    let compared = 0;
    for (const g of gated) {
      const re = new RegExp(g.source, 'i');
      for (const text of texts()) {
        const lower = text.toLowerCase();
        if (re.test(text)) expect([g.source, g.literals.some((l) => lower.includes(l))]).toEqual([g.source, true]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1_000_000);
  });
});

describe("the playbooks' signatures gated by their literals (src/intent/score.ts)", () => {
  it('never skip a line a signature matches', async () => {
    const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
    let gated = 0;
    for (const p of playbooks)
      for (const re of p.signatures) {
        const literals = requiredLiterals(re.source);
        if (literals === undefined) continue;
        gated++;
        for (const text of texts()) {
          const lower = text.toLowerCase();
          if (re.test(text)) expect([re.source, literals.some((l) => lower.includes(l))]).toEqual([re.source, true]);
        }
      }
    expect(gated).toBeGreaterThan(50);
  });
});

describe('one pass for many terms (TermIndex, src/intent/term-scan.ts)', () => {
  it('finds what one search per term finds, at every edge', () => {
    const keys = ['worker', 'work', 'or', '502', 'oom', 'x', '登录', '登', 'log in', 'nginx -t', '/api/', 'a-b'];
    const terms = [...keys.map(literalTerm), wholeWord('db'), anywhere('录不')];
    const index = new TermIndex(terms.map((t, i) => [t, i] as const));
    const around = ['', ' ', '-', '_', 'a', '1', '.', '登', 's', 'ing', 'db', 'x'];
    for (const key of [...keys, 'db', '录不'])
      for (const before of around)
        for (const after of around) {
          const lower = `${before}${key}${after} and ${after}${key}`.toLowerCase();
          const found = new Set<number>();
          index.scan(lower, (i) => (found.add(i), false));
          const expected = terms.flatMap((t, i) => (hasTerm(lower, t) ? [i] : []));
          expect([lower, [...found].sort((a, b) => a - b)]).toEqual([lower, expected]);
        }
  });

  it('tells apart terms whose first two characters share a bucket', () => {
    // 耀 (U+8000) and U+0000 differ only in the bit the folded key drops, and so do U+8041 and A (U+0041).
    const terms = [anywhere('耀x'), anywhere('\u0000x'), anywhere('\u8041x'), anywhere('Ax')];
    const index = new TermIndex(terms.map((t, i) => [t, i] as const));
    for (const text of ['耀x', '\u0000x', '\u8041x', 'Ax', '耀y Ax', '\u8041y', 'ax']) {
      const found = new Set<number>();
      index.scan(text, (i) => (found.add(i), false));
      const expected = terms.flatMap((t, i) => (hasTerm(text, t) ? [i] : []));
      expect([text, [...found].sort((a, b) => a - b)]).toEqual([text, expected]);
    }
  });

  it('stops when told to', () => {
    const index = new TermIndex([[anywhere('a'), 1] as const, [anywhere('b'), 2] as const]);
    const seen: number[] = [];
    index.scan('xaxb', (owner) => (seen.push(owner), true));
    expect(seen).toEqual([1]);
  });

  it('a matcher answers as the alternation of its terms and expressions', () => {
    const expressions = ['postgres\\w*', 'sql ?server|mongo(?:db)?', '(?:^|\\s)rm: ', '第三方|\\bthird[- ]party\\b'];
    const terms = ['gitlab', 'jenkins', 'k8s', 'load average', 'x-ray', 'harbor', 'argo', 'nexus'];
    const many = new TermMatcher([...terms.map(wholeWord), anywhere('消息队列')], expressions);
    const union = new RegExp(
      [...terms.map((t) => `(?<![a-z0-9_])${t}(?![a-z0-9_])`), '消息队列', ...expressions].join('|'),
      'i',
    );
    for (const text of [...texts(), 'PostgreSQL 14', 'SQLServer', 'rm: cannot', 'third-party 接口', 'GitLabs']) {
      expect([text, many.test(text)]).toEqual([text, union.test(text)]);
    }
  });
});

describe('concepts found through the index (detectConcepts)', () => {
  it('are those each concept alone finds, in the lexicon order', () => {
    const lex = builtinLexicon();
    const sources = new Map<string, { re?: string[] }>();
    for (const [, source] of LEXICON_PARTS)
      for (const [id, c] of Object.entries(source)) sources.set(id, c as { re?: string[] });
    const unions = new Map(
      lex.concepts.map((c) => {
        const re = sources.get(c.id)?.re ?? [];
        return [c.id, re.length > 0 ? new RegExp(re.map((r) => `(?:${r})`).join('|'), 'i') : undefined] as const;
      }),
    );
    for (const text of texts()) {
      const plain = normalize(text);
      const lower = plain.toLowerCase();
      const expected = lex.concepts
        .filter((c) => c.text.terms.some((t) => hasTerm(lower, t)) || (unions.get(c.id)?.test(plain) ?? false))
        .map((c) => c.id);
      expect([text, [...detectConcepts(lex, plain, '')]]).toEqual([text, expected]);
    }
  });

  it("find in a pinyin stream what a search for each of the lexicon's forms finds, in the forms' order", () => {
    const lex = builtinLexicon();
    detectConcepts(lex, '', ' deng lu ');
    const forms = lex.pinyin!;
    const streams = [
      ' deng lu bu shang ',
      ' hou duan qi bu lai | jie kou 404 ',
      ' chao guan deng lu bu shang | hou tai da bu kai | deng lu ',
      ' a b | deng ',
      ' | ',
      ...forms.slice(0, 40).map(([form]) => `${form}| x${form}`),
    ];
    for (const stream of streams) {
      const expected = [...new Set(forms.filter(([form]) => stream.includes(form)).map(([, id]) => id))];
      expect([stream, [...detectConcepts(lex, '', stream)]]).toEqual([stream, expected]);
    }
  });
});
