import { builtinLexicon, compileLexicon, compileLexiconParts, detectConcepts } from '../../../src/intent/concepts.js';
import { LEXICON_PARTS } from '../../../src/intent/lexicon.js';
import { pinyinStream } from '../../../src/intent/pinyin.js';

const concepts = (text: string) => {
  const plain = text.normalize('NFKC').toLowerCase();
  return [...detectConcepts(builtinLexicon(), plain, pinyinStream(plain))].sort();
};

describe('the concept lexicon', () => {
  it('meets Chinese, English and pinyin in the same concepts', () => {
    for (const text of [
      '超管登录不上',
      'superuser login fails',
      'chaoguan denglu bushang',
      'chao guan deng lu bu shang',
    ])
      expect([text, concepts(text)]).toEqual([text, expect.arrayContaining(['fails', 'login', 'superuser'])]);
    for (const text of ['后端起不来', 'houduan qibulai', 'houduan qi bu lai', "the backend won't start"])
      expect([text, concepts(text)]).toEqual([text, expect.arrayContaining(['backend', 'down'])]);
  });

  it('matches latin terms as whole words only', () => {
    expect(concepts('the billing-service deploy')).not.toContain('service');
    expect(concepts('significant')).not.toContain('fails');
    expect(concepts('apis are returning 404')).toEqual(expect.arrayContaining(['api', 'not-found']));
    // A status code may be plural.
    expect(concepts('nginx is throwing 502s')).toContain('bad-gateway');
    expect(concepts('a few 4040 errors')).not.toContain('not-found');
  });

  it('names a unit file format only when a format is wrong or named as a file format', () => {
    expect(concepts('单元文件格式不对')).toContain('unit-format');
    expect(concepts('service 文件是 windows 格式')).toContain('unit-format');
    expect(concepts('能不能导出 pdf 格式的报表')).not.toContain('unit-format');
  });

  it('tells "everything looks fine" and "where do I start" apart from a problem', () => {
    expect(concepts('服务和端口看着都正常')).toContain('all-fine');
    expect(concepts('all looks green')).toContain('all-fine');
    expect(concepts('不知道从哪下手')).toContain('where-to-start');
    expect(concepts('what else should I look at')).toContain('where-to-start');
    expect(concepts('a new ip for the server')).not.toContain('create');
  });

  it('tells a port taken from memory in use, and "a few seconds" from "how many"', () => {
    expect(concepts('端口 8000 被别的进程占了')).toContain('in-use');
    expect(concepts('address already in use')).toContain('in-use');
    expect(concepts('后端内存占用越来越高')).not.toContain('in-use');
    expect(concepts('启动几秒就退出')).not.toContain('question');
    expect(concepts('要等几秒')).toContain('question');
  });

  it('reads "报什么错" as an error and "出事了先敲…" as a request for quick fixes', () => {
    expect(concepts('跑一下看看报什么错')).toContain('fails');
    expect(concepts('出事了先敲哪几条命令')).toContain('quick-fix');
    expect(concepts('帮我验证一下这个手机号')).not.toContain('by-hand');
    // A pasted error asks nothing.
    expect(concepts('bind() failed (98: address already in use)')).not.toContain('where');
    expect(concepts("what's the address of the admin")).toContain('where');
  });

  it('keeps 服务器 (the server) apart from 服务 (the service)', () => {
    expect(concepts('新服务器')).not.toContain('service');
    expect(concepts('后端服务')).toContain('service');
  });

  it('refuses a malformed lexicon naming the file, the concept and the problem', () => {
    expect(() => compileLexicon({ Login: { label: 'x', en: ['login'] } }, 'lex.ts')).toThrow(
      'lex.ts: concept "Login": the id must be kebab-case',
    );
    expect(() => compileLexicon({ login: { label: 'x', en: ['login', 'LOGIN'] } }, 'lex.ts')).toThrow(
      'lex.ts: concept "login": term "LOGIN" appears twice',
    );
    expect(() => compileLexicon({ login: { label: 'x', zh: ['login'] } }, 'lex.ts')).toThrow(
      /concept "login": zh\.0: a zh term needs Chinese characters/,
    );
    expect(() => compileLexicon({ login: { label: 'x', py: ['denglu'] } }, 'lex.ts')).toThrow(/py\.0: pinyin/);
    expect(() => compileLexicon({ login: { label: 'x', re: ['('] } }, 'lex.ts')).toThrow(/re "\(" is not a valid/);
    expect(() => compileLexicon({ login: { label: 'x', re: ['a*'] } }, 'lex.ts')).toThrow(/matches the empty string/);
    expect(() => compileLexicon({ login: { label: 'x', words: ['login'] } }, 'lex.ts')).toThrow(/concept "login"/);
    expect(() =>
      compileLexiconParts([
        ['a.ts', { login: { label: 'x', en: ['login'] } }],
        ['b.ts', { login: { label: 'y', en: ['sign in'] } }],
      ]),
    ).toThrow('b.ts: concept "login" is already defined in a.ts');
  });

  it('the built-in lexicon passes every check, empty matches included (not checked on each start)', () => {
    expect(compileLexiconParts(LEXICON_PARTS).concepts.map((c) => c.id)).toEqual(
      builtinLexicon().concepts.map((c) => c.id),
    );
    expect(() =>
      compileLexiconParts([['a.ts', { login: { label: 'x', re: ['a*'] } }]], { emptyMatches: false }),
    ).not.toThrow();
    expect(() => compileLexiconParts([['a.ts', { login: { label: 'x', re: ['a*'] } }]])).toThrow(
      /matches the empty string/,
    );
  });
});
