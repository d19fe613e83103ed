/**
 * `npx tsx scripts/intent-ngram/older-rules-offer.ts dump.jsonl [P:S:R …] [--misses]`: how the classifier's offers do on rules
 * that never saw a set. The dump (scripts/intent-ngram/dump-older-rules.ts) holds an older matcher's answers, rules
 * alone; the classifier is trained on every set but the dumped set's round, and today's offers are applied to those
 * answers (src/intent/ngram-offer.ts: `offerNgram` at P, a sure reading at S, `questionMatch` of a match whose
 * runner-up scored R). The gate is today's code's (scripts/intent-ngram/gate.ts), partly tuned on these sets.
 * Figures: top-1 / right playbook offered of the labelled messages, false alarms, passive replies, and the
 * confident matches turned into choices (right ones among them).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexPlaybooks } from '../../src/intent/index.js';
import { answerSummary, type MatchResult } from '../../src/intent/match.js';
import { fromNgramData, toNgramData, type NgramModel } from '../../src/intent/ngram-model.js';
import { offerNgram, questionMatch } from '../../src/intent/ngram-offer.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { ngramGate } from './gate.js';
import { trainLogistic } from './logistic.js';
import { readTrainingSets } from './sets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const showMisses = process.argv.includes('--misses');
const [dumpFile, ...specs] = process.argv.slice(2).filter((a) => a !== '--misses');
if (!dumpFile) {
  console.error('用法 / usage: older-rules-offer.ts dump.jsonl [P:S:R …]');
  process.exit(2);
}
const variants = (
  specs.length > 0 ? specs : ['0.9:1.01:1.01', '0.9:0.99:0.5', '0.9:0.95:0.5', '0.9:0.99:0', '0.8:0.9:0.5']
).map((v) => v.split(':').map(Number) as [number, number, number]);
const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
const index = indexPlaybooks(playbooks);
const titleOf = (id: string) => index.playbooks.find((p) => p.id === id)?.title;
const sets = await readTrainingSets(join(ROOT, 'test', 'fixtures', 'intent'));
const roundOf = (name: string) => name.split('/')[0]!;
const dumped = new Map<string, MatchResult[]>();
for (const line of readFileSync(dumpFile, 'utf8').split('\n').filter(Boolean)) {
  const { set, i, r } = JSON.parse(line) as { set: string; i: number; r: MatchResult };
  if (!dumped.has(set)) dumped.set(set, []);
  dumped.get(set)![i] = r;
}
const models = new Map<string, NgramModel>();
const modelFor = (round: string) => {
  if (!models.has(round)) {
    const train = sets.filter((s) => roundOf(s.name) !== round).flatMap((s) => s.examples);
    models.set(round, fromNgramData(toNgramData(trainLogistic(train))));
  }
  return models.get(round)!;
};

const misses: string[] = [];
for (const [p, sure, second] of [[0, 2, 2] as [number, number, number], ...variants]) {
  const f = { n: 0, top1: 0, offered: 0, unrelated: 0, falseAlarms: 0, passive: 0, questioned: 0, rightRuns: 0 };
  for (const held of sets) {
    const answers = dumped.get(held.name);
    if (!answers) continue;
    const model = modelFor(roundOf(held.name));
    held.examples.forEach((e, i) => {
      const rules = answers[i]!;
      const gate = ngramGate(e.text, index);
      const scoreOf = (id: string) => gate.scores.get(id) ?? 0;
      let r = p > 0 ? offerNgram(rules, e.text, model, gate, titleOf, scoreOf, p, sure) : rules;
      const runnerUp = rules.alternatives[0]?.confidence ?? 0;
      // As src/intent/match.ts: a match known by a log line is not questioned.
      const signature = rules.evidence?.startsWith('signature') ?? false;
      if (p > 0 && rules.outcome === 'match' && runnerUp >= second && !signature) {
        r = questionMatch(rules, e.text, model, gate, titleOf, scoreOf, 'rules', sure);
        if (r.outcome === 'choices') {
          f.questioned++;
          if (rules.playbook?.id === e.expect) f.rightRuns++;
        }
      }
      const a = answerSummary(r);
      const wrong = e.expect === null ? a.offered.length > 0 : !a.offered.includes(e.expect);
      if (showMisses && p > 0 && wrong)
        misses.push(`${e.id} ${e.expect} → ${a.outcome}:${a.offered.join('|')}  ${e.text}`);
      if (e.expect === null) {
        f.unrelated++;
        if (a.offered.length > 0) f.falseAlarms++;
        if (a.passive) f.passive++;
      } else {
        f.n++;
        if (a.top === e.expect) f.top1++;
        if (a.offered.includes(e.expect)) f.offered++;
      }
    });
  }
  const name = p > 0 ? `p ${p}, sure ${sure}, second reading ${second}` : 'older rules alone';
  console.log(
    `${name.padEnd(40)} ${f.top1} / ${f.offered} of ${f.n}, false alarms ${f.falseAlarms}/${f.unrelated}, ` +
      `passive ${f.passive}, matches questioned ${f.questioned} (${f.rightRuns} of them right)`,
  );
}
// `--misses`: what the variants left unoffered or offered wrongly (the last variant's are the last printed).
for (const m of misses) console.log(`  ${m.replace(/\s+/g, ' ').slice(0, 160)}`);
