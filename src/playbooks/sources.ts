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
