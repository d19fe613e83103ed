import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces of the bundle in terms of src/ files. Node's own source-map support (`--enable-source-maps`) reads
 * and decodes every map when its module loads, which costs the bundle a large part of its start-up; here a map is
 * read only when a stack trace that passes through its file is actually formatted (an internal error).
 *
 * Frames outside `bundleDir` are printed as V8 prints them.
 */
export function mapStacksToSources(bundleDir: string): void {
  const maps = new Map<string, SourceMap | undefined>();
  const mapFor = (file: string): SourceMap | undefined => {
    if (!maps.has(file)) {
      let map: SourceMap | undefined;
      try {
        map = new SourceMap(
          JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0],
        );
      } catch {
        map = undefined;
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
  const frame = (site: NodeJS.CallSite): string => {
    const url = site.getFileName();
    const file = url?.startsWith('file:') ? fileURLToPath(url) : url;
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const map = file && path.dirname(file) === bundleDir && line && column ? mapFor(file) : undefined;
    const entry = map?.findEntry(line! - 1, column! - 1);
    if (!entry || !('originalSource' in entry)) return String(site);
    const source = path.resolve(bundleDir, entry.originalSource);
    const where = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
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
    } finally {
      busy = false;
    }
  };
}
