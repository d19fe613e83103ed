import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NULL_CLASS, type NgramExample } from './model.js';

/**
 * The labelled sets under test/fixtures/intent/ the n-gram classifier learns from, each one fold of the
 * leave-one-set-out cross-validation (scripts/cv-intent-model.ts, scripts/intent-ngram/loso.ts): every labelled set
 * in the repository but the blind ones (test/unit/scripts/intent-ngram/model.test.ts holds that none is left out).
 * A blind set is kept outside the repository until it has been scored.
 */
export const TRAINING_SETS = [
  'eval.jsonl',
  'probes.jsonl',
  'offered-probes.jsonl',
  'fresh/messages.jsonl',
  'heldout/tune.jsonl',
  'heldout/test.jsonl',
  'round3/tune.jsonl',
  'round3/test.jsonl',
  'round4/tune.jsonl',
  'round4/test.jsonl',
  'round5/tune.jsonl',
  'round5/test.jsonl',
  'round6/tune.jsonl',
  'round6/test.jsonl',
  'round8/tune.jsonl',
  'round8/test.jsonl',
  'round9/tune.jsonl',
  'round9/test.jsonl',
  'round10/tune.jsonl',
  'round10/test.jsonl',
  'round11/tune.jsonl',
  'round11/test.jsonl',
  'round12/tune.jsonl',
  'round12/test.jsonl',
  'round13/tune.jsonl',
  'round13/test.jsonl',
  'round14/tune.jsonl',
  'round14/test.jsonl',
  'round15/tune.jsonl',
  'round15/test.jsonl',
  'round16/tune.jsonl',
  'round16/test.jsonl',
  'round17/tune.jsonl',
  'round17/test.jsonl',
  'round19/tune.jsonl',
  'round19/test.jsonl',
  'round20/tune.jsonl',
  'round20/test.jsonl',
  'round21/tune.jsonl',
  'round21/test.jsonl',
  'round22/tune.jsonl',
  'round22/test.jsonl',
  'round23/tune.jsonl',
  'round23/test.jsonl',
  'round24/tune.jsonl',
  'round25/tune.jsonl',
] as const;

/**
 * Scored blind and never tuned on (figures-only in `npm run eval:intent`): not learned from, so that the next
 * figure on them stays a blind one: round 24's test half, kept outside the repository until it had been scored after
 * round 23 (round 23's test half, blind until round 24, is tuning material since).
 */
export const BLIND_SETS: readonly string[] = ['round24/test.jsonl'];

/** One set: its name and messages, with the evaluation's kind (symptom, howto, …; eval.jsonl's own kinds). */
export interface TrainingSet {
  name: string;
  examples: Array<NgramExample & { kind: string; expect: string | null; section: string | null; id: string }>;
}

/** Read the training sets (both line formats: `label` of eval.jsonl, `expect` of the held-out sets). */
export async function readTrainingSets(fixtures: string): Promise<TrainingSet[]> {
  const out: TrainingSet[] = [];
  for (const name of TRAINING_SETS) {
    const source = await readFile(join(fixtures, name), 'utf8');
    const examples: TrainingSet['examples'] = [];
    source.split('\n').forEach((line, i) => {
      if (!line.trim() || line.trim().startsWith('#')) return;
      const e = JSON.parse(line) as Record<string, unknown>;
      const expect = (('label' in e ? e.label : e.expect) ?? null) as string | null;
      examples.push({
        id: typeof e.id === 'string' ? e.id : `${name}:${i + 1}`,
        text: String(e.text),
        label: expect ?? NULL_CLASS,
        expect,
        kind: typeof e.kind === 'string' ? e.kind : 'notes',
        section: typeof e.section === 'string' ? e.section : null,
      });
    });
    out.push({ name, examples });
  }
  return out;
}
