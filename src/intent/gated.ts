import { gatesOf } from './expression-gates.js';
import { topAlternatives } from './required-literal.js';
import { anywhere, TermIndex } from './term-scan.js';

/**
 * A rule's expression run only on a text that holds one of the literals every match of it holds (its gate, read by
 * src/intent/required-literal.ts, written for the built-in ones to src/intent/expression-gates.json). Most of the
 * context rules' expressions meet a message that cannot match them (the words of a CDN, of a deploy tool, of a
 * power cut): a text is scanned once for the literals of all gated expressions together (src/intent/term-scan.ts),
 * and an expression whose gate is not in it is neither run nor, on a process's first messages, compiled. Used where
 * a RegExp was: `text.replace(g, …)`, `text.search(g)`, `g.test(text)`, `g.exec(text)`; what it answers is what the
 * expression answers (test/unit/intent/gated.test.ts). Made once, at a module's top level: each one is listed.
 */
export class Gated {
  readonly id: number;

  constructor(readonly re: RegExp) {
    this.id = registered.push(this) - 1;
    index = undefined;
  }

  /** Whether the text may hold a match: it holds the gate, or the expression has none. */
  holds(text: string): boolean {
    return heldIn(text)[this.id] === 1;
  }

  test(text: string): boolean {
    if (this.holds(text)) return this.re.test(text);
    this.re.lastIndex = 0;
    return false;
  }

  exec(text: string): RegExpExecArray | null {
    if (this.holds(text)) return this.re.exec(text);
    this.re.lastIndex = 0;
    return null;
  }

  [Symbol.replace](text: string, to: string): string;
  [Symbol.replace](text: string, to: (match: string, ...rest: string[]) => string): string;
  [Symbol.replace](text: string, to: string | ((match: string, ...rest: string[]) => string)): string {
    if (!this.holds(text)) return text;
    return typeof to === 'string' ? text.replace(this.re, to) : text.replace(this.re, to);
  }

  [Symbol.search](text: string): number {
    return this.holds(text) ? text.search(this.re) : -1;
  }
}

/** A gated expression (see {@link Gated}). */
export function gated(re: RegExp): Gated {
  return new Gated(re);
}

/** The sources of every gated expression made so far (scripts/gen-lexicon-data.ts writes their gates). */
export function gatedSources(): string[] {
  return registered.map((g) => g.re.source);
}

const registered: Gated[] = [];
let index: { terms: TermIndex; open: Uint8Array } | undefined;

/**
 * The last texts scanned and which expressions each may match (a message's readers ask about a few texts in turn),
 * newest first; their arrays are reused (a typed array made per text cost more than the scan of a short one).
 */
const recentTexts: Array<string | undefined> = [];
const recentHeld: Uint8Array[] = [];
const RECENT = 4;

function heldIn(text: string): Uint8Array {
  if (text === recentTexts[0]) return recentHeld[0]!;
  for (let k = 1; k < recentTexts.length; k++) if (recentTexts[k] === text) return front(k);
  index ??= build();
  if (recentHeld.length < RECENT) {
    recentTexts.push(undefined);
    recentHeld.push(new Uint8Array(registered.length));
  }
  const held = front(recentHeld.length - 1); // the oldest, reused
  held.set(index.open);
  recentTexts[0] = text;
  marking = held;
  index.terms.scan(text.toLowerCase(), mark);
  return held;
}

/** Moves the k-th recent text to the front; its array. */
function front(k: number): Uint8Array {
  const t = recentTexts[k];
  const h = recentHeld[k]!;
  for (let j = k; j > 0; j--) {
    recentTexts[j] = recentTexts[j - 1];
    recentHeld[j] = recentHeld[j - 1]!;
  }
  recentTexts[0] = t;
  recentHeld[0] = h;
  return h;
}

// No closure made per text: run through tsx, each one is given its name at run time (src/intent/required-literal.ts).
let marking: Uint8Array = new Uint8Array(0);
function mark(owner: number): boolean {
  marking[owner] = 1;
  return false;
}

function build(): { terms: TermIndex; open: Uint8Array } {
  const open = new Uint8Array(registered.length);
  const entries: Array<readonly [ReturnType<typeof anywhere>, number]> = [];
  for (const g of registered) {
    // Literals are read with the syntax of expressions without the u or v flag (src/intent/required-literal.ts).
    const literals = /[uv]/.test(g.re.flags) ? undefined : gateOf(g.re.source);
    if (literals === undefined) open[g.id] = 1;
    else for (const l of literals) entries.push([anywhere(l), g.id]);
  }
  recentTexts.length = 0;
  recentHeld.length = 0;
  return { terms: new TermIndex(entries), open };
}

/** The literals of each top-level alternative together; undefined when one has none (always run). */
function gateOf(source: string): string[] | undefined {
  const out = new Set<string>();
  for (const alternative of topAlternatives(source)) {
    const literals = gatesOf(alternative);
    if (literals === undefined || literals.length === 0) return undefined;
    for (const l of literals) out.add(l);
  }
  return [...out];
}
