import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `<repo>/src/intent/<name>`: a data file written by a script (the n-gram classifier, the lexicon's pinyin readings,
 * the expressions' gates), found from this module's own location: it lives in `src/intent/` (tsx, Jest) or in a file
 * of the bundle in `dist/bundle/`, two levels below the repository root either way (as src/playbooks/paths.ts finds
 * the playbooks).
 */
export function intentDataFile(name: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'src', 'intent', name);
}
