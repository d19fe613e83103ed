import type { Report } from '../engine/report.js';
import type { AuditEntry, AuditRecord } from './audit-log.js';

/** Who ran a diagnosis or check, and from where; `details` adds front-end context (the Slack channel). */
export interface ReportAuditor {
  user: string;
  via: NonNullable<AuditRecord['via']>;
  details?: Record<string, unknown>;
}

/**
 * The audit record of a diagnosis (a report with a playbook) or a single
 * check: one shape for the console, the CLI and Slack. Pure; the audit log
 * redacts when it writes.
 */
export function reportAuditEntry(report: Report, who: ReportAuditor, check?: string): AuditEntry {
  return {
    event: report.playbook ? 'diagnosis' : 'check',
    user: who.user,
    via: who.via,
    target: report.target.name,
    host: report.target.host,
    ...(report.playbook ? { playbook: report.playbook.id } : {}),
    ...(check ? { check } : {}),
    verdict: report.verdict,
    details: {
      ...who.details,
      findings: report.findings.map((f) => f.id),
      observations: report.observations.map((o) => `${o.check}:${o.status}`),
    },
  };
}
