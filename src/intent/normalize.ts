/**
 * Text normalisation for matching: full-width to half-width (NFKC), lower
 * case, log prefixes (timestamps, hostnames, pids) kept but whitespace folded.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** Overlapping character bigrams of the CJK runs in a text (Chinese has no word boundaries). */
export function cjkBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** Latin words of a text (length ≥ 2). */
export function words(text: string): Set<string> {
  return new Set((text.match(/[a-z0-9][a-z0-9_.-]*[a-z0-9]|[a-z0-9]{2,}/g) ?? []).filter((w) => w.length >= 2));
}
