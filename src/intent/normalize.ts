import { canonicalize } from './synonyms.js';
import { foldTraditional } from './traditional.js';

/**
 * Text normalisation for matching: full-width to half-width (NFKC), CJK
 * punctuation to ASCII, lower case, zero-width characters dropped, whitespace
 * folded, traditional Chinese to simplified (src/intent/traditional.ts). Applied to messages and to the playbooks'
 * phrases alike.
 */
export function normalize(text: string): string {
  return foldTraditional(normalizeWidth(text));
}

function normalizeWidth(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[。、｡､]/g, ',')
    .replace(/[“”‘’「」『』【】〔〕《》〈〉]/g, (c) => PUNCT[c] ?? ' ')
    .replace(/[～〜]/g, '~')
    .replace(/\s+/g, ' ')
    .trim();
}

const PUNCT: Record<string, string> = {
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
};

/** normalize() followed by the near-synonym folding, the form phrases and messages are compared in. */
export function canonical(text: string): string {
  return canonicalize(normalize(text));
}

const CJK_RUN = /[\u3400-\u9fff]+/g;

/** Overlapping character bigrams of the CJK runs in a text (Chinese has no word boundaries). */
export function cjkBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(CJK_RUN) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** Latin words of a text (length ≥ 2, or a digit run). */
export function words(text: string): Set<string> {
  return new Set(
    (text.match(/[a-z0-9][a-z0-9_.-]*[a-z0-9]|[a-z0-9]{2,}|\d/g) ?? []).filter((w) => w.length >= 2 || /\d/.test(w)),
  );
}

/**
 * A log line's own prefix: syslog/journal (`Nov 22 21:19:27 host unit[pid]:`),
 * `journalctl -o short-iso`, gunicorn (`[2025-12-07 15:35:17 +0800] [pid] [LEVEL]`),
 * nginx error log (`2026/11/22 21:19:09 [error] 31#31: *1`), Django's
 * (`WARNING 2026-11-22 21:19:52,202 django.request`), shell prompts, Slack quotes.
 */
const PREFIXES: RegExp[] = [
  /^(?:>\s*)+/,
  /^(?:\[[^\]]*@[^\]]*\][#$]|[\w.-]+@[\w.-]+:[^$#\s]*[#$])\s*/,
  /^[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)? (?<host>[\w.-]+) [^\s:[]+(?:\[\d+\])?: /,
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})? (?<host>[\w.-]+) [^\s:[]+(?:\[\d+\])?: /,
  /^\[\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: ?[+-]\d{4})?\] \[\d+\] \[[A-Z]+\] /,
  /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[[a-z]+\] \d+#\d+: (?:\*\d+ )?/,
  /^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d+ [\w.]+ /,
  new RegExp(
    [
      String.raw`^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s+`,
      String.raw`(?:\[?(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL)\]?:?\s+)?`,
    ].join(''),
  ),
  /^\[\s*\d+\.\d+\]\s+/,
];

/** A line with its log prefix removed, and the host name the prefix named, if any. */
export interface StrippedLine {
  text: string;
  /** True when a log prefix was found: the line is machine output, not prose. */
  prefixed: boolean;
  host?: string;
}

/** Remove log prefixes (several may be stacked, e.g. a quoted journal line). */
export function stripLogPrefix(line: string): StrippedLine {
  let text = line.trim();
  let prefixed = false;
  let host: string | undefined;
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const re of PREFIXES) {
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      if (re !== PREFIXES[0]) prefixed = true;
      host ??= m.groups?.host;
      text = text.slice(m[0].length).trim();
      changed = true;
    }
    if (!changed) break;
  }
  return host !== undefined ? { text, prefixed, host } : { text, prefixed };
}
