import { OTHER_SYSTEMS } from '../../../src/intent/other-systems.js';
import { SHARED_INFRA } from '../../../src/intent/shared-infra.js';
import {
  anywhere,
  CaselessExpression,
  hasTerm,
  isLiteral,
  literalTerm,
  lowerCaseSource,
  TermMatcher,
  wholeWord,
} from '../../../src/intent/term-scan.js';

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

  it('matches whole words as (?<![a-z0-9_])name(?![a-z0-9_]) did, and Chinese names anywhere', () => {
    const around = ['', ' ', '-', '_', 'a', 'Z', '9', '.', '库', 's', "'"];
    for (const key of ['mysql', 'load average', "vendor's", 'k8s', 'db'])
      for (const before of around)
        for (const after of around) {
          const text = `${before}${key}${after}`;
          const re = new RegExp(`(?<![a-z0-9_])${key}(?![a-z0-9_])`, 'i');
          expect([text, hasTerm(text.toLowerCase(), wholeWord(key))]).toEqual([text, re.test(text)]);
        }
    expect(hasTerm('连不上数据库了', anywhere('数据库'))).toBe(true);
  });

  it('keeps what is an expression as one, and answers for terms and expression together', () => {
    expect(isLiteral('gitlab')).toBe(true);
    expect(isLiteral('postgres\\w*')).toBe(false);
    expect(isLiteral('sql ?server')).toBe(false);
    const m = new TermMatcher([wholeWord('gitlab')], ['postgres\\w*']);
    expect(m.test('GitLab runner died')).toBe(true);
    expect(m.test('PostgreSQL 14 down')).toBe(true);
    expect(m.test('gitlabs')).toBe(false);
    expect(new TermMatcher([]).test('anything')).toBe(false);
  });

  it('tells other systems and shared infrastructure apart as before', () => {
    expect(OTHER_SYSTEMS.test('Jenkins 构建又挂了')).toBe(true);
    expect(OTHER_SYSTEMS.test('PostgreSQL 连接池满了')).toBe(true);
    expect(OTHER_SYSTEMS.test('rm: cannot remove /tmp/x')).toBe(true);
    expect(OTHER_SYSTEMS.test('超级管理员登录不上')).toBe(false);
    expect(OTHER_SYSTEMS.test('mysqldump 卡住')).toBe(false);
    expect(SHARED_INFRA.test('磁盘满了')).toBe(true);
    expect(SHARED_INFRA.test('the backups job')).toBe(true);
    expect(SHARED_INFRA.test('dbx')).toBe(false);
  });
});

describe('expressions matched case-insensitively', () => {
  it('are lower-case outside their escapes, or keep the flag', () => {
    expect(lowerCaseSource(String.raw`\bnginx\S*\s+\W\p{Lu}`)).toBe(true);
    expect(lowerCaseSource(String.raw`(?<![a-z0-9_])oms(?![a-z])`)).toBe(true);
    expect(lowerCaseSource('Main PID')).toBe(false);
    expect(lowerCaseSource('[A-Z]+')).toBe(false);
  });

  it('find in any case what the flag found', () => {
    const cases: Array<[string, string, boolean]> = [
      [String.raw`\bworker\b.*sigterm`, '[ERROR] Worker (pid:1) was sent SIGTERM!', true],
      [String.raw`\bworker\b.*sigterm`, 'Workers stopped', false],
      ['[A-Z]{3}-\\d', 'abc-1', true],
      ['Main PID: \\d+', 'main pid: 42', true],
      [String.raw`(?<![a-z])oms\b`, 'NOMS down', false],
      [String.raw`(?<![a-z])oms\b`, 'the OMS backend', true],
    ];
    for (const [source, text, found] of cases) {
      expect([source, text, new CaselessExpression(source).test(text)]).toEqual([source, text, found]);
      expect(new RegExp(source, 'i').test(text)).toBe(found);
    }
  });
});
