import type { Report } from '../engine/report.js';
import { redact } from '../redact.js';
import type { SlackDeps } from './deps.js';

/**
 * The audit record of a diagnosis or check run from Slack: the same shape as
 * the CLI's (src/cli/runner.ts), with the Slack user and channel. The audit log
 * redacts again; a failed write is logged and does not hide the report.
 */
export async function recordSlackRun(deps: Pick<SlackDeps, 'audit' | 'log'>, report: Report, who: { user: string; channel: string }, check?: string): Promise<void> {
  if (!deps.audit) return;
  try {
    await deps.audit.append({
      event: report.playbook ? 'diagnosis' : 'check',
      user: who.user,
      via: 'slack',
      target: report.target.name,
      host: report.target.host,
      ...(report.playbook ? { playbook: report.playbook.id } : {}),
      ...(check ? { check } : {}),
      verdict: report.verdict,
      details: { channel: who.channel, findings: report.findings.map((f) => f.id), observations: report.observations.map((o) => `${o.check}:${o.status}`) },
    });
  } catch (e) {
    deps.log?.(`could not write the audit log: ${redact((e as Error).message)}`);
  }
}
