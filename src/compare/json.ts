import type { Report } from '../engine/report.js';
import type { Comparison } from './diff.js';

/**
 * `compare --json` (docs/json-report.md): the comparison, then each side's report exactly as
 * `diagnose --json` prints it. Stable keys: playbook, sides, differences, same, notCompared,
 * unreachable, explaining, reports.
 */
export function compareJson(c: Comparison, reports: readonly [Report, Report]) {
  return {
    playbook: c.playbook,
    sides: c.sides,
    differences: c.differences,
    explaining: c.differences.filter((d) => d.explains.length > 0).length,
    same: c.same,
    notCompared: c.notCompared,
    unreachable: c.unreachable.map((s) => c.sides[s === 'a' ? 0 : 1].target),
    reports,
  };
}
