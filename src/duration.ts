/** A span as operators type it: `90s`, `15m`, `2h`, `7d`. */
export type SpanUnit = 's' | 'm' | 'h' | 'd';

const UNIT_MS: Record<SpanUnit, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A span in milliseconds (config `approvalTtl`, `audit --since`), or
 * `undefined` when the text is not a number followed by one of `units`, or
 * has more than `maxDigits` digits. Pure.
 */
export function parseSpan(
  text: string,
  options: { units?: readonly SpanUnit[]; maxDigits?: number } = {},
): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = m[2] as SpanUnit;
  if (options.units && !options.units.includes(unit)) return undefined;
  if (options.maxDigits !== undefined && m[1]!.length > options.maxDigits) return undefined;
  return Number(m[1]) * UNIT_MS[unit];
}
