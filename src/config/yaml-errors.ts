import type { YAMLError } from 'yaml';

/**
 * The config file's YAML problems in our words: what is wrong and what to do.
 * The library's own messages may quote the file (`Unexpected scalar token in
 * YAML stream: "…"`), and the file may not be a config at all (`--config
 * /etc/shadow`), so its text never reaches a message: only line numbers, our
 * sentences and key names cut and escaped by {@link quoteName}.
 */

const WHAT: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'the same key appears twice in one mapping: keep one of them',
  TAB_AS_INDENT: 'a tab is used for indentation: indent with spaces only',
  BAD_INDENT: 'bad indentation or an unclosed [ or {: align the keys of one mapping and close every bracket',
  BLOCK_AS_IMPLICIT_KEY:
    'a key is indented deeper than the keys beside it, or `a: b: c` is on one line: ' +
    'align it or put the value on its own line',
  MULTILINE_IMPLICIT_KEY: 'a key runs over two lines: indent the lines under the key they belong to',
  MISSING_CHAR: 'a quote or bracket is not closed: close it on the same value',
  BAD_DQ_ESCAPE: 'an unknown backslash escape inside "…": use single quotes or double the backslash',
  BAD_SCALAR_START: 'a value starts with a reserved character (@ or `): put it in quotes',
  MULTIPLE_DOCS: 'the file holds several YAML documents (---): keep one',
  UNEXPECTED_TOKEN: 'unexpected text where a key or value should be: check the indentation and the quotes',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  BAD_ALIAS: 'a *reference names no &anchor set before it: write the value out',
  TAG_RESOLVE_FAILED: 'an unknown !tag: remove it',
};

/** The library error as one of our sentences; never its message, which may quote the file. */
export function yamlProblem(e: Pick<YAMLError, 'code'>): string {
  return `invalid YAML (${e.code}): ${WHAT[e.code] ?? 'the file does not follow YAML syntax here'}`;
}

/** A name read from the file, safe to print: at most 40 characters, control and quote characters escaped. */
export function quoteName(name: unknown): string {
  const s = String(name);
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return JSON.stringify(cut).replace(/[\u0080-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
