import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashModules, readKeyed, sha256, writeKeyed } from '../store/keyed-cache.js';
import type { Config } from './config.js';
import { readConfigText } from './config-file.js';

/**
 * The validated config from its compiled form: parsing YAML and validating with zod cost a start-up more than
 * everything else a `list` does, so the result is kept (as JSON) under the cache directory, keyed by the file's
 * path and bytes and the config code that validated them. An edited file, or other config code, is parsed again;
 * a file with a problem is parsed every time (only valid configs are stored), so the error always names file and
 * line. The parser (src/config/config.ts, which loads yaml and zod) is injected and loaded only on a miss.
 */
export const CONFIG_CACHE_FORMAT = 1;

/** Parse and validate `text` read from `file`; no file: the built-in config. */
export type ConfigParser = (text: string, file: string | undefined) => Promise<Config>;

/** How the config was obtained, for tests and the bench. */
export type ConfigCacheOutcome = 'hit' | 'built' | 'refused' | 'off';

/** Set by the bundle build (scripts/build.ts): {@link configCodeHash} of the sources the bundle was built from. */
declare const __OMS_CONFIG_LOADER_HASH__: string | undefined;

/** What names the built-in config (no file) in the cache key. */
const BUILT_IN = 'built-in';

export async function loadCachedConfig(
  file: string | undefined,
  parse: ConfigParser,
  cacheDirs: readonly string[],
): Promise<{ config: Config; outcome: ConfigCacheOutcome }> {
  const text = file === undefined ? '' : await readConfigText(file);
  const build = () => parse(text, file);
  if (cacheDirs.length === 0) return { config: await build(), outcome: 'off' };
  const key = sha256(`oms-chatops config\0${await codeHash()}\0${file ?? BUILT_IN}\0${text}`);
  const name = `config-${sha256(file ?? BUILT_IN).slice(0, 16)}.json`;
  let outcome: ConfigCacheOutcome = 'built';
  for (const dir of cacheDirs) {
    const read = await readKeyed(path.join(dir, name), CONFIG_CACHE_FORMAT, key);
    if (read === 'refused') outcome = 'refused';
    if (typeof read === 'string') continue;
    try {
      return { config: deserialiseConfig(read.payload), outcome: 'hit' };
    } catch {
      outcome = 'refused';
    }
  }
  const config = await build();
  let payload: string | undefined;
  try {
    payload = serialiseConfig(config);
  } catch {
    // A value JSON cannot carry: use the config as parsed (test/unit/config/config-cache.test.ts fails loudly).
  }
  if (payload !== undefined) await writeKeyed(cacheDirs, name, CONFIG_CACHE_FORMAT, key, payload);
  return { config, outcome };
}

/** How a Map is written: `{ "$map": [[key, value], …] }`; a plain object with a `$map` key is not stored. */
const MAP = '$map';

/** The config as JSON (Maps as entry lists); throws for anything JSON cannot carry faithfully. */
export function serialiseConfig(config: Config): string {
  return JSON.stringify(config, function (key, value: unknown) {
    if (value instanceof Map) return { [MAP]: [...value] };
    if (value instanceof Set || value instanceof RegExp || typeof value === 'function' || typeof value === 'bigint')
      throw new TypeError(`config field "${key}" cannot be stored in the compiled form; store plain data`);
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, MAP))
      throw new TypeError(`config field "${key}" has a "${MAP}" key`);
    return value;
  });
}

export function deserialiseConfig(text: string): Config {
  const value: unknown = JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, MAP)) {
      const entries = (v as Record<string, unknown>)[MAP];
      if (!Array.isArray(entries)) throw new TypeError('malformed map');
      return new Map(entries as Array<[unknown, unknown]>);
    }
    return v;
  });
  const c = value as Partial<Config> | null;
  if (!c || !(c.targets instanceof Map) || !(c.groups instanceof Map) || typeof c.defaultTarget !== 'string')
    throw new TypeError('not a compiled config');
  return c as Config;
}

/** sha256 of the code that turns a config file into a {@link Config}: src/config/*.ts and src/duration.ts. */
export async function configCodeHash(configDir: string): Promise<string> {
  const parts = [await hashModules(configDir), await hashModules(path.dirname(configDir), /^duration\.[mc]?[jt]s$/)];
  return sha256(parts.join('\0'));
}

let ownCode: Promise<string> | undefined;

function codeHash(): Promise<string> {
  if (typeof __OMS_CONFIG_LOADER_HASH__ === 'string') return Promise.resolve(__OMS_CONFIG_LOADER_HASH__);
  ownCode ??= configCodeHash(path.dirname(fileURLToPath(import.meta.url)));
  return ownCode;
}
