import { isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';

/**
 * Where things are in the config's YAML document, for error messages: the key
 * path and line of a problem, the first alias, whether the file is a config at all.
 */

/** Deeper than any config; the YAML parser runs out of memory on [[[[… a hundred thousand deep. */
export const MAX_DEPTH = 64;

/** The line where `[`/`{` nesting first goes past {@link MAX_DEPTH}, or `undefined`. One pass, no parsing. */
export function tooDeep(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return line;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/** No document at all, or an empty one (only comments). */
export function isEmpty(contents: unknown): boolean {
  return contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''));
}

/** A mapping with at least one of `keys` at its top: only then are its other keys worth naming. */
export function hasAnyKey(contents: unknown, keys: ReadonlySet<string>): boolean {
  return isMap(contents) && contents.items.some((p) => isScalar(p.key) && keys.has(String(p.key.value)));
}

/** The line of `key` inside the mapping at `path` (an unknown key at the top level has a line too). */
export function keyLine(doc: Document, path: string[], key: string, lineOf: (o: number) => number): number | undefined {
  const map = path.length ? doc.getIn(path, true) : doc.contents;
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  return range ? lineOf(range[0]) : undefined;
}

/** Where the first key that repeats a key of the same mapping starts; one pass over the document. */
export function firstDuplicateKey(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          at = pair.key.range?.[0];
          return visit.BREAK;
        }
        seen.add(pair.key.value);
      }
      return undefined;
    },
  });
  return at;
}

/** Where the first `*alias` is (an alias bomb is reported there). */
export function firstAlias(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  return at;
}

const PLAIN_KEY = /^[A-Za-z0-9_-]{1,40}$/;

/** The dotted key path of the deepest mapping entry holding `offset`. */
export function keyPathAt(doc: Document, offset: number): string {
  const path: string[] = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 20; depth++) {
    if (!isMap(node) && !isSeq(node)) break;
    let next: unknown;
    node.items.forEach((item: unknown, i: number) => {
      if (next !== undefined) return;
      if (isPair(item)) {
        const k = item.key as { range?: [number, number, number] } | null;
        const v = item.value as { range?: [number, number, number] } | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[2] ?? k?.range?.[2];
        if (start === undefined || end === undefined || offset < start || offset >= end) return;
        const name = isScalar(item.key) ? String(item.key.value) : '';
        // A key that is not a plain name is what the parser made of a broken line: the path stops above it.
        if (!PLAIN_KEY.test(name)) return;
        path.push(name);
        next = item.value ?? null;
      } else if ((item as { range?: [number, number, number] })?.range) {
        const r = (item as { range: [number, number, number] }).range;
        if (offset >= r[0] && offset < r[2]) {
          path.push(String(i));
          next = item;
        }
      }
    });
    if (next === undefined || next === null) break;
    node = next;
  }
  return path.join('.');
}
