import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalSet } from '../src/intent/evaluate.js';
import { matchIntent } from '../src/intent/match.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { playbookRegistry } from '../src/playbooks/registry-adapter.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Intent matching per message over the evaluation set: mean and p99 (target < 1 ms). */
export async function runIntentBench(): Promise<void> {
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const texts = parseEvalSet(await readFile(join(ROOT, 'test', 'fixtures', 'intent', 'eval.jsonl'), 'utf8')).map(
    (e) => e.text,
  );
  for (const t of texts) matchIntent(t, playbooks); // warm up (index, regexes, JIT)
  const rounds = 20;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      matchIntent(t, playbooks);
      samples.push(performance.now() - t0);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const p99 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))]!;
  console.log(
    `intent match over the eval set (${texts.length} messages × ${rounds}): mean ${(mean * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs, max ${(samples[samples.length - 1]! * 1000).toFixed(0)} µs per message (target < 1 ms)`,
  );
}
