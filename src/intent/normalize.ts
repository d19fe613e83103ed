import { canonicalize } from './synonyms.js';
import { foldTraditional } from './traditional.js';
import { foldHomophones } from './typos.js';
import { withoutToneDigits } from './pinyin.js';

/**
 * Text normalisation for matching: full-width to half-width (NFKC), CJK
 * punctuation to ASCII, lower case, zero-width characters dropped, whitespace
 * folded, traditional Chinese to simplified (src/intent/traditional.ts), voice input's homophones of OMS's words to
 * them (src/intent/typos.ts), pinyin's tone numbers dropped (src/intent/pinyin.ts), learners' contractions given
 * their apostrophe. Applied to messages and to the playbooks' phrases alike.
 */
export function normalize(text: string): string {
  // One message is normalised several times over (whole, per line, per clause, by several readers): the last few
  // hundred results are kept (a pure function of the text), of texts short enough to keep the memory small.
  const known = recent.get(text);
  if (known !== undefined) return known;
  const out = normalizeAfresh(text);
  if (text.length > 4096) return out;
  if (recent.size >= RECENT) recent.clear();
  recent.set(text, out);
  return out;
}
const RECENT = 256;
const recent = new Map<string, string>();

function normalizeAfresh(text: string): string {
  const folded = foldTraditional(withoutToneDigits(learnersEnglish(normalizeWidth(text))));
  // Lower-cased last: the folds may bring capitals back (OpenCC's Taiwan phrases make 隨身碟 "U盘"), and the context
  // rules' expressions are compiled without the i flag (src/intent/context.ts).
  return foldHomophones(folded.replace(VARIANT_WORDS, (w) => VARIANTS[w] ?? w)).toLowerCase();
}

/**
 * Simplified variants the lexicon is not written in: 帐号 (what OpenCC makes of Taiwan's 帳號, and a mainland
 * spelling too) is 账号, 帐户 账户, 逾时 (Taiwan's time-out) 超时; Cantonese words and particles (characters Mandarin
 * does not write, and 系咪, 边个, 边度) their Mandarin form.
 */
const VARIANTS: Record<string, string> = {
  帐号: '账号',
  帐户: '账户',
  逾时: '超时',
  // Cantonese words OpenCC leaves as they are, in the Mandarin the lexicon is written in ("打唔开", "有冇", "系咪正常")
  ...{ 嘅: '的', 咗: '了', 冇: '没', 唔: '不', 喺: '在', 睇: '看', 揾: '找', 佢: '他', 啲: '些' },
  ...{
    系咪: '是不是',
    边个: '谁',
    边度: '哪里',
    乜嘢: '什么',
    起返嚟: '起来',
    起唔到: '起不来',
    搞唔掂: '搞不定',
    返嚟: '回来',
    嚟: '来',
  },
};
const VARIANT_WORDS = /帐号|帐户|逾时|系咪|边个|边度|乜嘢|起返嚟|起唔到|搞唔掂|返嚟|[嘅咗冇唔喺睇揾佢啲嚟]/g;

/**
 * Learners' and hurried English: a contraction typed without its apostrophe ("doesnt start", "cant login", "wont
 * open") is the contraction; "nt" before a word is "not" ("nt working", "nt able to login").
 */
function learnersEnglish(text: string): string {
  if (!/nt\b/.test(text)) return text;
  return text
    .replace(/\b(ca|wo|do|does|did|is|are|was|were|could|would|should|has|have|had)nt\b/g, "$1n't")
    .replace(/\bnt (?=[a-z])/g, 'not ');
}

/**
 * An alert's name is words run together ("[FIRING:1] OMSApi5xxRatioHigh", "alertname = KafkaConsumerGroupLagHigh"):
 * apart, they name what is watched (OMS's API, Kafka's consumers).
 */
const ALERT_NAME = /(\[(?:firing|resolved)(?::\d+)?\]\s*|\balertname\s*[=:]\s*)([A-Za-z][A-Za-z0-9]{5,})/gi;
/**
 * … or listed before the labels it fires with ("- NginxUpstreamErrorsHigh  host=oms-prod-01"): three humps or more,
 * so a traceback's exception ("ModuleNotFoundError: …") is never one.
 */
const LISTED_ALERT =
  /(^|\s)([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*){2,})(?=\s+(?:host|instance|job|severity|service|target)=)/g;

function alertNameWords(text: string): string {
  if (!/firing|resolved|alertname|(?:host|instance|job)=/i.test(text)) return text;
  const apart = (_: string, head: string, name: string) =>
    `${head}${name.replace(/([a-z0-9])(?=[A-Z])|([a-z])(?=\d)/g, '$1$2 ').replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')}`;
  return text.replace(ALERT_NAME, apart).replace(LISTED_ALERT, apart);
}

function normalizeWidth(text: string): string {
  return alertNameWords(text.normalize('NFKC'))
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
