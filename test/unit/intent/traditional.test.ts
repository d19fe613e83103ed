import { describe, expect, it } from '@jest/globals';
import { normalize } from '../../../src/intent/normalize.js';
import { foldTraditional, hasTraditional } from '../../../src/intent/traditional.js';
import { TRADITIONAL_ONLY } from '../../../src/intent/traditional-chars.js';
import { traditionalOnlyCharacters } from '../../../src/intent/traditional-table.js';
import { answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

describe('foldTraditional', () => {
  it("folds Taiwan's words and traditional characters to the simplified form", () => {
    expect(foldTraditional('伺服器重開之後，後端服務起不來')).toBe('服务器重开之后，后端服务起不来');
    expect(foldTraditional('資料庫連線失敗')).toBe('数据库连接失败');
    expect(foldTraditional('超級管理員帳號登入失敗')).toBe('超级管理员帐号登录失败');
    expect(foldTraditional('記憶體不足')).toBe('内存不足');
  });

  it("folds Hong Kong's variant characters", () => {
    expect(hasTraditional('部署咗之後個網頁打唔開')).toBe(true);
    expect(foldTraditional('部署咗之後個網頁打唔開')).toBe('部署咗之后个网页打唔开');
  });

  it('leaves simplified text as it is, even words Taiwan writes otherwise', () => {
    for (const s of ['程式员写的程序', '用户界面和接口', '著名的后端', '后台登录失败', 'ALLOWED_HOSTS 没配', '']) {
      expect(hasTraditional(s)).toBe(false);
      expect(foldTraditional(s)).toBe(s);
    }
  });

  it('finds each traditional-only character wherever it stands, those written with two code units too', () => {
    const chars = [...TRADITIONAL_ONLY];
    expect(chars.some((c) => c.length === 2)).toBe(true);
    for (const c of chars) {
      expect([c, hasTraditional(`后端 ${c}`), hasTraditional(`${c}后端`)]).toEqual([c, true, true]);
    }
    // A character written with two code units that is not traditional-only (the one after such a character).
    const next = chars
      .filter((c) => c.length === 2)
      .map((c) => String.fromCodePoint(c.codePointAt(0)! + 1))
      .find((c) => !chars.includes(c))!;
    expect(next).toHaveLength(2);
    expect(hasTraditional(`后端${next}`)).toBe(false);
  });

  it('is part of normalize(), so phrases and messages meet in one form', () => {
    expect(normalize('後端 API 回傳 502')).toBe('后端 api 回传 502');
  });
});

describe('the matcher on traditional Chinese', () => {
  const answer = answerOverRealPlaybooks();

  it('reads a Taiwan or Hong Kong message as its simplified twin', () => {
    expect(answer('伺服器重開機以後，後端服務就一直起不來')).toMatchObject({ outcome: 'match', top: 'service-start' });
    expect(answer('超級管理員帳號在前端登入一直失敗')).toMatchObject({ top: 'login' });
    expect(answer('管理後台頁面樣式全部不見了')).toMatchObject({ top: 'admin' });
    expect(answer('請問後台怎樣批次匯入一批使用者帳號？')).toMatchObject({ section: 'admin#bulk-import' });
  });

  it('keeps chatter in traditional Chinese unanswered', () => {
    expect(answer('今晚一起去吃飯嗎？我請客')).toMatchObject({ outcome: 'none' });
    expect(answer('公司的印表機又卡紙了，誰來幫忙看一下')).toMatchObject({ outcome: 'none' });
  });

  it('stays lower-case after the fold (隨身碟 is "U盘"): the context rules match without the i flag', () => {
    for (const text of ['值班電腦的admin隨身碟打不開', '值班電腦 api隨身碟 匯入失敗', 'OMS 隨身碟']) {
      const folded = normalize(text);
      expect(folded).toBe(folded.toLowerCase());
    }
    // "adminU盘" is no "admin" named: a desktop's USB stick, not OMS.
    expect(answer('值班電腦的admin隨身碟打不開')).toMatchObject({ outcome: 'none' });
    expect(answer('值班電腦 api隨身碟 匯入失敗')).toMatchObject({ outcome: 'none' });
  });
});

describe('src/intent/traditional-chars.ts', () => {
  it('holds what the installed opencc-js tables give (else: npm run gen:traditional)', () => {
    expect(TRADITIONAL_ONLY).toBe(traditionalOnlyCharacters());
    expect([...TRADITIONAL_ONLY].length).toBeGreaterThan(3000);
    for (const c of '後資庫帳號網頁') expect(TRADITIONAL_ONLY).toContain(c);
    for (const c of '后资库账号网页著') expect(TRADITIONAL_ONLY).not.toContain(c);
  });
});
