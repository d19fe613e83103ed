import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOriginal, indexLines, type LineIndex, type SourceMapText } from './source-map-lookup.js';

/**
 * Stack traces of the bundle in terms of src/ files. Node's own source-map support (`--enable-source-maps`) reads
 * and decodes every map when its module loads, which costs the bundle a large part of its start-up; here a map is
 * read only when a stack trace that passes through its file is actually formatted, and nothing of it is kept
 * afterwards: Node formats stacks of its own errors too (a released web-stream reader, at every Slack start), and
 * a map held decoded for that would cost the idle bot about 20 MB (src/bundle/source-map-lookup.ts).
 *
 * Frames outside `bundleDir` are printed as V8 prints them.
 */
export function mapStacksToSources(bundleDir: string): void {
  /** The last few maps read, each with its line index: a lookup then reads one generated line, not the map. */
  const maps = new Map<string, Indexed | undefined>();
  const mapFor = (file: string): Indexed | undefined => {
    if (!maps.has(file)) {
      maps.set(file, readIndexed(`${file}.map`));
      // Stacks mostly pass through one or two chunks; older maps are dropped (each costs about its mappings).
      if (maps.size > MAPS_KEPT) maps.delete(maps.keys().next().value!);
    }
    return maps.get(file);
  };
  const frame = (site: NodeJS.CallSite): string => {
    const url = site.getFileName();
    const file = url?.startsWith('file:') ? fileURLToPath(url) : url;
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const map = file && path.dirname(file) === bundleDir && line && column ? mapFor(file) : undefined;
    const entry = map ? findOriginal(map.map, line! - 1, column! - 1, map.index) : undefined;
    if (!entry) return String(site);
    const where = `${path.resolve(bundleDir, entry.source)}:${entry.line + 1}:${entry.column + 1}`;
    const name = site.getFunctionName();
    const prefix = `${site.isAsync() ? 'async ' : ''}${site.isConstructor() ? 'new ' : ''}`;
    return name ? `${prefix}${name} (${where})` : `${prefix}${where}`;
  };
  let busy = false;
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) => {
    let head: string;
    try {
      head = Error.prototype.toString.call(error);
    } catch {
      head = '<error>';
    }
    if (busy) return head + sites.map((s) => `\n    at ${String(s)}`).join('');
    busy = true;
    try {
      return head + sites.map((s) => `\n    at ${frame(s)}`).join('');
    } catch {
      return head + sites.map((s) => `\n    at ${String(s)}`).join('');
    } finally {
      busy = false;
    }
  };
}

const MAPS_KEPT = 2;

interface Indexed {
  map: SourceMapText;
  index: LineIndex;
}

/** A map file's parts a lookup needs (not its sources' text), with its line index; undefined if unreadable. */
function readIndexed(file: string): Indexed | undefined {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<SourceMapText> | null;
    if (!raw || typeof raw.mappings !== 'string' || !Array.isArray(raw.sources)) return undefined;
    const map: SourceMapText = {
      mappings: raw.mappings,
      sources: raw.sources.map(String),
      ...(typeof raw.sourceRoot === 'string' ? { sourceRoot: raw.sourceRoot } : {}),
    };
    const index = indexLines(map);
    return index ? { map, index } : undefined;
  } catch {
    return undefined;
  }
}
