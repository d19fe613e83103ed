import { reportAuditEntry } from '../audit/report-entry.js';
import type { Report } from '../engine/report.js';
import { redact } from '../redact.js';
import type { SlackDeps } from './deps.js';

/**
 * The audit record of a diagnosis or check run from Slack: the same shape as
 * the CLI's ({@link reportAuditEntry}), with the Slack user and channel. The audit log
 * redacts again; a failed write is logged and does not hide the report.
 */
export async function recordSlackRun(
  deps: Pick<SlackDeps, 'audit' | 'log'>,
  report: Report,
  who: { user: string; channel: string },
  check?: string,
): Promise<void> {
  if (!deps.audit) return;
  try {
    await deps.audit.append(
      reportAuditEntry(report, { user: who.user, via: 'slack', details: { channel: who.channel } }, check),
    );
  } catch (e) {
    deps.log?.(`could not write the audit log: ${redact((e as Error).message)}`);
  }
}
