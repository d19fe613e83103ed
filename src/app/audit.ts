import type { AuditRecord } from '../audit/audit-log.js';
import type { ChainVerdict } from '../audit/chain.js';
import { auditRequest } from '../audit/query.js';
import type { AppDeps, Unavailable } from './deps.js';

export type AuditResult =
  | { kind: 'records'; records: AuditRecord[]; /** ` since 1h for prod`, for "no records…". */ what: string }
  | { kind: 'invalid'; error: string }
  | Unavailable;

/** `audit [--since 1h|ISO] [--target T]`: the records asked for, newest last. */
export async function queryAudit(
  request: { since?: string; target?: string },
  deps: Pick<AppDeps, 'audit' | 'now'>,
): Promise<AuditResult> {
  if (!deps.audit) return { kind: 'unavailable', what: 'audit' };
  const r = auditRequest(request, deps.now?.() ?? new Date());
  if (!r.ok) return { kind: 'invalid', error: r.error };
  return { kind: 'records', records: await deps.audit.read(r.query), what: r.what };
}

export type VerifyResult = { kind: 'verdict'; verdict: ChainVerdict } | { kind: 'no-chain' } | Unavailable;

/** `audit verify`: is the audit log's hash chain whole (the first broken line, if not)? */
export async function verifyAudit(deps: Pick<AppDeps, 'audit'>): Promise<VerifyResult> {
  if (!deps.audit) return { kind: 'unavailable', what: 'audit' };
  if (!deps.audit.verify) return { kind: 'no-chain' };
  return { kind: 'verdict', verdict: await deps.audit.verify() };
}
