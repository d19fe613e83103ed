import { z } from 'zod';

/** Who asked or clicked: a Slack user ID, or `console:<login>` on the terminal. */
export const actorSchema = z
  .object({
    id: z.string().min(1).max(100),
    via: z.enum(['slack', 'console', 'cli']),
    /** Display name, for messages only (never used to authorise). */
    name: z.string().max(200).optional(),
    /** Slack channel the request came from (policy `requesterChannels`). */
    channel: z.string().max(40).optional(),
  })
  .strict();
export type Actor = z.infer<typeof actorSchema>;

export const APPROVAL_STATUSES = [
  'pending',
  'executing',
  'succeeded',
  'failed',
  'refused',
  'denied',
  'expired',
  /** It was executing when its process died or lost the server: the command may or may not have run. */
  'unknown',
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

const checkLine = z.object({ check: z.string(), status: z.string(), summary: z.string() });
export type CheckLine = z.infer<typeof checkLine>;

const stepSchema = z.object({
  argv: z.array(z.string()),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  timedOut: z.boolean(),
  durationMs: z.number(),
  /** The end of stderr, redacted. */
  stderr: z.string(),
  /** When `sudo -n` refused: why, and the exact sudoers line that fixes it. */
  sudoRefusal: z
    .object({ kind: z.string(), message: z.string(), sudoersLine: z.string(), hint: z.string() })
    .optional(),
});
export type ExecutionStep = z.infer<typeof stepSchema>;

export const EXECUTION_VERDICTS = [
  'succeeded',
  'precondition-failed',
  'command-failed',
  'post-check-failed',
  'unreachable',
  /** The connection was lost while a command ran: it may or may not have run. */
  'unknown',
] as const;
export type ExecutionVerdict = (typeof EXECUTION_VERDICTS)[number];

/** What running an approved action did: the card shows this. */
export const executionResultSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  verdict: z.enum(EXECUTION_VERDICTS),
  /** One line for the card and the thread, operator's language. */
  summary: z.string(),
  preconditions: z.array(checkLine),
  steps: z.array(stepSchema),
  /** Exit code of the last command run (null when none ran or it was killed). */
  exitCode: z.number().nullable(),
  postChecks: z.array(checkLine),
  /** The backend's MainPID before and after (a restart must change it). */
  mainPid: z.object({ before: z.number().nullable(), after: z.number().nullable() }).optional(),
  hint: z.string().optional(),
});
export type ExecutionResult = z.infer<typeof executionResultSchema>;

const decisionSchema = z.object({ by: z.string(), via: z.enum(['slack', 'console', 'cli']), at: z.string() });

/** One approval request as stored (validated again whenever it is read back). */
export const approvalSchema = z.object({
  v: z.literal(1),
  id: z.string(),
  action: z.string(),
  actionTitle: z.string(),
  target: z.string(),
  host: z.string(),
  /** The exact argv run, each with `sudo -n`. */
  command: z.array(z.array(z.string())),
  requester: actorSchema,
  reason: z.string(),
  /** The finding that motivated it (id and title), when it came from a diagnosis. */
  finding: z.object({ id: z.string(), title: z.string() }).optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
  approvalsNeeded: z.number().int().min(1),
  status: z.enum(APPROVAL_STATUSES),
  approvedBy: z.array(decisionSchema),
  deniedBy: decisionSchema.extend({ reason: z.string() }).optional(),
  decidedAt: z.string().optional(),
  /** Why it was refused or expired, when it was. */
  statusReason: z.string().optional(),
  result: executionResultSchema.optional(),
  /** While executing: when it must have finished (past this, the sweep marks it `unknown`). */
  executingUntil: z.string().optional(),
  /** While executing: the process running it (a dead owner on the same host means `unknown` at once). */
  owner: z.object({ host: z.string(), pid: z.number().int() }).optional(),
  /** What to look at on the server when the outcome is `unknown` (e.g. `systemctl status oms-backend`). */
  verify: z.array(z.string()).optional(),
  /** Front-end data kept with the approval (Slack channel and message ts of the card). */
  meta: z.record(z.string(), z.string()).default({}),
});
export type Approval = z.infer<typeof approvalSchema>;

/** A terminal state: it never goes back to pending or executing. */
export function isDecided(status: ApprovalStatus): boolean {
  return status !== 'pending' && status !== 'executing';
}

export { commandText } from './command-text.js';
