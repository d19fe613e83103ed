/**
 * `npm run eval:intent`: run the intent matcher over the labelled evaluation
 * set and print top-1 accuracy, the false-alarm rate on unrelated chatter,
 * the ambiguous count and every confusion. Exit 1 when below the targets.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, parseEvalSet } from '../src/intent/evaluate.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { playbookRegistry } from '../src/playbooks/registry-adapter.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? join(ROOT, 'test', 'fixtures', 'intent', 'eval.jsonl');

const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
const examples = parseEvalSet(await readFile(file, 'utf8'));
const r = evaluate(examples, playbooks);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

console.log(
  `intent evaluation: ${examples.length} messages (${r.labelled} labelled symptoms, ${r.unrelated} unrelated) from ${file}`,
);
console.log(`top-1 accuracy      ${pct(r.top1Rate)} (${r.top1}/${r.labelled})   target ≥ 95%`);
console.log(`decisive & correct  ${pct(r.labelled ? r.decisive / r.labelled : 0)} (${r.decisive}/${r.labelled})`);
console.log(`false alarms        ${pct(r.falseAlarmRate)} (${r.falseAlarms}/${r.unrelated})   target ≤ 2%`);
console.log(`ambiguous (choices) ${r.ambiguous}`);
if (r.confusions.length > 0) {
  console.log('\nconfusions (expected → got):');
  for (const c of r.confusions) {
    const text = c.text.replace(/\s+/g, ' ').slice(0, 100);
    console.log(
      `  ${String(c.expected ?? 'null').padEnd(15)} → ${String(c.got ?? 'null').padEnd(15)} ${c.confidence.toFixed(2)}${c.ambiguous ? ' (ambiguous)' : ''}  ${text}`,
    );
  }
}
process.exitCode = r.top1Rate >= 0.95 && r.falseAlarmRate <= 0.02 ? 0 : 1;
