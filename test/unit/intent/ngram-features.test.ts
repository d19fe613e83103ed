import { ngramFeatures } from '../../../src/intent/ngram-features.js';

describe('ngramFeatures', () => {
  it('reads Chinese as characters and character pairs, not as pinyin (that would load pinyin-pro)', () => {
    const f = ngramFeatures('超管登录');
    expect(f).toEqual(expect.arrayContaining(['c:超', 'c:录', 'b:超管', 'b:管登', 'b:登录']));
    expect(f).not.toContain('b:超登');
    expect(f.filter((x) => x.startsWith('p:') || x.startsWith('q:'))).toEqual([]);
  });

  it('reads typed pinyin as syllables and syllable pairs, spaced or not', () => {
    const syllables = (t: string) => ngramFeatures(t).filter((f) => f.startsWith('p:') || f.startsWith('q:'));
    expect(syllables('chaoguan denglu')).toEqual(
      expect.arrayContaining(['p:chao', 'p:lu', 'q:chao guan', 'q:deng lu']),
    );
    expect(syllables('chaoguan denglu').sort()).toEqual(syllables('chao guan deng lu').sort());
    expect(syllables('gunicorn')).toEqual([]);
  });

  it('reads latin words with their character trigrams inside word edges; numbers whole', () => {
    const f = ngramFeatures('Gunicorn restarted, HTTP 502');
    expect(f).toEqual(expect.arrayContaining(['w:gunicorn', 'w:restarted', 'w:502', 'g:<gu', 'g:ted', 'g:ed>']));
    expect(f.filter((x) => x.startsWith('g:') && x.includes('5'))).toEqual([]);
    expect(new Set(ngramFeatures('restarting')).has('g:<re')).toBe(true);
  });

  it('normalises first: full-width letters and case give the same features', () => {
    expect(ngramFeatures('ＮＧＩＮＸ 404').sort()).toEqual(ngramFeatures('nginx 404').sort());
  });

  it('counts a feature once and gives nothing for an empty message', () => {
    const f = ngramFeatures('登录 登录 登录');
    expect(f.filter((x) => x === 'b:登录')).toHaveLength(1);
    expect(ngramFeatures('')).toEqual([]);
  });
});
