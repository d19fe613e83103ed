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
  | 'already-decided'
  /** The click did not come from the card's channel (or its thread). */
  | 'wrong-channel'
  /** The store (Redis, the state directory) could not be read or written: nothing was run. */
  | 'store-unavailable'
  /** The audit log could not be written: nothing runs unrecorded. */
  | 'audit-unavailable'
  /** Too many runs of this action on this target in the last hour. */
  | 'rate-limited'
  /** Stopped after repeated failed post-checks until a person clears it. */
  | 'stopped';

/**
 * What a request or a click led to, for the front end to render:
 * - `requested`: post the approval card (`approval`);
 * - `waiting`: one more approval recorded, more needed: update the card;
 * - `executed`: update the card with `result` (which may be a failure: see `result.verdict`) and reply in the thread;
 * - `denied` / `expired`: update the card with the reason;
 * - `unknown`: it was left executing (crash, lost result): update the card with what to check on the server;
 * - `refused`: nothing changed; tell the clicker only (ephemeral), `message` then `hint`.
 */
export type Outcome =
  | { kind: 'requested'; approval: Approval; message: string }
  | { kind: 'waiting'; approval: Approval; approvals: string[]; needed: number; message: string }
  | { kind: 'executed'; approval: Approval; result: ExecutionResult; message: string }
  | { kind: 'denied'; approval: Approval; message: string }
  | { kind: 'expired'; approval: Approval; message: string }
  | { kind: 'unknown'; approval: Approval; message: string }
  | { kind: 'refused'; code: RefusalCode; message: string; hint: string; approval?: Approval };

/** True when the card (the approval message) should be re-rendered from `approval`. */
export function updatesCard(o: Outcome): o is Exclude<Outcome, { kind: 'refused' }> {
  return o.kind !== 'refused';
}
