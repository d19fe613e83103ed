import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate, parseEvalSet, type EvalExample } from '../../../src/intent/evaluate.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

const EVAL_FILE = join(process.cwd(), 'test', 'fixtures', 'intent', 'eval.jsonl');

let playbooks: Playbook[];
let examples: EvalExample[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  examples = parseEvalSet(await readFile(EVAL_FILE, 'utf8'));
});

describe('the intent evaluation set', () => {
  it('is big enough and covers every playbook and unrelated chatter', () => {
    expect(examples.length).toBeGreaterThanOrEqual(200);
    expect(examples.filter((e) => e.label === null).length).toBeGreaterThanOrEqual(60);
    const ids = new Set(playbooks.map((p) => p.id));
    for (const e of examples) if (e.label !== null) expect([e.text, ids.has(e.label)]).toEqual([e.text, true]);
    for (const id of ids) expect([id, examples.some((e) => e.label === id)]).toEqual([id, true]);
  });

  it("holds every exact error line of the operators' notes", () => {
    const texts = new Set(examples.map((e) => e.text));
    for (const line of [
      '[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!',
      '[ERROR] Worker (pid:xxx) was sent SIGTERM!',
      "Access to XMLHttpRequest at 'http://172.29.91.61/api/auth/login/' \nfrom origin 'http://172.29.91.61' has been blocked by CORS policy",
      '401 Unauthorized',
      '404 Not Found',
      '502 Bad Gateway',
      'status=217/USER',
      'Assignment outside of section. Ignoring.',
      "Missing '=', ignoring line.",
    ]) {
      expect([line, texts.has(line)]).toEqual([line, true]);
    }
  });

  it('meets the targets: top-1 ≥ 95% on symptoms, ≤ 2% false alarms on chatter', () => {
    const r = evaluate(examples, playbooks);
    const report = r.confusions.map(
      (c) => `${c.expected} → ${c.got}${c.ambiguous ? ' (ambiguous)' : ''}: ${c.text.slice(0, 80)}`,
    );
    expect({ top1Ok: r.top1Rate >= 0.95, falseAlarmsOk: r.falseAlarmRate <= 0.02, report }).toEqual({
      top1Ok: true,
      falseAlarmsOk: true,
      report: expect.any(Array),
    });
  });
});

describe('parseEvalSet', () => {
  it('skips comments and blank lines and names a bad line', () => {
    expect(parseEvalSet('# c\n\n{"text":"a","label":null}\n')).toEqual([{ text: 'a', label: null }]);
    expect(() => parseEvalSet('{"text":1,"label":"x"}')).toThrow(/eval line 1/);
  });
});
