import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPrivate, prepareCacheDir } from './cache-dir.js';

/**
 * A cache file of a compiled form (the playbooks, the config): a header line `{format, key, sha256}` and the
 * payload on the next line. The key is a hash of everything the payload was made from; the sha256 covers the
 * payload, so a damaged file is refused rather than trusted. Files are written atomically (temp file + rename),
 * mode 0600, into a private directory only (src/store/cache-dir.ts).
 */
interface Header {
  format: number;
  key: string;
  sha256: string;
}

/** The payload, or why there is none: no file, made from something else, or not to be trusted. */
export type KeyedRead = { payload: string } | 'absent' | 'stale' | 'refused';

export async function readKeyed(file: string, format: number, key: string): Promise<KeyedRead> {
  let text: string;
  try {
    const fh = await open(file, 'r');
    try {
      if (!isPrivate(await fh.stat())) return 'refused';
      text = await fh.readFile('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return 'absent';
  }
  try {
    const nl = text.indexOf('\n');
    if (nl < 0) return 'refused';
    const header = JSON.parse(text.slice(0, nl)) as Partial<Header>;
    if (header.format !== format || header.key !== key) return 'stale';
    const payload = text.slice(nl + 1);
    return header.sha256 === sha256(payload) ? { payload } : 'refused';
  } catch {
    return 'refused';
  }
}

/** Write to the first directory that takes it; the cache is an optimisation, so failing everywhere is not an error. */
export async function writeKeyed(
  dirs: readonly string[],
  name: string,
  format: number,
  key: string,
  payload: string,
): Promise<string | undefined> {
  const header: Header = { format, key, sha256: sha256(payload) };
  for (const dir of dirs) {
    if (!(await prepareCacheDir(dir))) continue;
    const file = path.join(dir, name);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(header)}\n${payload}`, { mode: 0o600, flag: 'wx' });
      await rename(temp, file);
      return file;
    } catch {
      await unlink(temp).catch(() => undefined);
    }
  }
  return undefined;
}

/**
 * sha256 over the `.ts`/`.js` files of `dir` (those whose name `only` matches, if given) by name: a compiled form
 * made by other code is stale.
 */
export async function hashModules(dir: string, only?: RegExp): Promise<string> {
  const names = (await readdir(dir))
    .filter((n) => /\.(ts|js|mjs)$/.test(n) && !n.endsWith('.d.ts') && (!only || only.test(n)))
    .sort();
  const h = createHash('sha256');
  for (const n of names) h.update(`${n}\0`).update(await readFile(path.join(dir, n)));
  return h.digest('hex');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
