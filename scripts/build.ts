/**
 * `npm run build`: one prepared file for the `oms-chatops` command (bin/oms-chatops.js runs it when present).
 * esbuild bundles src/main.ts into dist/bundle/oms-chatops.js (ESM, Node 20) with code splitting, so Slack,
 * Redis, the spreadsheet code and the playbook parser are chunks loaded by their dynamic import() only when a
 * verb needs them. Source maps are written beside each file; the bin turns them on so stack traces name src/ lines.
 *
 * Usage: tsx scripts/build.ts [outdir]   (default dist/bundle; tests build into a temporary directory)
 * OMS_BUILD_META=file.json also writes esbuild's metafile (what each chunk holds) for a size analysis.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { configCodeHash } from '../src/config/config-cache.js';
import { hashModules } from '../src/store/keyed-cache.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Entry points besides the command. A worker thread needs a file of its own: list it here under the name its
 * starter resolves next to itself (new URL('./<name>.js', import.meta.url)). Missing files are skipped.
 */
const EXTRA_ENTRIES: Record<string, string> = {
  'parse-worker': 'src/users/parse-worker.ts',
};

/** Modules left to Node at run time: ssh2's optional native CPU probe. */
const EXTERNAL = ['cpu-features'];

/**
 * Native addons (ssh2's sshcrypto.node) cannot be bundled: keep the require, pointing from the output directory
 * back into node_modules, so ssh2 keeps its native ciphers (it falls back to pure JS if the file is missing).
 */
function nativeAddons(outdir: string): Plugin {
  return {
    name: 'native-addons',
    setup(b) {
      b.onResolve({ filter: /\.node$/ }, (args) => ({
        path: path.relative(outdir, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/'),
        external: true,
      }));
    },
  };
}

/**
 * zod re-exports all of its ~40 message locales as `z.locales` (a third of its size); we only use English, which
 * zod registers itself. Load time grows with code size, so the bundle gets an index with English alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
    }));
  },
};

/**
 * JSON files of dependencies (mime-db, iconv-lite's code pages) as `JSON.parse("…")` rather than object literals:
 * V8 keeps a literal's boilerplate alive beside the object, which cost the Slack bot several MB of idle memory.
 */
const jsonAsParse: Plugin = {
  name: 'json-as-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

/** CommonJS dependencies inside an ESM bundle still expect require, __filename and __dirname. */
const CJS_SHIM = [
  "import { createRequire as __omsCreateRequire } from 'node:module';",
  "import { fileURLToPath as __omsFileURLToPath } from 'node:url';",
  "import { dirname as __omsDirname } from 'node:path';",
  'const require = __omsCreateRequire(import.meta.url);',
  'const __filename = __omsFileURLToPath(import.meta.url);',
  'const __dirname = __omsDirname(__filename);',
].join('\n');

/** What a build made: the command's entry file and esbuild's account of every output and its inputs. */
export interface Built {
  entry: string;
  metafile: Metafile;
}

/**
 * Every start loads the entry and the chunks it imports statically. esbuild puts a module shared by several entries
 * (each dynamic import() is one) into a chunk per set of entries reaching it, which made ~25 small files for a
 * start, and Node's ESM loader costs about a millisecond per file. A second pass makes every dynamic entry import
 * what a start loads anyway (it is evaluated by then, so nothing runs earlier or twice): those modules are then
 * reached by the same entries and land in one chunk.
 */
function startupFirst(dynamicEntries: ReadonlySet<string>, startup: readonly string[]): Plugin {
  return {
    name: 'startup-first',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const rel = path.relative(ROOT, args.path).split(path.sep).join('/');
        if (!dynamicEntries.has(rel)) return undefined;
        const imports = startup
          .filter((i) => i !== rel && !dynamicEntries.has(i))
          .map((i) => `import ${JSON.stringify(path.join(ROOT, i))};`);
        return { contents: `${imports.join('\n')}\n${await readFile(args.path, 'utf8')}`, loader: 'ts' };
      });
    },
  };
}

