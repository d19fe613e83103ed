/** Values worth showing back from a pasted line: unit, pid, status, port, origin, host. */
export type Extracted = Record<string, string>;

const PATTERNS: Array<[string, RegExp]> = [
  ['unit', /\b([a-z0-9][a-z0-9@_.-]*\.service)\b/i],
  ['pid', /\bpid[:=\s]*(\d{1,9})\b/i],
  ['exitStatus', /\bstatus=(\d{1,3}\/[A-Z_]+|\d{1,3})\b/],
  ['httpStatus', /\b(?:HTTP\/\d(?:\.\d)?\s+|status(?:\s+code)?[:\s]+)([1-5]\d\d)\b/i],
  ['port', /(?:127\.0\.0\.1|0\.0\.0\.0|localhost|\]):(\d{2,5})\b|\bport\s+(\d{2,5})\b/i],
  ['origin', /\bfrom origin '([^']+)'/i],
  ['url', /\b(https?:\/\/[^\s'"<>]+)/i],
];

/** Extract values from free text; never throws. */
export function extract(text: string): Extracted {
  const out: Extracted = {};
  for (const [name, re] of PATTERNS) {
    const m = re.exec(text);
    const value = m?.slice(1).find((g) => g !== undefined);
    if (value) out[name] = value.slice(0, 200);
  }
  if (!out.httpStatus) {
    const bare = /\b(400|401|403|404|405|500|502|503|504)\b/.exec(text);
    if (bare) out.httpStatus = bare[1]!;
  }
  return out;
}
