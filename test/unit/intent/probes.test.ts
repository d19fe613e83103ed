import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHeldout, scoreHeldout, type HeldoutReport } from '../../../src/intent/heldout.js';
import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';

/**
 * Generalisation probes (test/fixtures/intent/probes.jsonl): wordings invented
 * for the matcher's model — concepts, section words, other systems, passive
 * listening — none copied from the held-out set. Detail questions about a
 * section's content ("角色那一列能写哪几种", "ExecStart 那一行应该怎么写"),
 * config-file pastes, other projects and platforms, textbook questions and
 * announcements. The floors are what the matcher reaches; a regression fails.
 */
let report: HeldoutReport;
beforeAll(async () => {
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const file = join(process.cwd(), 'test', 'fixtures', 'intent', 'probes.jsonl');
  const probes = parseHeldout(await readFile(file, 'utf8'), 'probes.jsonl');
  report = scoreHeldout(probes, (text) => answerSummary(matchIntent(text, playbooks)));
});

const kind = (k: string) => report.byKind.find((f) => f.kind === k)!;
const misses = (k: string) => report.misses.filter((m) => m.kind === k).map((m) => `${m.id} ${m.text}`);

describe('generalisation probes', () => {
  it('cover every kind of message', () => {
    expect(report.total.n).toBeGreaterThanOrEqual(300);
    expect(kind('unrelated').n).toBeGreaterThanOrEqual(70);
    expect(kind('howto').n).toBeGreaterThanOrEqual(100);
  });

  it('symptoms, pastes and pinyin lead to the right playbook (a run, or at most one as the first choice)', () => {
    for (const k of ['symptom', 'paste', 'pinyin']) {
      const wrong = report.misses.filter((m) => m.kind === k && m.got.top !== m.expect).map((m) => m.id);
      expect([k, wrong]).toEqual([k, []]);
    }
    // r8-09 ("worker exiting … booting worker，请求时不时断掉"): the workers and the API both read it; workers first.
    const asChoices = report.misses.filter((m) => m.kind !== 'howto' && m.got.outcome === 'choices').map((m) => m.id);
    expect(asChoices).toEqual(['r8-09']);
  });

  it('how-to questions get the right section (157 of 158 reached; detail questions miss most)', () => {
    expect(kind('howto').sections).toBeGreaterThanOrEqual(157);
    expect(kind('howto').top1).toBeGreaterThanOrEqual(157);
  });

  it('unrelated messages, other systems among them, are offered nothing and get no passive reply', () => {
    expect([kind('unrelated').falseAlarms, misses('unrelated')]).toEqual([0, []]);
    expect(kind('unrelated').passiveReplies).toBe(0);
  });
});
