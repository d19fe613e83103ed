/** The approvals API for the front ends (Slack buttons, console, CLI). */
export { ApprovalService, type ActionRequest, type ApprovalServiceDeps, type AuditSink } from './service.js';
export type { Outcome, RefusalCode } from './outcome.js';
export { updatesCard } from './outcome.js';
export { approvalReference, parseReference, type ApprovalRef } from './reference.js';
export {
  commandText,
  isDecided,
  type Actor,
  type Approval,
  type ApprovalStatus,
  type ExecutionResult,
} from './approval.js';
export type { IsInGroup } from './policy.js';
