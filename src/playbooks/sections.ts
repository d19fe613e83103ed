/**
 * A playbook body's finding sections: a heading whose text ends in `{#finding-id}`
 * starts one, and it holds the explanation and fix the report shows.
 */
import { Lexer, type Token } from 'marked';
import { PlaybookError } from './playbook.js';

/** A finding's body section. */
export interface Section {
  fix: string;
  line: number;
  /** The heading's text without its `{#anchor}`. */
  title: string;
}

const ANCHOR = /\s*\{#([^}]*)\}\s*$/;

/**
 * Headings whose text ends in `{#anchor}` start a finding's section; the
 * section runs until the next heading of the same or a higher level.
 */
export function parseSections(file: string, body: string, bodyLine: number): Map<string, Section> {
  const tokens = Lexer.lex(body);
  // marked keeps each token's raw text; locate it in the body to know its line.
  const lines: number[] = [];
  let cursor = 0;
  for (const t of tokens) {
    const at = body.indexOf(t.raw, cursor);
    const offset = at < 0 ? cursor : at;
    lines.push(bodyLine + countNewlines(body, offset));
    cursor = offset + t.raw.length;
  }
  const sections = new Map<string, Section>();
  tokens.forEach((t, i) => {
    if (t.type !== 'heading') return;
    const m = ANCHOR.exec(t.text);
    if (!m) return;
    const anchor = m[1]!;
    const line = lines[i]!;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(anchor)) {
      throw new PlaybookError(file, line, `heading anchor {#${anchor}} must be a kebab-case finding id`);
    }
    if (sections.has(anchor)) {
      throw new PlaybookError(
        file,
        line,
        `heading anchor {#${anchor}} is used twice (first on line ${sections.get(anchor)!.line}); ` +
          'each finding has exactly one section',
      );
    }
    const depth = (t as { depth: number }).depth;
    const rest: Token[] = [];
    for (const next of tokens.slice(i + 1)) {
      if (next.type === 'heading' && (next as { depth: number }).depth <= depth) break;
      rest.push(next);
    }
    const fix = rest
      .map((r) => (r.type === 'heading' ? r.raw.replace(/[ \t]*\{#[^}]*\}[ \t]*(\n?)$/, '$1') : r.raw))
      .join('')
      .trim();
    sections.set(anchor, { fix, line, title: t.text.replace(ANCHOR, '').trim() });
  });
  return sections;
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
