/**
 * `npm run eval:intent`: the intent matcher on
 *  1. the held-out set (test/fixtures/intent/heldout/): the tuning half with
 *     every miss, then the test half with figures only (its misses with
 *     `--show-test`, which is not for tuning);
 *  2. the generalisation probes (probes.jsonl): new wordings invented to test
 *     the model (concepts, section words, other systems), with their misses;
 *  3. the older set the matcher was first written against (eval.jsonl), as a
 *     regression set.
 * Exit 1 when the test half is below the issue's targets.
 *
 * `--file <path>` scores one other set of the same format instead (every miss printed, nothing else run): a new
 * tuning set written elsewhere. `--why` adds, under each miss, the three best candidates and what matched them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseEvalSet } from '../src/intent/evaluate.js';
import { labelled, parseHeldout, scoreHeldout, type HeldoutReport, type KindFigures } from '../src/intent/heldout.js';
import { answerSummary, matchIntent } from '../src/intent/match.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { BLIND_SETS } from './intent-ngram/sets.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HELDOUT = join(ROOT, 'test', 'fixtures', 'intent', 'heldout');
const showTest = process.argv.includes('--show-test');
/** While tuning: the tuning half and the regression set only, the test half is not even scored. */
const tuneOnly = process.argv.includes('--tune-only');
const why = process.argv.includes('--why');
const fileAt = process.argv.indexOf('--file');
const onlyFile = fileAt >= 0 ? process.argv[fileAt + 1] : undefined;
if (fileAt >= 0 && !onlyFile) {
  console.error('--file needs a path / --file 需要一个文件路径');
  process.exit(2);
}

