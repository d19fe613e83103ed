import { readFileSync } from 'node:fs';
import { buildShapeVariantsJson } from '../../../scripts/gen-shape-variants.js';
import { normalize } from '../../../src/intent/normalize.js';
import { foldShapes, shapeVariantsFile } from '../../../src/intent/shapes.js';

describe('foldShapes (handwriting input: look-alike characters of the lexicon words)', () => {
  it('reads a misshapen word as the word, the longest first', () => {
    expect(foldShapes('超级菅理员登不进去')).toBe('超级管理员登不进去');
    expect(foldShapes('用尸名和密玛都对')).toBe('用户名和密码都对');
    expect(foldShapes('系铳全坏了 路泾不对')).toBe('系统全坏了 路径不对');
    expect(normalize('菅理页面打不开')).toBe('管理页面打不开');
  });

  it('leaves words, parts of words and common characters alone', () => {
    for (const text of [
      '菅直人',
      '火铳',
      '什么提示也设有', // 设有 is a word
      '累得喘口气', // 喘口 is part of 喘口气, not 端口
      '触摸板坏了',
      '导入员工', // 入员 beside 导入 is not 人员
      '卡在登录页', // 卡 is too common to stand for 不
      '先不猜根因', // 不 alone is no evidence of 不清
      '登彔', // 彔 is in no frequency list: a handwriting pad hardly offers it
      'no chinese at all',
    ])
      expect(foldShapes(text)).toBe(text);
  });
});

describe('scripts/gen-shape-variants.ts (run `npm run gen:shapes` after editing a lexicon file)', () => {
  it('writes exactly the committed src/intent/shape-variants.json', () => {
    const built = buildShapeVariantsJson();
    expect(built === readFileSync(shapeVariantsFile(), 'utf8')).toBe(true);
    const table = JSON.parse(built) as Record<string, string>;
    expect(table['菅理员']).toBe('管理员');
    expect(table['设有']).toBeUndefined();
  });
});
