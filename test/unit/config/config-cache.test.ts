import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCachedConfig, serialiseConfig, type ConfigParser } from '../../../src/config/config-cache.js';
import { ConfigError, loadConfig, parseConfig } from '../../../src/config/config.js';

const EXAMPLE = fileURLToPath(new URL('../../../oms-chatops.example.yml', import.meta.url));

let work: string;
let cache: string;
let file: string;
let parses: number;

/** The real parser, counting how often it runs (a hit must not run it). */
const parse: ConfigParser = async (text, f) => {
  parses++;
  return f === undefined ? loadConfig(undefined) : parseConfig(text, f);
};

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'oms-config-cache-'));
  cache = path.join(work, 'cache');
  file = path.join(work, 'oms-chatops.yml');
  await writeFile(file, await readFile(EXAMPLE, 'utf8'));
  parses = 0;
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('loadCachedConfig', () => {
  it('parses once, then reads the compiled form back equal to a fresh parse (targets, groups, policy)', async () => {
    const fresh = await loadConfig(file);
    const first = await loadCachedConfig(file, parse, [cache]);
    expect(first.outcome).toBe('built');
    expect(first.config).toEqual(fresh);
    const second = await loadCachedConfig(file, parse, [cache]);
    expect(second.outcome).toBe('hit');
    expect(parses).toBe(1);
    expect(second.config).toEqual(fresh);
    expect(second.config.targets).toBeInstanceOf(Map);
    expect(second.config.groups).toBeInstanceOf(Map);
    expect(second.config.targets.get('local')).toEqual(fresh.targets.get('local'));
  });

  it('keeps the built-in config (no file) too', async () => {
    const fresh = await loadConfig(undefined);
    expect((await loadCachedConfig(undefined, parse, [cache])).config).toEqual(fresh);
    const again = await loadCachedConfig(undefined, parse, [cache]);
    expect(again.outcome).toBe('hit');
    expect(again.config).toEqual(fresh);
  });

  it('parses again when the file changes, so an edit is seen on the next command', async () => {
    await loadCachedConfig(file, parse, [cache]);
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text}\ndataDir: /srv/oms-chatops\n`);
    const after = await loadCachedConfig(file, parse, [cache]);
    expect(after.outcome).toBe('built');
    expect(after.config.dataDir).toBe('/srv/oms-chatops');
  });

  it('reports a broken file with file:line every time, never from the cache', async () => {
    await loadCachedConfig(file, parse, [cache]);
    await writeFile(file, 'targets:\n  prod:\n    hots: 172.29.91.61\n');
    for (let i = 0; i < 2; i++) {
      const e = await loadCachedConfig(file, parse, [cache]).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toMatch(/oms-chatops\.yml:3: .*hots/);
    }
  });

  it('refuses a damaged or foreign-writable cache file and parses again', async () => {
    await loadCachedConfig(file, parse, [cache]);
    const [name] = (await readdir(cache)).filter((n) => n.startsWith('config-'));
    const cached = path.join(cache, name!);
    const text = await readFile(cached, 'utf8');
    await writeFile(cached, text.replace('"dataDir":"var"', '"dataDir":"/tmp"'));
    const damaged = await loadCachedConfig(file, parse, [cache]);
    expect(damaged.outcome).toBe('refused');
    expect(damaged.config.dataDir).toBe('var');
    await chmod(cached, 0o666);
    const open = await loadCachedConfig(file, parse, [cache]);
    expect(open.outcome).toBe('refused');
    expect(open.config.dataDir).toBe('var');
  });

  it('reads the file itself with the config errors (missing file)', async () => {
    const e = await loadCachedConfig(path.join(work, 'nope.yml'), parse, [cache]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as Error).message).toContain('file not found');
  });

  it('serialises every field a config has, and refuses what JSON cannot carry', async () => {
    const config = await loadConfig(file);
    expect(() => serialiseConfig(config)).not.toThrow();
    expect(() => serialiseConfig({ ...config, policy: { ...config.policy, extra: new Set([1]) } } as never)).toThrow(
      /cannot be stored/,
    );
  });
});
