import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseEvalSet } from '../src/intent/evaluate.js';
import { parseHeldout } from '../src/intent/heldout.js';
import { matchIntent } from '../src/intent/match.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { NODE_FLAGS } from '../src/node-flags.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'intent');
const run = promisify(execFile);

/**
 * Intent matching per message (mean and p99; targets < 0.5 ms and < 2 ms)
 * over the regression set and the tuning half of the held-out set, and what
 * loading the matcher costs a fresh process (target ≤ 50 ms added).
 */
export async function runIntentBench(): Promise<void> {
  await loadCost();
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const texts = [
    ...parseEvalSet(await readFile(join(FIXTURES, 'eval.jsonl'), 'utf8')).map((e) => e.text),
    ...parseHeldout(await readFile(join(FIXTURES, 'heldout', 'tune.jsonl'), 'utf8')).map((e) => e.text),
  ];
  for (const t of texts) matchIntent(t, playbooks); // warm up (index, lexicon, pinyin, regexes, JIT)
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
    `intent match (${texts.length} messages × ${rounds}): mean ${us(mean)}, p99 ${us(p99)}, ` +
      `max ${us(samples[samples.length - 1]!)} per message (targets: mean < 500 µs, p99 < 2 ms)`,
  );
}

/**
 * In a fresh process (so nothing is cached): the matcher's first use after
 * the playbooks are loaded (lexicon compiled, playbooks indexed), then the
 * first pinyin message (the lexicon's pinyin built from src/intent/lexicon-pinyin.json; whether pinyin-pro was
 * loaded is printed), then the first English message (expressions compiled for one-byte strings), then the first
 * message the rules leave to the n-gram classifier
 * (src/intent/ngram.ts parses its model). `node -e 0` is printed beside them for scale. Node starts with the flags
 * every start of the bot passes (src/node-flags.ts); the first match without them is printed beside, the two kinds of
 * process alternating.
 */
async function loadCost(): Promise<void> {
  const script = `
    const { loadPlaybooks } = await import(${JSON.stringify(join(ROOT, 'src/playbooks/loader.ts'))});
    const { defaultPlaybookDir } = await import(${JSON.stringify(join(ROOT, 'src/playbooks/paths.ts'))});
    const { playbookRegistry } = await import(${JSON.stringify(join(ROOT, 'src/app/playbook-registry.ts'))});
    const t0 = performance.now();
    const { matchIntent } = await import(${JSON.stringify(join(ROOT, 'src/intent/match.ts'))});
    const { builtinLexicon } = await import(${JSON.stringify(join(ROOT, 'src/intent/concepts.ts'))});
    const t1 = performance.now();
    builtinLexicon();
    const tl = performance.now();
    const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
    const t2 = performance.now();
    matchIntent('超管登录不上', playbooks);
    const t3 = performance.now();
    matchIntent('houduan qibulai', playbooks);
    const t4 = performance.now();
    matchIntent('nginx keeps returning 502 on /api/', playbooks);
    const te = performance.now();
    const { pinyinLoaded } = await import(${JSON.stringify(join(ROOT, 'src/intent/pinyin.ts'))});
    // Rules: none, gate open. The rules' own first time on it is taken apart first (ngram: () => null).
    matchIntent('生产环境有问题', playbooks, { ngram: () => null });
    const t5 = performance.now();
    matchIntent('生产环境有问题', playbooks); // the n-gram model is parsed now
    const t6 = performance.now();
    console.log(JSON.stringify({ imports: t1 - t0, lexicon: tl - t1, first: t3 - t2, pinyin: t4 - t3, english: te - t4,
      ngram: t6 - t5, pinyinPro: pinyinLoaded() }));
  `;
  const tries = 5;
  type Row = {
    imports: number;
    lexicon: number;
    first: number;
    pinyin: number;
    english: number;
    ngram: number;
    pinyinPro: boolean;
  };
  const rows: Row[] = [];
  const plain: Row[] = [];
  const once = async (flags: readonly string[]) => {
    const argv = [...flags, '--import', 'tsx', '--input-type=module', '-e', script];
    const { stdout } = await run(process.execPath, argv, { cwd: ROOT });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Row;
  };
  for (let i = 0; i < tries; i++) {
    rows.push(await once(NODE_FLAGS));
    plain.push(await once([]));
  }
  const nodeStart: number[] = [];
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    await run(process.execPath, ['-e', '0']);
    nodeStart.push(performance.now() - t0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `matcher load, median of ${tries} fresh processes: intent modules imported ${ms(med(rows.map((r) => r.imports)))} ` +
      `(through tsx), lexicon compiled ${ms(med(rows.map((r) => r.lexicon)))}, ` +
      `first match (playbooks indexed) ${ms(med(rows.map((r) => r.first)))} ` +
      `(${ms(med(plain.map((r) => r.first)))} without ${NODE_FLAGS.join(' ')}), ` +
      `first pinyin message ${ms(med(rows.map((r) => r.pinyin)))} ` +
      `(pinyin-pro loaded in ${rows.filter((r) => r.pinyinPro).length} of ${tries}), ` +
      `first English message ${ms(med(rows.map((r) => r.english)))}, ` +
      `first message left to the n-gram classifier (model parsed lazily) ${ms(med(rows.map((r) => r.ngram)))}; ` +
      `\`node -e 0\` ${ms(med(nodeStart))}; lexicon and first match together ` +
      `${ms(med(rows.map((r) => r.lexicon + r.first)))} (target: ≤ 50 ms added)`,
  );
}

function us(ms: number): string {
  return `${(ms * 1000).toFixed(1)} µs`;
}

function ms(n: number): string {
  return `${n.toFixed(1)} ms`;
}
