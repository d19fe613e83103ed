import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `<repo>/playbooks`, found from this module's own location: the module lives
 * in `src/playbooks/` (tsx, Jest), or in a file of the bundle in `dist/bundle/` (npm run build),
 * two levels below the repository root either way.
 */
export function defaultPlaybookDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'playbooks');
}
