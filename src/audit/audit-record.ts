import { z } from 'zod';

/**
 * The shape of an audit line and its parser: apart from the append path (src/audit/audit-log.ts), loaded only when
 * the log is read, so the records' zod schema is not built on every start.
 */

/** What happened. `action.*` events follow one approval from request to result. */
export const AUDIT_EVENTS = [
  'diagnosis',
  'check',
  'action.requested',
  'action.approved',
  'action.denied',
  'action.expired',
  'action.refused',
  'action.executed',
  /** An action's outcome is unknown (the run was interrupted): what to check on the server is in `details.verify`. */
  'action.unknown',
  /** A run's result could not be written to the store (it is in this log). */
  'action.save-failed',
  /** A person cleared the stop on an action after repeated failed post-checks. */
  'action.cleared',
  /** The log was rotated (copytruncate): `prev` links to the last record of the previous file. */
  'audit.rotated',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** One line of the audit log. Only `ts` and `event` are always present. */
export const auditRecordSchema = z.object({
  ts: z.string(),
  event: z.enum(AUDIT_EVENTS),
  /** Who: a Slack user ID, or `console:<login>` for the terminal. */
  user: z.string().optional(),
  via: z.enum(['slack', 'console', 'cli']).optional(),
  target: z.string().optional(),
  host: z.string().optional(),
  playbook: z.string().optional(),
  check: z.string().optional(),
  action: z.string().optional(),
  approvalId: z.string().optional(),
  /** The exact argv run (or to be run) with `sudo -n`. */
  command: z.array(z.array(z.string())).optional(),
  exitCode: z.number().nullable().optional(),
  durationMs: z.number().optional(),
  /** Diagnosis verdict, check status, or the action's post-check verdict. */
  verdict: z.string().optional(),
  /** Why: the requester's reason, the denial reason, the refusal. */
  reason: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  /** sha256 of the line before this one (src/audit/chain.ts): the log is a hash chain. */
  prev: z.string().optional(),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type AuditEntry = Omit<AuditRecord, 'ts' | 'prev'> & { ts?: string };

/** Parse one JSON line into a record, or undefined. */
export function parseLine(line: string): AuditRecord | undefined {
  if (!line.trim()) return undefined;
  try {
    const parsed = auditRecordSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