const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
const answer = (text: string) => answerSummary(matchIntent(text, playbooks));
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((n / d) * 100).toFixed(1).padStart(5)}%`);

function row(f: KindFigures): string {
  const lab = labelled(f);
  return [
    f.kind.padEnd(10),
    String(f.n).padStart(4),
    `top-1 ${pct(f.top1, lab)} (${f.top1}/${lab})`.padEnd(24),
    `offered ${pct(f.offered, lab)} (${f.offered}/${lab})`.padEnd(26),
    `choices ${String(f.choices).padStart(2)}`,
    `sections ${pct(f.sections, f.sectionsAsked)} (${f.sections}/${f.sectionsAsked})`.padEnd(27),
    `false alarms ${f.falseAlarms}/${f.unrelated}`,
    `passive ${f.passiveReplies}/${f.unrelated}`,
  ].join('  ');
}

function print(name: string, r: HeldoutReport, misses: boolean): void {
  console.log(`\n${name}: ${r.total.n} messages`);
  for (const f of r.byKind) console.log(`  ${row(f)}`);
  console.log(`  ${row(r.total)}`);
  if (!misses) return;
  console.log(`  misses (${r.misses.length}): expected → got`);
  for (const m of r.misses) {
    const want = m.section ?? m.expect ?? 'null';
    const got = m.got.section ?? (m.got.offered.join('|') || 'null');
    const text = m.text.replace(/\s+/g, ' ').slice(0, 110);
    console.log(`    ${m.id} ${m.kind.padEnd(9)} ${want.padEnd(28)} → ${m.got.outcome}:${got}  ${text}`);
    if (why) console.log(`        ${explain(m.text)}`);
  }
}

/** The best candidates of a message with their scores and evidence (`--why`). */
function explain(text: string): string {
  const r = matchIntent(text, playbooks);
  const ranked = [r.playbook && { id: r.playbook.id, confidence: r.confidence }, ...r.alternatives];
  const top = ranked.filter(Boolean).map((c) => `${c!.id} ${c!.confidence}`);
  return `${top.join(', ') || 'no candidate'}${r.evidence ? ` — ${r.evidence}` : ''}`;
}

if (onlyFile) {
  const examples = parseHeldout(await readFile(onlyFile, 'utf8'), onlyFile);
  print(onlyFile, scoreHeldout(examples, answer), true);
  process.exit(0);
}

const tune = parseHeldout(await readFile(join(HELDOUT, 'tune.jsonl'), 'utf8'), 'tune.jsonl');
print('tuning half (tune.jsonl)', scoreHeldout(tune, answer), true);
const t = tuneOnly
  ? undefined
  : scoreHeldout(parseHeldout(await readFile(join(HELDOUT, 'test.jsonl'), 'utf8'), 'test.jsonl'), answer);
if (t) print('test half (test.jsonl) — measure only, never tune on it', t, showTest);

// The second set: written after the matcher was tuned, by someone who saw neither the matcher nor the other sets,
// and scored once at the end of that round; like the test half, figures only.
const fresh = tuneOnly
  ? undefined
  : scoreHeldout(
      parseHeldout(
        await readFile(join(ROOT, 'test', 'fixtures', 'intent', 'fresh', 'messages.jsonl'), 'utf8'),
        'fresh',
      ),
      answer,
    );
if (fresh) print('fresh set (fresh/messages.jsonl) — measure only, never tune on it', fresh, false);

// Round 3 (test/fixtures/intent/round3/): 340 messages by two writers who saw neither the matcher nor the other
// sets, split once by the fixed seed (scripts/split-intent-heldout.mjs); the matcher was tuned on tune.jsonl only.
const ROUND3 = join(ROOT, 'test', 'fixtures', 'intent', 'round3');
const r3tune = parseHeldout(await readFile(join(ROUND3, 'tune.jsonl'), 'utf8'), 'round3/tune.jsonl');
print('round 3 tuning half (round3/tune.jsonl)', scoreHeldout(r3tune, answer), true);
const r3test = tuneOnly
  ? undefined
  : scoreHeldout(parseHeldout(await readFile(join(ROUND3, 'test.jsonl'), 'utf8'), 'round3/test.jsonl'), answer);
if (r3test)
  print('round 3 test half (round3/test.jsonl) — scored once after round 3, tuning material since', r3test, true);

// Round 4 (test/fixtures/intent/round4/): 340 messages by two other writers, blind as round 3's, split the same
// way; scored (figures only) after rounds 4 and 5's rules guided by rounds ≤ 3, then tuning material of round 5
// (both halves), so their misses are printed. The next never-tuned figure is a new set.
const ROUND4 = join(ROOT, 'test', 'fixtures', 'intent', 'round4');
for (const half of ['tune', 'test']) {
  const set = parseHeldout(await readFile(join(ROUND4, `${half}.jsonl`), 'utf8'), `round4/${half}.jsonl`);
  print(`round 4 ${half} half (round4/${half}.jsonl) — tuning material since round 5`, scoreHeldout(set, answer), true);
}

// Round 5 (test/fixtures/intent/round5/): 340 messages by two more blind writers, split by the same fixed seed. The
// tuning half is tuning material of round 6; the test half was scored figures-only after rounds 6 and 7 and is
// tuning material since round 8: both are printed with their misses.
const ROUND5 = join(ROOT, 'test', 'fixtures', 'intent', 'round5');
const r5tune = parseHeldout(await readFile(join(ROUND5, 'tune.jsonl'), 'utf8'), 'round5/tune.jsonl');
print('round 5 tuning half (round5/tune.jsonl) — tuning material of round 6', scoreHeldout(r5tune, answer), true);
const r5test = tuneOnly
  ? undefined
  : scoreHeldout(parseHeldout(await readFile(join(ROUND5, 'test.jsonl'), 'utf8'), 'round5/test.jsonl'), answer);
if (r5test) print('round 5 test half (round5/test.jsonl) — tuning material since round 8', r5test, true);

// Round 6 (test/fixtures/intent/round6/): 340 messages by two more blind writers (a support desk relaying customers,
// a terse sysadmin), split by the same fixed seed, scored figures-only after round 7; tuning material (and training
// material of the n-gram model, scripts/intent-ngram/sets.ts) since round 8, so their misses are printed.
const ROUND6 = join(ROOT, 'test', 'fixtures', 'intent', 'round6');
for (const half of tuneOnly ? [] : ['tune', 'test']) {
  const set = parseHeldout(await readFile(join(ROUND6, `${half}.jsonl`), 'utf8'), `round6/${half}.jsonl`);
  print(`round 6 ${half} half (round6/${half}.jsonl) — tuning material since round 8`, scoreHeldout(set, answer), true);
}

// Round 8 (test/fixtures/intent/round8/): 320 messages by two more blind writers, split by the same fixed seed,
// scored figures-only before and after round 8's changes; tuning material (and training material of the n-gram
// model) since round 9, so their misses are printed.
const ROUND8 = join(ROOT, 'test', 'fixtures', 'intent', 'round8');
for (const half of tuneOnly ? [] : ['tune', 'test']) {
  const set = parseHeldout(await readFile(join(ROUND8, `${half}.jsonl`), 'utf8'), `round8/${half}.jsonl`);
  print(`round 8 ${half} half (round8/${half}.jsonl) — tuning material since round 9`, scoreHeldout(set, answer), true);
}

// Round 9 (test/fixtures/intent/round9/): a fresh blind set split by the same fixed seed; its tuning half is tuning
// material of round 9, its test half (scored figures-only by the integrator before and after round 9's changes,
// kept outside the repository until then) tuning material since round 10: both are printed with their misses.
const ROUND9 = join(ROOT, 'test', 'fixtures', 'intent', 'round9');
const r9halves = [
  ['tune', 'of round 9'],
  ['test', 'since round 10'],
] as const;
for (const [half, since] of tuneOnly ? r9halves.slice(0, 1) : r9halves) {
  const set = parseHeldout(await readFile(join(ROUND9, `${half}.jsonl`), 'utf8'), `round9/${half}.jsonl`);
  print(`round 9 ${half} half (round9/${half}.jsonl) — tuning material ${since}`, scoreHeldout(set, answer), true);
}

// Round 10 (test/fixtures/intent/round10/): a fresh blind set split by the same fixed seed; its tuning half is tuning
// material of round 10, its test half (kept outside the repository until the integrator had scored it, figures-only)
// tuning material since round 11: both are printed with their misses.
// Round 11 (test/fixtures/intent/round11/): a fresh blind set split by the same seed; its tuning half is tuning
// material of round 11, its test half (kept outside the repository until the integrator had scored it, figures-only)
// tuning material since round 12: both are printed with their misses.
// Round 12 (test/fixtures/intent/round12/): a fresh blind set split by the same seed; its tuning half is tuning
// material of round 12, its test half (kept outside the repository until the integrator had scored it, figures-only)
// tuning material since round 13: both are printed with their misses.
// Rounds 13 and 14 (test/fixtures/intent/round13/, round14/): fresh blind sets of 600 messages each split by the same
// seed; their tuning halves are tuning material of rounds 13 and 14, their test halves (kept outside the repository
// until the integrator had scored them after both rounds, figures-only) tuning material since round 15.
// Round 15 (test/fixtures/intent/round15/): a fresh blind set of 600 messages split by the same seed; its tuning half
// is tuning material of round 15, its test half (kept outside the repository until the integrator had scored it after
// round 15, figures-only) tuning material since round 16.
// Rounds 16 and 17 (test/fixtures/intent/round16/, round17/): fresh blind sets of 600 messages each split by the same
// seed; their tuning halves are tuning material of round 16; their test halves, kept outside the repository until the
// integrator had scored them after round 16 (figures-only), tuning material since round 19: all printed with misses.
// Round 19 (test/fixtures/intent/round19/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only before and after round 19's first part (tuned on the test halves of rounds 16 and 17); its
// tuning half is tuning material since; its test half, kept outside the repository until scored after round 19's
// second part, was blind in round 19 and is tuning material since round 20.
// Round 20 (test/fixtures/intent/round20/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only before round 20; its tuning half is tuning material of round 20; its test half, kept outside
// the repository until scored after round 20, was blind in round 20 and is tuning material since round 21.
// Round 21 (test/fixtures/intent/round21/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only before round 21; its tuning half is tuning material of round 21; its test half, kept outside
// the repository until scored after round 21, was blind in round 21 and is tuning material since round 22.
// Round 22 (test/fixtures/intent/round22/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only before round 22; its tuning half is tuning material of round 22; its test half, kept outside
// the repository until scored after round 22, was blind in round 22 and is tuning material since round 23.
// Round 23 (test/fixtures/intent/round23/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only after round 22; its tuning half is tuning material of round 23; its test half, kept outside
// the repository until scored after round 22, is blind: figures only, never its messages (BLIND_SETS).
// Round 24 (test/fixtures/intent/round24/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only before round 23's tuning; its tuning half is tuning material of round 23; its test half, kept
// outside the repository until scored after round 23, is blind: figures only, never its messages (BLIND_SETS).
// Round 25 (test/fixtures/intent/round25/): a fresh blind set of 600 messages split by the same seed, both halves
// scored figures-only before round 24's tuning; its tuning half is tuning material of round 24; its test half is
// kept outside the repository until scored after round 24.
const later = [
  ['round10/tune.jsonl', 'round 10 tuning half — tuning material of round 10'],
  ['round10/test.jsonl', 'round 10 test half (scored blind in round 10) — tuning material since round 11'],
  ['round11/tune.jsonl', 'round 11 tuning half — tuning material of round 11'],
  ['round11/test.jsonl', 'round 11 test half (scored blind in round 11) — tuning material since round 12'],
  ['round12/tune.jsonl', 'round 12 tuning half — tuning material of round 12'],
  ['round12/test.jsonl', 'round 12 test half (scored blind in round 12) — tuning material since round 13'],
  ['round13/tune.jsonl', 'round 13 tuning half — tuning material of round 13'],
  ['round13/test.jsonl', 'round 13 test half (scored blind in round 14) — tuning material since round 15'],
  ['round14/tune.jsonl', 'round 14 tuning half — tuning material of round 14'],
  ['round14/test.jsonl', 'round 14 test half (scored blind in round 14) — tuning material since round 15'],
  ['round15/tune.jsonl', 'round 15 tuning half — tuning material of round 15'],
  ['round15/test.jsonl', 'round 15 test half (scored blind in round 15) — tuning material since round 16'],
  ['round16/tune.jsonl', 'round 16 tuning half — tuning material of round 16'],
  ['round16/test.jsonl', 'round 16 test half (scored blind in round 16) — tuning material since round 19'],
  ['round17/tune.jsonl', 'round 17 tuning half — tuning material of round 16'],
  ['round17/test.jsonl', 'round 17 test half (scored blind in round 16) — tuning material since round 19'],
  ['round19/tune.jsonl', "round 19 tuning half (scored blind after round 19's first part) — tuning material since"],
  ['round19/test.jsonl', 'round 19 test half (scored blind in round 19) — tuning material since round 20'],
  ['round20/tune.jsonl', 'round 20 tuning half (scored blind before round 20) — tuning material since round 20'],
  ['round20/test.jsonl', 'round 20 test half (scored blind after round 20) — tuning material since round 21'],
  ['round21/tune.jsonl', 'round 21 tuning half (scored blind before round 21) — tuning material since round 21'],
  ['round21/test.jsonl', 'round 21 test half (scored blind after round 21) — tuning material since round 22'],
  ['round22/tune.jsonl', 'round 22 tuning half (scored blind before round 22) — tuning material since round 22'],
  ['round22/test.jsonl', 'round 22 test half (scored blind after round 22) — tuning material since round 23'],
  ['round23/tune.jsonl', 'round 23 tuning half (scored blind after round 22) — tuning material of round 23'],
  ['round23/test.jsonl', 'round 23 test half (scored blind after rounds 22 and 23) — tuning material since round 24'],
  ['round24/tune.jsonl', 'round 24 tuning half (scored blind before round 23) — tuning material since round 23'],
  ['round25/tune.jsonl', 'round 25 tuning half (scored blind before round 24) — tuning material of round 24'],
] as const;
const blindSince = [
  'round10/test.jsonl',
  'round11/test.jsonl',
  'round12/test.jsonl',
  'round13/test.jsonl',
  'round14/test.jsonl',
  'round15/test.jsonl',
  'round16/test.jsonl',
  'round17/test.jsonl',
  'round19/test.jsonl',
  'round20/test.jsonl',
  'round21/test.jsonl',
  'round22/test.jsonl',
  'round23/test.jsonl',
];
for (const [rel, title] of tuneOnly ? later.filter(([r]) => !blindSince.includes(r)) : later) {
  const set = parseHeldout(await readFile(join(ROOT, 'test', 'fixtures', 'intent', rel), 'utf8'), rel);
  print(`${title} (${rel})`, scoreHeldout(set, answer), true);
}

for (const rel of tuneOnly ? [] : BLIND_SETS) {
  const set = parseHeldout(await readFile(join(ROOT, 'test', 'fixtures', 'intent', rel), 'utf8'), rel);
  print(`${rel} — blind, figures only`, scoreHeldout(set, answer), false);
}

const probes = parseHeldout(await readFile(join(ROOT, 'test', 'fixtures', 'intent', 'probes.jsonl'), 'utf8'), 'probes');
print('generalisation probes (probes.jsonl, wordings invented for the model)', scoreHeldout(probes, answer), true);

const old = parseEvalSet(await readFile(join(ROOT, 'test', 'fixtures', 'intent', 'eval.jsonl'), 'utf8'));
const r = evaluate(old, playbooks);
console.log(
  `\nregression set (eval.jsonl, ${old.length}): top-1 ${pct(r.top1, r.labelled)} (${r.top1}/${r.labelled}), ` +
    `false alarms ${r.falseAlarms}/${r.unrelated}, choices ${r.ambiguous}`,
);
for (const c of r.confusions.filter((x) => x.got !== x.expected && !x.ambiguous)) {
  console.log(
    `    ${String(c.expected).padEnd(15)} → ${String(c.got).padEnd(15)} ${c.text.replace(/\s+/g, ' ').slice(0, 90)}`,
  );
}

const lab = t ? labelled(t.total) : 0;
const ok =
  t !== undefined &&
  t.total.top1 >= 0.95 * lab &&
  t.total.offered >= 0.99 * lab &&
  t.total.falseAlarms * 40 <= t.total.unrelated &&
  t.total.sections >= 0.9 * t.total.sectionsAsked &&
  t.total.passiveReplies === 0;
process.exitCode = ok ? 0 : 1;
