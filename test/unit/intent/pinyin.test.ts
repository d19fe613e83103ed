import { pinyinReadings, pinyinStream, splitSyllables, toPinyin } from '../../../src/intent/pinyin.js';

describe('pinyin', () => {
  it.each([
    ['houduanjiekou', ['hou', 'duan', 'jie', 'kou']],
    ['qibulai', ['qi', 'bu', 'lai']],
    ['denglu', ['deng', 'lu']],
    ['zhengchang', ['zheng', 'chang']],
    ['xian', ['xian']],
    ['QiBuLai', ['qi', 'bu', 'lai']],
  ])('splits %s into syllables', (word, syllables) => {
    expect(splitSyllables(word)).toEqual(syllables);
  });

  it.each(['admin', 'service', 'nginx', 'sigterm', 'x86', ''])('does not read %s as pinyin', (word) => {
    expect(splitSyllables(word)).toBeNull();
  });

  it('joins words typed with or without spaces into one stream, broken by non-pinyin words', () => {
    expect(pinyinStream('houduan qibulai')).toBe(' hou duan qi bu lai ');
    expect(pinyinStream('hou duan qi bu lai')).toBe(' hou duan qi bu lai ');
    expect(pinyinStream('rizhi you SIGTERM ma')).toBe(' ri zhi you | ma ');
    expect(pinyinStream('lol')).toBe('');
    expect(pinyinStream('nginx 502')).toBe('');
  });

  it('converts Chinese terms to toneless syllables, polyphones in context', () => {
    expect(toPinyin('起不来')).toBe('qi bu lai');
    expect(toPinyin('重启')).toBe('chong qi');
    expect(toPinyin('django 后台')).toBe('hou tai');
  });

  it('adds the readings people type for a few polyphones (不了 as "bu le", 重启 as "zhong qi")', () => {
    expect(pinyinReadings('打不开')).toEqual(['da bu kai']);
    expect(pinyinReadings('不了')).toEqual(expect.arrayContaining(['bu liao', 'bu le']));
    expect(pinyinReadings('重启')).toEqual(expect.arrayContaining(['chong qi', 'zhong qi']));
    expect(pinyinReadings('')).toEqual([]);
  });
});