/** Build into `outdir` (absolute, or relative to the repository). */
export async function buildBundle(outdir = 'dist/bundle'): Promise<Built> {
  const out = path.resolve(ROOT, outdir);
  const entry = path.join(out, 'oms-chatops.js');
  const first = await buildOnce(out, []);
  // Only the dynamic import()s: the command's entry and a worker thread's (EXTRA_ENTRIES) start a module graph of
  // their own, where importing the start's modules would run the command itself (src/main.ts) a second time.
  const own = new Set(['src/bundle/entry.ts', ...Object.values(EXTRA_ENTRIES)]);
  const entries = new Set(
    Object.values(first.outputs).flatMap((o) => (o.entryPoint && !own.has(o.entryPoint) ? [o.entryPoint] : [])),
  );
  const startup = startupLoad(first, entry).inputs.filter((i) => i.startsWith('src/'));
  const metafile = await buildOnce(out, [startupFirst(entries, startup)]);
  if (process.env.OMS_BUILD_META) await writeFile(process.env.OMS_BUILD_META, JSON.stringify(metafile));
  return { entry, metafile };
}

async function buildOnce(out: string, extraPlugins: Plugin[]): Promise<Metafile> {
  // The bundle finds playbooks/ two levels up from its own files (src/playbooks/paths.ts), as the sources do.
  await rm(out, { recursive: true, force: true });
  const extra = Object.fromEntries(
    Object.entries(EXTRA_ENTRIES).filter(([, file]) => existsSync(path.join(ROOT, file))),
  );
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { 'oms-chatops': 'src/bundle/entry.ts', ...extra },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcesContent: false,
    external: EXTERNAL,
    plugins: [nativeAddons(out), zodEnglishOnly, jsonAsParse, ...extraPlugins],
    banner: { js: CJS_SHIM },
    // The code hashes the compiled forms are keyed by (src/playbooks/compiled.ts, src/config/config-cache.ts).
    define: {
      __OMS_PLAYBOOK_LOADER_HASH__: JSON.stringify(await hashModules(path.join(ROOT, 'src', 'playbooks'))),
      __OMS_CONFIG_LOADER_HASH__: JSON.stringify(await configCodeHash(path.join(ROOT, 'src', 'config'))),
    },
    logLevel: 'warning',
    metafile: true,
  });
  return result.metafile;
}

/**
 * The files a start of the command loads before any dynamic import(): the entry and every chunk it imports
 * statically (`files`, as the metafile names them), their total size and the source files (src/…,
 * node_modules/…) bundled into them.
 */
export function startupLoad(metafile: Metafile, entry: string): { bytes: number; inputs: string[]; files: string[] } {
  const key = Object.keys(metafile.outputs).find((k) => path.resolve(ROOT, k) === path.resolve(entry));
  if (!key) throw new Error(`${entry} is not an output of this build`);
  const files = staticClosure(metafile, key);
  const inputs = files.flatMap((k) => Object.keys(metafile.outputs[k]!.inputs));
  return { bytes: files.reduce((n, k) => n + metafile.outputs[k]!.bytes, 0), inputs, files };
}

/**
 * What a dynamic `import()` of `source` (e.g. `src/slack/start.ts`) loads on top of what was loaded already: its
 * chunk and every chunk that chunk imports statically. Throws when `source` is not a dynamic entry of the build.
 */
export function dynamicLoad(metafile: Metafile, source: string): { bytes: number; inputs: string[]; files: string[] } {
  const key = Object.keys(metafile.outputs).find((k) => metafile.outputs[k]!.entryPoint === source);
  if (!key) throw new Error(`${source} is not loaded by a dynamic import() in this build`);
  return startupLoad(metafile, path.resolve(ROOT, key));
}

function staticClosure(metafile: Metafile, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key) || !metafile.outputs[key]) return [...seen];
  seen.add(key);
  for (const i of metafile.outputs[key].imports)
    if (i.kind === 'import-statement' && !i.external) staticClosure(metafile, i.path, seen);
  return [...seen];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry } = await buildBundle(process.argv[2]);
  console.log(`built ${path.relative(process.cwd(), entry)}`);
}
