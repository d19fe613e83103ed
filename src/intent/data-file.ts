import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `<repo>/src/intent/<name>`: a data file written by a script (the n-gram classifier, the lexicon's pinyin readings,
 * the expressions' gates), found from this module's own location: it lives in `src/intent/` (tsx, Jest) or in a file
 * of the bundle in `dist/bundle/`, two levels below the repository root either way (as src/playbooks/paths.ts finds
 * the playbooks).
 */
export function intentDataFile(name: string): string {
  // The folder is worked out once: the n-gram classifier asks for its file on every message it reads.
  dir ??= path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'intent');
  return path.join(dir, name);
}
let dir: string | undefined;
