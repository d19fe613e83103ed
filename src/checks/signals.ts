import type { Check } from './check.js';
import { COMMON_SIGNALS } from './output.js';

/** True when `signal` is one the check declares (or a common one every check may emit). */
export function checkDeclaresSignal(check: Check, signal: string): boolean {
  return Object.hasOwn(check.signals, signal) || Object.hasOwn(COMMON_SIGNALS, signal);
}

/** Every signal a check may emit, its own and the common ones. */
export function checkSignals(check: Check): string[] {
  return [...Object.keys(check.signals), ...Object.keys(COMMON_SIGNALS)];
}
