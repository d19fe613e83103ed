import { charWidth, clipWidth, displayWidth, padEndWidth, padStartWidth } from '../../../src/render/text-width.js';
import { COLOR } from '../../../src/render/style.js';

describe('displayWidth', () => {
  it.each([
    ['web1', 4],
    ['', 0],
    ['生产', 4],
    ['生产-web1', 9],
    ['登录失败：ALLOWED_HOSTS', 23], // fullwidth colon is wide
    ['（括号）', 8],
    ['한국', 4],
    ['ｗｅｂ', 6], // fullwidth Latin
    ['カナ', 4],
    ['𠀀', 2], // CJK Extension B, outside the BMP
    ['é', 1], // e + combining acute accent
    ['e\u0301', 1],
    ['a\u200db', 2], // zero-width joiner
    ['🔴', 2],
    ['✅ ok', 5],
    ['⏸', 1], // text-style symbol
    ['—…', 2],
    ['a\tb', 2], // controls take no column
  ])('%j is %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });

  it('ignores colour sequences', () => {
    expect(displayWidth(COLOR.red('生产'))).toBe(4);
  });

  it('charWidth: 2 for wide, 0 for a combining mark, 1 for Latin', () => {
    expect([charWidth('中'), charWidth('\u0301'), charWidth('a'), charWidth('\u3000')]).toEqual([2, 0, 1, 2]);
  });
});

describe('padEndWidth / padStartWidth', () => {
  it('pads by columns, so a Chinese cell and an ASCII cell end in the same column', () => {
    const a = padEndWidth('生产服务器', 12);
    const b = padEndWidth('web1', 12);
    expect(displayWidth(a)).toBe(12);
    expect(a).toBe('生产服务器  ');
    expect(b).toBe('web1        ');
    expect(padStartWidth('生产', 6)).toBe('  生产');
  });

  it('leaves text wider than the column as it is', () => {
    expect(padEndWidth('生产服务器', 4)).toBe('生产服务器');
  });

  it('pads coloured text by its visible width', () => {
    expect(padEndWidth(COLOR.red('好'), 4)).toBe(`${COLOR.red('好')}  `);
  });
});

describe('clipWidth', () => {
  it('keeps text that fits', () => {
    expect(clipWidth('生产', 4)).toBe('生产');
  });

  it('cuts by columns and ends in …', () => {
    const out = clipWidth('后端服务没有运行 backend down', 9);
    expect(out).toBe('后端服务…');
    expect(displayWidth(out)).toBeLessThanOrEqual(9);
  });

  it('never leaves half a wide character: the straddled column is not filled', () => {
    expect(clipWidth('ab生产', 4)).toBe('ab…');
    expect(displayWidth(clipWidth('ab生产', 4))).toBe(3);
  });

  it('keeps combining marks with their character', () => {
    expect(clipWidth('e\u0301e\u0301e\u0301x', 3)).toBe('e\u0301e\u0301…');
  });

  it('zero columns: empty', () => {
    expect(clipWidth('生产', 0)).toBe('');
  });
});
