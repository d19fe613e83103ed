import {
  classifyNgram,
  compileNgram,
  ngramModelSchema,
  NULL_CLASS,
  trainNgram,
  type NgramExample,
} from '../../../../scripts/intent-ngram/model.js';
import { BLIND_SETS, TRAINING_SETS } from '../../../../scripts/intent-ngram/sets.js';

const TOY: NgramExample[] = [
  { text: '超管登录不上', label: 'login' },
  { text: '登录一直失败', label: 'login' },
  { text: 'login fails with 401', label: 'login' },
  { text: '接口 404 了', label: 'api' },
  { text: 'api returns 404', label: 'api' },
  { text: '接口全部 404', label: 'api' },
  { text: '中午吃什么', label: NULL_CLASS },
  { text: 'who wants lunch', label: NULL_CLASS },
];

describe('the n-gram classifier', () => {
  it('learns counts by class, sorted and reproducible, dropping features seen in one message only', () => {
    const a = trainNgram(TOY);
    expect(ngramModelSchema.safeParse(a).success).toBe(true);
    expect(a.classes).toEqual(['api', 'login', NULL_CLASS]);
    expect(a.docs).toEqual([3, 3, 2]);
    expect(a.counts['b:登录']).toEqual([0, 2, 0]);
    expect(a.counts['w:404']).toEqual([3, 0, 0]);
    expect(a.counts['b:超管']).toBeUndefined();
    expect(Object.keys(a.counts)).toEqual(Object.keys(a.counts).sort());
    expect(JSON.stringify(trainNgram([...TOY].reverse()))).toBe(JSON.stringify(a));
  });

  it('classifies new wording by shared evidence, with probabilities summing to one', () => {
    const model = compileNgram(trainNgram(TOY));
    const login = classifyNgram(model, '登录又失败了');
    expect(login[0]!.label).toBe('login');
    expect(login.reduce((s, c) => s + c.p, 0)).toBeCloseTo(1, 9);
    expect(classifyNgram(model, '接口报 404')[0]!.label).toBe('api');
  });

  it('falls back to the class priors on a message with no known feature', () => {
    const ranked = classifyNgram(compileNgram(trainNgram(TOY)), 'zzz qqq');
    expect(ranked.map((c) => c.p)).toEqual([4 / 11, 4 / 11, 3 / 11].map((p) => expect.closeTo(p, 9)));
  });

  it('trains on every labelled set under test/fixtures/intent/ but the blind ones', async () => {
    const { readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const root = join(process.cwd(), 'test', 'fixtures', 'intent');
    const files: string[] = [];
    for (const e of await readdir(root, { withFileTypes: true, recursive: true }))
      if (e.isFile() && e.name.endsWith('.jsonl')) files.push(join(e.parentPath, e.name).slice(root.length + 1));
    expect([...TRAINING_SETS, ...BLIND_SETS].sort()).toEqual(files.sort());
    expect(TRAINING_SETS.filter((t) => (BLIND_SETS as readonly string[]).includes(t))).toEqual([]);
  });
});
