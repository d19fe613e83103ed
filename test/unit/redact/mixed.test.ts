import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../../../src/redact.js';
import { CanaryBox, leaks, SECRET_FORMS } from '../../helpers/canaries.js';
import { CAPTURES } from '../../helpers/capture.js';

/**
 * Forms side by side: any three forms joined by blanks and line breaks, in
 * every order a fixed-seed shuffle gives. Whatever one pass leaves, the next
 * leaves alone (redaction runs again on the way out), and no canary survives.
 */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('mixed forms', () => {
  const rnd = seeded(17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const SEPARATORS = [' ', '\n', '\t', ' | ', '\r\n', ' — '];
  const cases = Array.from({ length: 300 }, (_, i) => {
    const box = new CanaryBox();
    const parts = [pick(SECRET_FORMS), pick(SECRET_FORMS), pick(SECRET_FORMS)];
    const text = parts.map((f) => f.plant(box)).join(pick(SEPARATORS));
    return [`#${i}: ${parts.map((f) => f.name).join(' + ')}`, text, box.all] as const;
  });

  it.each(cases)('%s', (_name, text, canaries) => {
    const out = redact(text);
    expect(leaks(out, canaries)).toEqual([]);
    expect(redact(out)).toBe(out);
  });
});

describe('the replica captures', () => {
  const files = readdirSync(CAPTURES, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
  it.each(files.map((f) => [f.slice(CAPTURES.length + 1), f]))('%s: redacting twice equals once', (_name, file) => {
    const once = redact(readFileSync(file, 'utf8'));
    expect(redact(once)).toBe(once);
  });
});
