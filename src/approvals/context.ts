import { hostname } from 'node:os';
import type { Action } from '../actions/action.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-store.js';
import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import { redact } from '../redact.js';
import { DEFAULT_RETENTION_MS, type Store } from '../store/store.js';
import type { Transport } from '../transport/transport.js';
import type { Actor, Approval, ApprovalStatus, ExecutionResult } from './approval.js';
import { ApprovalRecords } from './approval-records.js';
import { ActionGuard } from './guard.js';
import type { Outcome, RefusalCode } from './outcome.js';
import type { IsInGroup } from './policy.js';

/** Where audit records go (the AuditLog, or a fake in tests). */
export type AuditSink = AuditWriter;

export interface ApprovalServiceDeps {
  config: Pick<Config, 'targets' | 'policy'>;
  store: Store;
  audit: AuditSink;
  transportFor(target: Target): Transport;
  findCheck(id: string): Check | undefined;
  findAction?(id: string): Action | undefined;
  /** Slack user-group membership, checked at click time; default: in no group. */
  isInGroup?: IsInGroup;
  now?: () => Date;
  newId?: () => string;
  /** How long decided approvals are kept (late clicks then see "already done"). */
  retentionMs?: number;
  postCheckAttempts?: number;
  postCheckDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Writing the result is retried this often (default 5), `resultRetryMs` apart, doubling (default 200). */
  resultWriteAttempts?: number;
  resultRetryMs?: number;
  /** This process, recorded on executing approvals (default: this host and pid). */
  instance?: { host: string; pid: number };
  /** Is a process on this host alive (default: signal 0)? A dead owner's approval becomes `unknown` at once. */
  isProcessAlive?: (pid: number) => boolean;
  /** An audit record could not be written (the flow goes on where that is safe; the caller says how loudly). */
  onAuditError?: (error: Error) => void;
}

/** Runs in progress, by process identity (host/pid). */
const RUNNING = new Map<string, Map<string, number>>();

/** The pieces every part of the approval flow shares: deps with defaults, records, guard, audit helpers. */
export class ApprovalContext {
  readonly now: () => Date;
  readonly records: ApprovalRecords;
  readonly guard: ActionGuard;
  readonly retentionMs: number;
  readonly isInGroup: IsInGroup;
  readonly instance: { host: string; pid: number };
  readonly postCheckAttempts: number;
  readonly postCheckDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Approvals this process is deciding or executing right now, with how many calls hold each. */
  private readonly running: Map<string, number>;
  /** Results this process could not write (store down): the sweep tries again before anything else. */
  readonly unsaved = new Map<string, { status: ApprovalStatus; result: ExecutionResult }>();

  constructor(
    readonly deps: ApprovalServiceDeps,
    readonly findAction: (id: string) => Action | undefined,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.retentionMs = deps.retentionMs ?? DEFAULT_RETENTION_MS;
    this.isInGroup = deps.isInGroup ?? (async () => false);
    this.instance = deps.instance ?? { host: hostname(), pid: process.pid };
    // Shared by every service of one process (main.ts builds one per front end): a sweep by one
    // must not take another's live run for abandoned.
    const key = `${this.instance.host}/${this.instance.pid}`;
    this.running = RUNNING.get(key) ?? new Map<string, number>();
    RUNNING.set(key, this.running);
    this.postCheckAttempts = deps.postCheckAttempts ?? 5;
    this.postCheckDelayMs = deps.postCheckDelayMs ?? 2_000;
    this.sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    // Kept past its expiry so that late clicks see what happened to it.
    this.records = new ApprovalRecords(
      deps.store,
      (a) => Math.max(Date.parse(a.expiresAt) - this.now().getTime(), 0) + this.retentionMs,
    );
    this.guard = new ActionGuard(deps.store, this.now);
  }

  /** A click of this process may move `id` to executing or is running it: it is not abandoned. */
  hold(id: string): void {
    this.running.set(id, (this.running.get(id) ?? 0) + 1);
  }

  /** Each {@link hold} is released exactly once (a count: a losing click must not release the winner's hold). */
  release(id: string): void {
    const n = (this.running.get(id) ?? 0) - 1;
    if (n > 0) this.running.set(id, n);
    else this.running.delete(id);
  }

  /** True while a call of this process holds `id`. */
  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Write an audit record; a failure is reported through `onAuditError` and answered `false`. */
  async record(entry: AuditEntry): Promise<boolean> {
    try {
      await this.deps.audit.append(entry);
      return true;
    } catch (e) {
      this.deps.onAuditError?.(e as Error);
      return false;
    }
  }

  /** The audit fields every record about an approval carries. */
  base(a: Approval): AuditEntry {
    return {
      event: 'action.requested',
      target: a.target,
      host: a.host,
      action: a.action,
      approvalId: a.id,
      command: a.command,
    };
  }

  /** A refused click or request: recorded, and answered to the clicker only. */
  async refuse(
    approval: Approval | undefined,
    clicker: Actor,
    code: RefusalCode,
    message: string,
    hint: string,
  ): Promise<Outcome> {
    await this.record({
      ...(approval ? this.base(approval) : {}),
      event: 'action.refused',
      user: clicker.id,
      via: clicker.via,
      reason: `${code}: ${message}`,
    });
    return { kind: 'refused', code, message, hint, ...(approval ? { approval } : {}) };
  }

  /** What a click on an approval that is no longer pending is told. */
  decidedRefusal(approval: Approval, clicker: Actor): Promise<Outcome> {
    const who = approval.approvedBy.map((d) => d.by).join(', ') || approval.deniedBy?.by || '-';
    const text: Record<Approval['status'], string> = {
      pending: 'still waiting',
      executing: `already approved by ${who} and being executed (since ${approval.decidedAt ?? '?'}; it runs once)`,
      succeeded: `already approved by ${who} and executed at ${approval.decidedAt}`,
      failed: `already approved by ${who} at ${approval.decidedAt}; it ran and failed`,
      refused: `already approved by ${who}; refused because ${approval.statusReason ?? 'a precondition failed'}`,
      denied: `already denied by ${who}: ${approval.deniedBy?.reason ?? ''}`,
      expired: `expired at ${approval.expiresAt}`,
      unknown: `approved by ${who}; the outcome is unknown (${approval.statusReason ?? 'the run was interrupted'})`,
    };
    return this.refuse(
      approval,
      clicker,
      'already-decided',
      `${text[approval.status]} — nothing more was run`,
      approval.status === 'expired' || approval.status === 'denied'
        ? 'request the action again if it is still needed'
        : approval.status === 'unknown'
          ? `check on the server: ${(approval.verify ?? []).join('; ')}`
          : 'see the card for the result',
    );
  }
}

/** A refusal that needs no audit record (nothing was loaded or asked). */
export function refused(code: RefusalCode, message: string, hint: string): Outcome {
  return { kind: 'refused', code, message, hint };
}

/** The store failed: say so, nothing was run. */
export function storeRefusal(store: string, e: Error): Outcome {
  return refused(
    'store-unavailable',
    `状态存储不可用 / the approval store (${store}) cannot be read or written: ${redact(e.message)}` +
      ` — nothing was run`,
    'check the store (Redis reachable? disk full? `df -h` on the data directory), then try again',
  );
}

/** Control characters out, cut to `n`. */
export function clip(s: string, n = 64): string {
  const t = s.replace(/[\u0000-\u001f]/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
}
