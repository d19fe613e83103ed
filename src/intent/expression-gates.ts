import { readFileSync } from 'node:fs';
import { intentDataFile } from './data-file.js';
import { requiredLiterals } from './required-literal.js';

/**
 * `<repo>/src/intent/expression-gates.json` (src/intent/data-file.ts finds it): for every alternative of the
 * lexicon's expressions and the other systems' names, and every log signature of the playbooks in `playbooks/`, the
 * literals one of which every match holds (null: none), as src/intent/required-literal.ts reads them. Written by
 * scripts/gen-lexicon-data.ts (`npm run gen:lexicon`; test/unit/scripts/gen-lexicon-data.test.ts fails while it is
 * out of date): reading ~700 sources on a process's first match cost 10–25 ms of it, looking them up here about a
 * millisecond.
 */
export function expressionGatesFile(): string {
  return intentDataFile('expression-gates.json');
}

let written: Map<string, string[] | null> | null | undefined;

/** The literals gating an alternative (undefined: none, always run it): written, or read from its source now. */
export function gatesOf(alternative: string): string[] | undefined {
  if (written === undefined) {
    try {
      const table = JSON.parse(readFileSync(expressionGatesFile(), 'utf8')) as Record<string, string[] | null>;
      written = new Map(Object.entries(table));
    } catch {
      written = null; // read from the sources instead: slower, the same gates
    }
  }
  if (written?.has(alternative)) return written.get(alternative) ?? undefined;
  return requiredLiterals(alternative);
}
