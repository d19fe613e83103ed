/**
 * `npx tsx scripts/cv-intent-model.ts [p ...]`: leave-one-set-out cross-validation of the n-gram classifier
 * (scripts/intent-ngram/). For each labelled set (scripts/intent-ngram/sets.ts) a model is trained on all the other sets and the matcher is scored on that set, rules alone ("rules")
 * and rules plus the classifier at each offer threshold p (default: 0.5 to 0.99). Figures per set: labelled
 * top-1, right playbook offered, false alarms (any playbook offered on an unrelated message), passive replies.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexPlaybooks } from '../src/intent/index.js';
import { answerSummary, matchIntent, type MatchResult } from '../src/intent/match.js';
import { candidateGate, nearGate, ngramGate } from './intent-ngram/gate.js';
import { compileNgram, trainNgram } from './intent-ngram/model.js';
import { trainLogistic } from './intent-ngram/logistic.js';
import { fromNgramData, toNgramData } from '../src/intent/ngram-model.js';
import { offerNgram } from '../src/intent/ngram-offer.js';
import { readTrainingSets } from './intent-ngram/sets.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dumps = argv.flatMap((a, i) => (argv[i - 1] === '--rules-from' ? [a] : []));
/**
 * `--gate near` (default): read off the rules' answer; `--gate loose`: any rule evidence (gate.ts);
 * `--gate cand:F`: a playbook the rules ranked at F or more.
 */
const gateArg = argv.includes('--gate') ? argv[argv.indexOf('--gate') + 1]! : 'near';
const candFloor = gateArg.startsWith('cand:') ? Number(gateArg.slice(5)) : undefined;
/** `--model logistic`: logistic regression (scripts/intent-ngram/logistic.ts) instead of naive Bayes. */
const logistic = argv.includes('logistic');
const args = argv
  .filter((a) => a !== gateArg)
  .map(Number)
  .filter((n) => n > 0 && n <= 1);
const THRESHOLDS = args.length > 0 ? args : [0.5, 0.7, 0.8, 0.9, 0.95, 0.99];
const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
const sets = await readTrainingSets(join(ROOT, 'test', 'fixtures', 'intent'));
const index = indexPlaybooks(playbooks);
const title = (id: string) => index.playbooks.find((p) => p.id === id)?.title;

interface Figures {
  labelled: number;
  top1: number;
  offered: number;
  unrelated: number;
  falseAlarms: number;
  passive: number;
}
const zero = (): Figures => ({ labelled: 0, top1: 0, offered: 0, unrelated: 0, falseAlarms: 0, passive: 0 });
const columns = ['rules', ...THRESHOLDS.map((p) => `p>=${p}`)];
const totals = new Map(columns.map((c) => [c, zero()]));
const show = (f: Figures) =>
  `${f.top1}/${f.offered} of ${f.labelled}, fa ${f.falseAlarms}/${f.unrelated}, passive ${f.passive}`;

/** `--rules-from dump.jsonl` (repeatable): the rules' answers as an older matcher gave them ({set, i, r} lines). */
const dumped = new Map<string, MatchResult[]>();
for (const file of dumps)
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { set, i, r } = JSON.parse(line) as { set: string; i: number; r: MatchResult };
    if (!dumped.has(set)) dumped.set(set, []);
    dumped.get(set)![i] = r;
  }
/** With dumps, a set's sibling half (same round) is left out of training too: same writers, same wording. */
const round = (name: string) => (dumps.length > 0 ? name.split('/')[0] : name);

for (const held of sets) {
  if (dumps.length > 0 && !dumped.has(held.name)) continue;
  const train = sets.filter((s) => round(s.name) !== round(held.name));
  const examples = train.flatMap((s) => s.examples);
  // The logistic model is scored in its committed form (rounded, pruned), as the matcher would load it.
  const model = logistic ? fromNgramData(toNgramData(trainLogistic(examples))) : compileNgram(trainNgram(examples));
  const rules =
    dumped.get(held.name) ?? held.examples.map((e) => matchIntent(e.text, playbooks, { ngram: () => null }));
  const found = held.examples.map((e) => ngramGate(e.text, index));
  const gates =
    gateArg === 'loose'
      ? found
      : candFloor !== undefined
        ? rules.map((r) => candidateGate(r, candFloor))
        : rules.map(nearGate);
  const variants: Array<[string, (r: MatchResult, i: number) => MatchResult]> = [
    ['rules', (r) => r],
    ...THRESHOLDS.map((p): [string, (r: MatchResult, i: number) => MatchResult] => [
      `p>=${p}`,
      (r, i) =>
        offerNgram(r, held.examples[i]!.text, model, gates[i]!, title, (id) => found[i]!.scores.get(id) ?? 0, p),
    ]),
  ];
  const row: string[] = [];
  for (const [name, combine] of variants) {
    const f = zero();
    for (const [i, e] of held.examples.entries()) {
      const a = answerSummary(combine(rules[i]!, i));
      if (e.expect === null) {
        f.unrelated++;
        if (a.offered.length > 0) f.falseAlarms++;
        if (a.passive) f.passive++;
      } else {
        f.labelled++;
        if (a.top === e.expect) f.top1++;
        if (a.offered.includes(e.expect)) f.offered++;
      }
    }
    const t = totals.get(name)!;
    for (const k of Object.keys(f) as Array<keyof Figures>) t[k] += f[k];
    row.push(`${name}: ${show(f)}`);
  }
  console.log(`${held.name}\n  ${row.join('\n  ')}`);
}
console.log('all sets (top-1/offered of labelled, false alarms/unrelated, passive replies)');
for (const [name, f] of totals) console.log(`  ${name}: ${show(f)}`);
