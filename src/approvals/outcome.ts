import type { Approval, ExecutionResult } from './approval.js';

/** Why a request or click was refused; the card is left as it is, the clicker alone is told. */
export type RefusalCode =
  | 'invalid-request'
  | 'invalid-reference'
  | 'unknown-approval'
  | 'tampered'
  | 'unknown-action'
  | 'unknown-target'
  | 'not-allowed-to-request'
  | 'not-authorised'
  | 'no-approvers'
  | 'self-approval'
  | 'console-approval-disabled'
  | 'already-approved'
  | 'already-decided';

/**
 * What a request or a click led to, for the front end to render:
 * - `requested`: post the approval card (`approval`);
 * - `waiting`: one more approval recorded, more needed: update the card;
 * - `executed`: update the card with `result` (which may be a failure: see `result.verdict`) and reply in the thread;
 * - `denied` / `expired`: update the card with the reason;
 * - `refused`: nothing changed; tell the clicker only (ephemeral), `message` then `hint`.
 */
export type Outcome =
  | { kind: 'requested'; approval: Approval; message: string }
  | { kind: 'waiting'; approval: Approval; approvals: string[]; needed: number; message: string }
  | { kind: 'executed'; approval: Approval; result: ExecutionResult; message: string }
  | { kind: 'denied'; approval: Approval; message: string }
  | { kind: 'expired'; approval: Approval; message: string }
  | { kind: 'refused'; code: RefusalCode; message: string; hint: string; approval?: Approval };

/** True when the card (the approval message) should be re-rendered from `approval`. */
export function updatesCard(o: Outcome): o is Exclude<Outcome, { kind: 'refused' }> {
  return o.kind !== 'refused';
}
