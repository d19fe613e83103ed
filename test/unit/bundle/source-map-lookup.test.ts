import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findOriginal, indexLines, type SourceMapText } from '../../../src/bundle/source-map-lookup.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A real map: esbuild bundling part of src/ the way scripts/build.ts does (minified whitespace, linked map). */
async function realMap(): Promise<{ code: string; map: SourceMapText }> {
  const r = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/checks/registry.ts'],
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'external',
    minifyWhitespace: true,
    minifySyntax: true,
    sourcesContent: false,
    outfile: 'out/registry.js',
    write: false,
    logLevel: 'silent',
  });
  const text = (ext: string) => r.outputFiles.find((f) => f.path.endsWith(ext))!.text;
  return { code: text('.js'), map: JSON.parse(text('.js.map')) as SourceMapText };
}

describe('findOriginal', () => {
  it('answers every position of a real bundle as node:module SourceMap.findEntry does', async () => {
    const { code, map } = await realMap();
    const node = new SourceMap(map as unknown as ConstructorParameters<typeof SourceMap>[0]);
    const lines = code.split('\n');
    expect(lines.length).toBeGreaterThan(10);
    let compared = 0;
    // Every line, a few columns on each (each lookup reads the map up to its line).
    lines.forEach((text, line) => {
      const step = Math.max(1, Math.floor(text.length / 6));
      for (let column = 0; column <= text.length; column += step) {
        const want = node.findEntry(line, column) as { originalSource?: string; originalLine?: number };
        const got = findOriginal(map, line, column);
        if (want.originalSource === undefined) {
          expect(got).toBeUndefined();
          continue;
        }
        const entry = want as { originalSource: string; originalLine: number; originalColumn: number };
        // Node resolves the source against the map's own location; the lookup leaves it as the map names it.
        expect(got && { ...got, source: path.basename(got.source) }).toEqual({
          source: path.basename(entry.originalSource),
          line: entry.originalLine,
          column: entry.originalColumn,
        });
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(300);
    const sources = new Set(lines.flatMap((_, line) => findOriginal(map, line, 0)?.source ?? []));
    expect([...sources].filter((s) => /src\/checks\/[\w-]+\.ts$/.test(s)).length).toBeGreaterThan(10);
  });

  it('answers the same through the line index, at every line and column, past the end too', async () => {
    const { code, map } = await realMap();
    const index = indexLines(map)!;
    const lines = code.split('\n');
    expect(index.lines).toBe(map.mappings.split(';').length);
    let compared = 0;
    for (let line = 0; line <= lines.length + 1; line++) {
      const text = lines[line] ?? '';
      const step = Math.max(1, Math.floor(text.length / 9));
      for (let column = 0; column <= text.length + 1; column += step) {
        expect(findOriginal(map, line, column, index)).toEqual(findOriginal(map, line, column));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(indexLines({ sources: ['a.ts'], mappings: 'AAAA;A!' })).toBeUndefined();
  });

  it('finds the last mapping at or before the column, on its line or an earlier one', () => {
    // Line 0: col 0 → a.ts 0:0, col 10 → a.ts 1:4. Line 1: col 5 → b.ts 2:0 (source index +1, line +1, col -4).
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,UACI;KCCJ' };
    expect(findOriginal(map, 0, 0)).toEqual({ source: 'a.ts', line: 0, column: 0 });
    expect(findOriginal(map, 0, 9)).toEqual({ source: 'a.ts', line: 0, column: 0 });
    expect(findOriginal(map, 0, 10)).toEqual({ source: 'a.ts', line: 1, column: 4 });
    expect(findOriginal(map, 1, 2)).toEqual({ source: 'a.ts', line: 1, column: 4 });
    expect(findOriginal(map, 1, 5)).toEqual({ source: 'b.ts', line: 2, column: 0 });
    expect(findOriginal(map, 7, 0)).toEqual({ source: 'b.ts', line: 2, column: 0 });
  });

  it('answers nothing before the first mapping, for a segment without a source, or for a damaged map', () => {
    expect(findOriginal({ sources: ['a.ts'], mappings: 'KAAA' }, 0, 2)).toBeUndefined();
    expect(findOriginal({ sources: ['a.ts'], mappings: 'AAAA,K' }, 0, 7)).toBeUndefined();
    expect(findOriginal({ sources: ['a.ts'], mappings: 'AA!A' }, 0, 0)).toBeUndefined();
    expect(findOriginal({ sources: ['a.ts'], mappings: 'ACAA' }, 0, 0)).toBeUndefined();
    expect(findOriginal({ sources: ['a.ts'], mappings: '' }, 0, 0)).toBeUndefined();
  });
});
