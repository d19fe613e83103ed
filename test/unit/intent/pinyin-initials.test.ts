import { expandInitials, readsAsPinyin } from '../../../src/intent/pinyin-initials.js';
import { splitSyllables } from '../../../src/intent/pinyin.js';

const isPinyin = (t: string) => splitSyllables(t) !== null;

describe('expandInitials', () => {
  it('reads a token of known abbreviations as their syllables', () => {
    expect(expandInitials('hdqbl')).toEqual(['hou', 'duan', 'qi', 'bu', 'lai']);
    expect(expandInitials('DL')).toEqual(['deng', 'lu']);
  });

  it('is null for vowels, one letter, or a piece the table does not know', () => {
    expect(expandInitials('hello')).toBeNull();
    expect(expandInitials('h')).toBeNull();
    expect(expandInitials('hdx')).toBeNull();
  });
});

describe('readsAsPinyin', () => {
  it('a message of initials, or with a pinyin word and no English one, is pinyin', () => {
    expect(readsAsPinyin(['hdqbl', ' ', 'zmb'], isPinyin)).toBe(true);
    expect(readsAsPinyin(['jk', '404', 'le'], isPinyin)).toBe(true);
  });

  it('English chat is not, even with words that are also syllables', () => {
    expect(readsAsPinyin(['the', 'dl', 'link', 'is', 'broken'], isPinyin)).toBe(false);
    expect(readsAsPinyin(['dl', 'for', 'me'], isPinyin)).toBe(false);
    expect(readsAsPinyin(['404'], isPinyin)).toBe(false);
  });
});
