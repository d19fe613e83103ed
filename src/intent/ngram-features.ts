import { canonical } from './normalize.js';
import { pinyinStream } from './pinyin.js';

/** Longest message part looked at: a long paste says what it is in its first lines. */
const MAX_CHARS = 2000;

/**
 * The evidence the n-gram classifier (src/intent/ngram-model.ts) reads, from the canonical text
 * (src/intent/normalize.ts):
 * Chinese characters as unigrams (`c:`) and bigrams (`b:`), latin words (`w:`) with their character trigrams
 * inside word boundaries (`g:`, so "restarted" and "restarting" share most), and toneless pinyin syllables (`p:`)
 * with syllable bigrams (`q:`) of pinyin typed in latin letters. Chinese characters are not read as pinyin here:
 * that needs pinyin-pro (~100 ms to load), and the rules already meet pinyin and Chinese in the lexicon. Each
 * feature counts once per message.
 */
export function ngramFeatures(text: string): string[] {
  const out = new Set<string>();
  eachNgram(text, (f) => out.add(f));
  return [...out];
}

/**
 * Each feature of {@link ngramFeatures} in the same order, a feature as often as it occurs (the classifier counts
 * each once by its row, src/intent/ngram-model.ts, without a set of the strings).
 */
export function eachNgram(text: string, visit: (feature: string) => void): void {
  const t = canonical(text.slice(0, MAX_CHARS));
  for (const run of t.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      visit(`c:${run[i]}`);
      if (i + 1 < run.length) visit(`b:${run.slice(i, i + 2)}`);
    }
  }
  for (const w of t.match(/[a-z][a-z0-9_]*|\d+/g) ?? []) {
    const word = /^\d+$/.test(w) ? w : w.replace(/_/g, '');
    visit(`w:${word}`);
    if (/^\d/.test(word)) continue;
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) visit(`g:${padded.slice(i, i + 3)}`);
  }
  for (const part of pinyinStream(t).split('|')) syllables(part.trim().split(' '), visit);
}

function syllables(list: string[], visit: (feature: string) => void): void {
  const syl = list.filter((s) => s.length > 0);
  for (let i = 0; i < syl.length; i++) {
    visit(`p:${syl[i]}`);
    if (i + 1 < syl.length) visit(`q:${syl[i]} ${syl[i + 1]}`);
  }
}
