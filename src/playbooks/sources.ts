import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One playbook file's text, before validation. */
export interface PlaybookSource {
  file: string;
  source: string;
}

/** Every `*.md` in `dir` except README.md, by name, with its text. */
export async function readPlaybookSources(dir: string): Promise<PlaybookSource[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  return Promise.all(
    names.map(async (n) => {
      const file = path.resolve(dir, n);
      return { file, source: await readFile(file, 'utf8') };
    }),
  );
}

/** The catalogue of causes lives in this directory under the playbooks (docs/playbooks.md). */
export const CAUSES_DIR = 'causes';

/** Every `*.md` of `<dir>/causes` except README.md, by name (none when the directory does not exist). */
export async function readCauseSources(dir: string): Promise<PlaybookSource[]> {
  try {
    return await readPlaybookSources(path.join(dir, CAUSES_DIR));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}
