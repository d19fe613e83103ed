/**
 * `npx tsx scripts/intent-ngram/loso.ts [--dump file.json]`: leave one round out. For each labelled set
 * (scripts/intent-ngram/sets.ts) the n-gram classifier is trained on every set but those of the same round (both
 * halves: same writers, same wording) and the whole matcher (src/intent/match.ts, the classifier injected) is scored
 * on the set, beside the rules alone. Figures per set: top-1 and right playbook offered of the labelled messages,
 * how-to sections, false alarms and passive replies of the unrelated ones. The rules were tuned on every set, so
 * the rules' column is a tuning figure; the classifier's share is measured on a round it never saw.
 * `--p P` sets the offer threshold; `--dump` writes each message's answers (rules alone, with the classifier) and the classifier's three best.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerSummary, matchIntent } from '../../src/intent/match.js';
import type { AnswerSummary } from '../../src/intent/heldout.js';
import { classifyNgram, fromNgramData, toNgramData, type NgramModel } from '../../src/intent/ngram-model.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { trainLogistic } from './logistic.js';
import { readTrainingSets } from './sets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const dumpTo = argv.includes('--dump') ? argv[argv.indexOf('--dump') + 1] : undefined;
/** `--p P`: the classifier's offer threshold (src/intent/ngram-offer.ts NGRAM_OFFER_P by default). */
const ngramP = argv.includes('--p') ? Number(argv[argv.indexOf('--p') + 1]) : undefined;
const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
const sets = await readTrainingSets(join(ROOT, 'test', 'fixtures', 'intent'));
const roundOf = (name: string) => name.split('/')[0]!;

interface Figures {
  n: number;
  top1: number;
  offered: number;
  asked: number;
  sections: number;
  unrelated: number;
  falseAlarms: number;
  passive: number;
}
const zero = (): Figures => ({
  n: 0,
  top1: 0,
  offered: 0,
  asked: 0,
  sections: 0,
  unrelated: 0,
  falseAlarms: 0,
  passive: 0,
});
const show = (f: Figures) =>
  `${f.top1} / ${f.offered} of ${f.n}, sections ${f.sections}/${f.asked}, ` +
  `false alarms ${f.falseAlarms}/${f.unrelated}, passive ${f.passive}`;
function add(f: Figures, a: AnswerSummary, expect: string | null, section: string | null): void {
  if (expect === null) {
    f.unrelated++;
    if (a.offered.length > 0) f.falseAlarms++;
    if (a.passive) f.passive++;
    return;
  }
  f.n++;
  if (a.top === expect) f.top1++;
  if (a.offered.includes(expect)) f.offered++;
  if (section) {
    f.asked++;
    if (a.section === section) f.sections++;
  }
}

const models = new Map<string, NgramModel>();
const total = { rules: zero(), both: zero() };
const dump: unknown[] = [];
for (const held of sets) {
  const round = roundOf(held.name);
  if (!models.has(round)) {
    const train = sets.filter((s) => roundOf(s.name) !== round).flatMap((s) => s.examples);
    // Scored in its committed form (rounded, pruned), as the matcher loads it.
    models.set(round, fromNgramData(toNgramData(trainLogistic(train))));
  }
  const model = models.get(round)!;
  const f = { rules: zero(), both: zero() };
  for (const e of held.examples) {
    const rules = answerSummary(matchIntent(e.text, playbooks, { ngram: () => null }));
    const both = answerSummary(matchIntent(e.text, playbooks, { ngram: () => model, ngramP }));
    for (const [k, a] of [
      ['rules', rules],
      ['both', both],
    ] as const) {
      add(f[k], a, e.expect, e.section);
      add(total[k], a, e.expect, e.section);
    }
    if (dumpTo) {
      const ng = classifyNgram(model, e.text).slice(0, 3);
      dump.push({
        set: held.name,
        id: e.id,
        kind: e.kind,
        expect: e.expect,
        section: e.section,
        text: e.text,
        rules,
        both,
        ng,
      });
    }
  }
  console.log(`${held.name}\n  rules alone: ${show(f.rules)}\n  + classifier: ${show(f.both)}`);
}
console.log(`all sets\n  rules alone: ${show(total.rules)}\n  + classifier: ${show(total.both)}`);
if (dumpTo) writeFileSync(dumpTo, JSON.stringify(dump));
