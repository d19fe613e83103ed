import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashModules, readKeyed, sha256, writeKeyed } from '../store/keyed-cache.js';
import { deserialisePlaybooks, fitsRegistry, serialisePlaybooks } from './compiled-form.js';
import type { PlaybookRegistry } from './registry.js';
import type { Playbook } from './playbook.js';
import { CAUSES_DIR, readCauseSources, readPlaybookSources, type PlaybookSource } from './sources.js';

/**
 * Version of the compiled form. The key also holds a hash of the loader's own code (src/playbooks), so a change
 * to the front matter schema or the loader invalidates old caches by itself; bump this for anything else.
 */
export const COMPILED_FORMAT = 3;

/** Set by the bundle build (scripts/build.ts): the hash of src/playbooks/*.ts the bundle was built from. */
declare const __OMS_PLAYBOOK_LOADER_HASH__: string | undefined;

/** How the playbooks were obtained, for tests and the bench. */
export type CacheOutcome = 'hit' | 'built' | 'refused' | 'registry-changed' | 'off';

export interface CompiledLoad {
  playbooks: Playbook[];
  outcome: CacheOutcome;
  /** The cache file read or written, if any. */
  file?: string;
}

/**
 * The playbooks of `dir`, from the compiled form when it was made from exactly these bytes, else parsed from the
 * markdown (marked, yaml and zod, loaded only then) and stored again, atomically (temp file + rename). A cache file
 * that is damaged, foreign-owned or writable by others is refused and rebuilt, never trusted. Registry checks run
 * on the compiled form each time; if they fail, the markdown is parsed again so the error names file and line.
 */
export async function loadCompiledPlaybooks(
  dir: string,
  registry: PlaybookRegistry,
  cacheDirs: readonly string[],
): Promise<CompiledLoad> {
  const [sources, causes] = await Promise.all([readPlaybookSources(dir), readCauseSources(dir)]);
  const parse = async () => (await import('./loader.js')).buildPlaybooks(sources, registry, causes);
  if (cacheDirs.length === 0) return { playbooks: await parse(), outcome: 'off' };

  const key = await sourceKey(dir, sources, causes, registry);
  const name = `playbooks-${sha256(path.resolve(dir)).slice(0, 16)}.json`;
  let outcome: CacheOutcome = 'built';
  for (const cacheDir of cacheDirs) {
    const file = path.join(cacheDir, name);
    const read = await readCompiled(file, key);
    if (read === 'absent' || read === 'stale') continue;
    if (read === 'refused') {
      outcome = 'refused';
      continue;
    }
    if (fitsRegistry(read, registry)) return { playbooks: read, outcome: 'hit', file };
    outcome = 'registry-changed';
  }
  const playbooks = await parse();
  let payload: string;
  try {
    payload = serialisePlaybooks(playbooks);
  } catch {
    // A field JSON cannot carry: run from the markdown (test/unit/playbooks/compiled-form.test.ts fails loudly).
    return { playbooks, outcome };
  }
  const file = await writeKeyed(cacheDirs, name, COMPILED_FORMAT, key, payload);
  return { playbooks, outcome, ...(file ? { file } : {}) };
}

async function readCompiled(file: string, key: string): Promise<Playbook[] | 'absent' | 'stale' | 'refused'> {
  const read = await readKeyed(file, COMPILED_FORMAT, key);
  if (typeof read === 'string') return read;
  try {
    return deserialisePlaybooks(read.payload);
  } catch {
    return 'refused';
  }
}

/**
 * Hash of what the compiled form is made from and was validated against: the format, the loader's code, the
 * registry's lists, the directory and every file (the playbooks and the catalogue of causes).
 */
async function sourceKey(
  dir: string,
  sources: readonly PlaybookSource[],
  causes: readonly PlaybookSource[],
  registry: PlaybookRegistry,
) {
  const h = createHash('sha256').update(`oms-chatops playbooks\0${COMPILED_FORMAT}\0${await loaderHash()}\0`);
  h.update(`${registryFingerprint(registry)}\0${path.resolve(dir)}\0`);
  for (const s of sources) h.update(`${path.basename(s.file)}\0${Buffer.byteLength(s.source)}\0`).update(s.source);
  for (const s of causes)
    h.update(`${CAUSES_DIR}/${path.basename(s.file)}\0${Buffer.byteLength(s.source)}\0`).update(s.source);
  return h.digest('hex');
}

/**
 * Every list the registry offers (its methods without arguments: check ids, action ids, and whatever is added
 * later, such as the intent lexicon's concepts) and each check's signals. A whitelist or lexicon change thus
 * rebuilds the compiled form, and the loader reports what no longer fits with file and line.
 */
export function registryFingerprint(registry: PlaybookRegistry): string {
  const lists = Object.entries(registry as unknown as Record<string, unknown>)
    .filter((e): e is [string, () => unknown] => typeof e[1] === 'function' && e[1].length === 0)
    // Code-unit order, not localeCompare: its first call loads ICU's collator (≈ 15–100 ms on every start).
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, list]) => [name, list.call(registry)]);
  const signals = (registry.checkIds?.() ?? []).map((id) => [id, registry.checkSignals(id)]);
  return createHash('sha256')
    .update(JSON.stringify([lists, signals]))
    .digest('hex');
}

let ownCode: Promise<string> | undefined;

/** The bundle's built-in hash, or, from the sources (tsx, Jest, tsc output), the hash of this directory's modules. */
function loaderHash(): Promise<string> {
  if (typeof __OMS_PLAYBOOK_LOADER_HASH__ === 'string') return Promise.resolve(__OMS_PLAYBOOK_LOADER_HASH__);
  ownCode ??= hashModules(path.dirname(fileURLToPath(import.meta.url)));
  return ownCode;
}
