#!/usr/bin/env node
// Splits a held-out intent set, written by someone who never saw the matcher,
// into a tuning half and a test half, once, by a fixed seed, stratified by kind
// (and by expected playbook within a kind), so both halves have the same mix.
//   node scripts/split-intent-heldout.mjs <messages.jsonl> [outDir]
// The test half is for measuring only: nobody tunes the matcher on it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SEED = 20261130;
const [input, outDir = 'test/fixtures/intent/heldout'] = process.argv.slice(2);
if (!input) {
  console.error('usage: node scripts/split-intent-heldout.mjs <messages.jsonl> [outDir]');
  process.exit(2);
}

/** mulberry32: a small seeded PRNG, so the split is the same on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rows = readFileSync(input, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, i) => {
    try {
      return JSON.parse(l);
    } catch {
      console.error(`${input}:${i + 1}: not JSON`);
      process.exit(2);
    }
  });
const strata = new Map();
for (const r of rows) {
  const key = `${r.kind}/${r.expect ?? 'null'}`;
  if (!strata.has(key)) strata.set(key, []);
  strata.get(key).push(r);
}
const random = rng(SEED);
const tune = [];
const test = [];
let flip = 0;
for (const key of [...strata.keys()].sort()) {
  const group = strata.get(key);
  for (let i = group.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [group[i], group[j]] = [group[j], group[i]];
  }
  // Odd-sized strata alternate which half gets the extra message.
  const half = Math.floor(group.length / 2) + (group.length % 2 ? flip++ % 2 : 0);
  tune.push(...group.slice(0, half));
  test.push(...group.slice(half));
}
mkdirSync(outDir, { recursive: true });
const write = (name, list) =>
  writeFileSync(join(outDir, name), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
write('tune.jsonl', tune);
write('test.jsonl', test);
console.log(`split ${rows.length} messages: tune ${tune.length}, test ${test.length} (seed ${SEED})`);
