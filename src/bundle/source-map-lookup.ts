/** Where one generated position of the bundle came from. */
export interface OriginalPosition {
  /** The source as the map names it (relative to the map's directory, e.g. `../../src/main.ts`). */
  source: string;
  /** Zero-based, as in the map. */
  line: number;
  column: number;
}

/** The parts of a source map (version 3) a lookup reads. */
export interface SourceMapText {
  sources: readonly string[];
  sourceRoot?: string;
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;
const COMMA = 44;
const SEMICOLON = 59;

/**
 * The original position of a generated (zero-based) line and column: the last mapping at or before it, as
 * `SourceMap.findEntry` of node:module answers, but by one pass over the `mappings` string that keeps nothing.
 * Node's class decodes every segment of the map into its own array when it is built (for the Slack bundle's
 * 1 MB map, some 20 MB of heap that stayed for the life of the process); this reads the text once per lookup.
 * A mapping without a source, a malformed map, or a position before the first mapping: undefined.
 */
export function findOriginal(
  map: SourceMapText,
  line: number,
  column: number,
  index?: LineIndex,
): OriginalPosition | undefined {
  // With an index, start at the generated line's first segment, in the state the segments before it left; a
  // position before that line's first segment (the answer lies on an earlier line) reads the whole map.
  if (index && line < index.lines) {
    const at = line * 4;
    const fromLine = scan(map, line, column, [index.state[at]!, line, ...index.state.subarray(at + 1, at + 4)]);
    if (fromLine) return fromLine;
  }
  return scan(map, line, column, [0, 0, 0, 0, 0]);
}

/** The scan from a state: offset in `mappings`, generated line, source, original line, original column. */
function scan(map: SourceMapText, line: number, column: number, from: readonly number[]): OriginalPosition | undefined {
  const m = map.mappings;
  let [i, genLine, src, origLine, origCol] = from as [number, number, number, number, number];
  let genCol = 0;
  let found: 'source' | 'bare' | undefined;
  let foundSrc = 0;
  let foundLine = 0;
  let foundCol = 0;
  while (i < m.length) {
    const c = m.charCodeAt(i);
    if (c === SEMICOLON) {
      genLine++;
      genCol = 0;
      i++;
      if (genLine > line) break;
      continue;
    }
    if (c === COMMA) {
      i++;
      continue;
    }
    // One segment: 1, 4 or 5 base64 VLQ numbers, each relative to the previous segment's.
    let n = 0;
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let f3 = 0;
    for (let d = c; d !== COMMA && d !== SEMICOLON && i < m.length; d = m.charCodeAt(i)) {
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        const code = m.charCodeAt(i++);
        digit = code < 128 ? DIGIT[code]! : -1;
        if (digit < 0 || shift > 30) return undefined;
        value |= (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      const v = value & 1 ? -(value >>> 1) : value >>> 1;
      if (n === 0) f0 = v;
      else if (n === 1) f1 = v;
      else if (n === 2) f2 = v;
      else if (n === 3) f3 = v;
      n++;
    }
    genCol += f0;
    if (n >= 4) {
      src += f1;
      origLine += f2;
      origCol += f3;
    }
    if (genLine === line && genCol > column) break;
    foundSrc = src;
    foundLine = origLine;
    foundCol = origCol;
    found = n >= 4 ? 'source' : 'bare';
  }
  const source = found === 'source' ? map.sources[foundSrc] : undefined;
  if (source === undefined) return undefined;
  return { source: `${map.sourceRoot ?? ''}${source}`, line: foundLine, column: foundCol };
}

/**
 * Where each generated line's segments start in `mappings`, and the source, original line and column the
 * segments before it left (fields of a segment are relative to the previous segment's, across lines): 16 bytes
 * per generated line, so a lookup reads one line instead of the whole map. Undefined for a malformed map.
 */
export interface LineIndex {
  lines: number;
  /** Per line: offset in `mappings`, source, original line, original column. */
  state: Int32Array;
}

export function indexLines(map: SourceMapText): LineIndex | undefined {
  const m = map.mappings;
  let lines = 1;
  for (let i = 0; i < m.length; i++) if (m.charCodeAt(i) === SEMICOLON) lines++;
  const state = new Int32Array(lines * 4);
  let line = 0;
  let src = 0;
  let origLine = 0;
  let origCol = 0;
  let n = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < m.length; i++) {
    const c = m.charCodeAt(i);
    if (c === SEMICOLON || c === COMMA) {
      if (shift !== 0) return undefined;
      n = 0;
      if (c === SEMICOLON) {
        line++;
        state.set([i + 1, src, origLine, origCol], line * 4);
      }
      continue;
    }
    const digit = c < 128 ? DIGIT[c]! : -1;
    if (digit < 0 || shift > 30) return undefined;
    value |= (digit & 31) << shift;
    shift += 5;
    if (digit & 32) continue;
    const v = value & 1 ? -(value >>> 1) : value >>> 1;
    if (n === 1) src += v;
    else if (n === 2) origLine += v;
    else if (n === 3) origCol += v;
    n++;
    value = 0;
    shift = 0;
  }
  return { lines, state };
}
