import type { ExecResult } from '../transport/transport.js';
import { EXIT_NOT_FOUND } from '../transport/transport.js';
import type { Observation } from './check.js';

/**
 * The RHEL-family tools (SELinux's getenforce/getsebool, firewalld's firewall-cmd)
 * are absent on Debian: that is "not applicable here", an `ok` observation with the
 * signal `not-applicable`, never a finding. Undefined when the program exists.
 */
export function notApplicable(
  result: ExecResult,
  program: string,
  what: string,
): Omit<Observation, 'check'> | undefined {
  const missing =
    result.code === EXIT_NOT_FOUND ||
    /(?:^|\n)(?:bash: |sh: )?[^\n]{0,80}: command not found\s*$|No such file or directory$/m.test(
      result.stderr.slice(0, 2000),
    );
  if (!missing || result.stdout.trim() !== '') return undefined;
  return {
    status: 'ok',
    summary: `此主机没有 ${program}，不适用 / not applicable: ${program} is not installed (${what})`,
    evidence: '',
    facts: { applicable: false },
    signals: ['not-applicable'],
  };
}
