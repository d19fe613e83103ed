import type { TargetOutcome } from './decide.js';

/** One target's result, for whoever ran `watch run`. */
export interface TargetLine {
  target: string;
  status: 'ok' | 'problem' | 'unreachable';
  /** Problem titles, or the connection error. */
  details: string[];
}

/** A run's outcome on one target as a line for people (info findings are notes, not problems). */
export function targetLine<R>(o: TargetOutcome<R>): TargetLine {
  if (o.kind === 'unreachable') return { target: o.target, status: 'unreachable', details: [o.error] };
  const problems = o.findings.filter((f) => f.severity !== 'info').map((f) => f.title);
  return { target: o.target, status: problems.length ? 'problem' : 'ok', details: problems };
}
