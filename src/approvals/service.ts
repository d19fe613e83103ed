import type { Action } from '../actions/action.js';
import { findAction as defaultFindAction } from '../actions/registry.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { AuditWriter } from '../audit/audit-store.js';
import type { Check } from '../checks/check.js';
import { policyFor, type Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import { redact } from '../redact.js';
import { DEFAULT_RETENTION_MS, type Store } from '../store/store.js';
import type { Transport } from '../transport/transport.js';
import {
  actorSchema,
  approvalSchema,
  commandText,
  type Actor,
  type Approval,
  type ExecutionResult,
} from './approval.js';
import { executeAction } from './execute.js';
import type { Outcome, RefusalCode } from './outcome.js';
import { mayApprove, mayDeny, mayRequest, type IsInGroup } from './policy.js';
import { newApprovalId, parseReference, type ApprovalRef } from './reference.js';

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
  /** How long decided approvals and claims are kept (late clicks then see "already done"). */
  retentionMs?: number;
  postCheckAttempts?: number;
  postCheckDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** An audit record could not be written (the flow goes on; the caller decides how loudly to complain). */
  onAuditError?: (error: Error) => void;
}

export interface ActionRequest {
  action: string;
  target: string;
  requester: Actor;
  reason: string;
  finding?: { id: string; title: string };
  /** Front-end data to keep with the approval (e.g. Slack channel and card ts). */
  meta?: Record<string, string>;
}

const REASON_MAX = 500;

/**
 * Approve-to-run: request, authorise at click time, claim once, re-check
 * preconditions, execute with `sudo -n`, verify, record. Every method resolves
 * with an {@link Outcome}; refusals are values with a message and a next step.
 *
 * Exactly-once: whichever of approve/deny/expire first takes the store claim
 * `decide:<id>` decides the approval; every other click, retry or instance
 * gets `already-decided`. The claim outlives the approval, so a restarted bot
 * neither loses a pending approval nor runs a decided one again.
 */
export class ApprovalService {
  private readonly findAction: (id: string) => Action | undefined;
  private readonly isInGroup: IsInGroup;
  private readonly now: () => Date;
  private readonly retentionMs: number;

  constructor(private readonly deps: ApprovalServiceDeps) {
    this.findAction = deps.findAction ?? defaultFindAction;
    this.isInGroup = deps.isInGroup ?? (async () => false);
    this.now = deps.now ?? (() => new Date());
    this.retentionMs = deps.retentionMs ?? DEFAULT_RETENTION_MS;
  }

  /** Ask for an action: checks "may request", stores the pending approval, returns the card to post. */
  async requestAction(req: ActionRequest): Promise<Outcome> {
    const requester = actorSchema.safeParse(req.requester);
    if (!requester.success)
      return refused(
        'invalid-request',
        'the request does not say who is asking',
        'this is a bug in the front end; report it',
      );
    const action = this.findAction(req.action);
    if (!action)
      return refused(
        'unknown-action',
        `unknown action "${clip(req.action)}" — nothing was requested`,
        `actions: restart-backend, start-backend, daemon-reload, reload-nginx, restart-nginx`,
      );
    const target = this.deps.config.targets.get(req.target);
    if (!target)
      return refused(
        'unknown-target',
        `unknown target "${clip(req.target)}" — nothing was requested`,
        `targets: ${[...this.deps.config.targets.keys()].join(', ')}`,
      );
    const reason = redact(req.reason.trim()).slice(0, REASON_MAX);
    if (!reason && !req.finding)
      return refused(
        'invalid-request',
        'a request needs a reason — nothing was requested',
        'add --reason "why", e.g. --reason "backend down since 10:02"',
      );
    const policy = policyFor(this.deps.config.policy, target.name);
    const may = mayRequest(policy, requester.data, target.name);
    if (!may.ok) {
      await this.record({
        event: 'action.refused',
        user: requester.data.id,
        via: requester.data.via,
        target: target.name,
        action: action.id,
        reason: may.message,
      });
      return refused(may.code, may.message, may.hint);
    }
    const now = this.now();
    const approval: Approval = {
      v: 1,
      id: (this.deps.newId ?? newApprovalId)(),
      action: action.id,
      actionTitle: `${action.title} / ${action.titleEn}`,
      target: target.name,
      host: target.host,
      command: action.argv(target).map((a) => [...a]),
      requester: requester.data,
      reason: reason || (req.finding?.title ?? ''),
      ...(req.finding ? { finding: { id: clip(req.finding.id), title: clip(req.finding.title, 300) } } : {}),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + policy.approvalTtl).toISOString(),
      approvalsNeeded: requester.data.via === 'slack' ? policy.approvalsNeeded : 1,
      status: 'pending',
      approvedBy: [],
      meta: { ...(req.meta ?? {}) },
    };
    await this.save(approval);
    await this.record({
      ...this.base(approval),
      event: 'action.requested',
      user: approval.requester.id,
      via: approval.requester.via,
      reason: approval.reason,
      details: {
        expiresAt: approval.expiresAt,
        approvalsNeeded: approval.approvalsNeeded,
        finding: approval.finding?.id,
      },
    });
    return {
      kind: 'requested',
      approval,
      message: `已请求 / requested: \`${commandText(approval.command)}\` on ${target.name} (${target.host}); needs ${approval.approvalsNeeded} approval(s) before ${approval.expiresAt}`,
    };
  }

  /**
   * An Approve click. `ref` is the button value (or a bare id); it is checked
   * against the stored approval, so a forged or tampered value is refused.
   */
  async approve(ref: unknown, clicker: Actor): Promise<Outcome> {
    const loaded = await this.load(ref, clicker, 'approve');
    if ('kind' in loaded) return loaded;
    const { approval, policy } = loaded;

    const may = await mayApprove(policy, clicker, approval, this.isInGroup);
    if (!may.ok) return this.refuse(approval, clicker, may.code, may.message, may.hint);

    let approvers = [clicker.id];
    if (approval.approvalsNeeded > 1) {
      const vote = await this.deps.store.addMember(`votes:${approval.id}`, clicker.id, this.retentionMs);
      if (!vote.added)
        return this.refuse(
          approval,
          clicker,
          'already-approved',
          `you already approved this (${vote.members.length} of ${approval.approvalsNeeded})`,
          'another approver must approve it too',
        );
      approvers = vote.members;
      if (vote.members.length < approval.approvalsNeeded) {
        const at = this.now().toISOString();
        const waiting: Approval = {
          ...approval,
          approvedBy: vote.members.map((by) => ({
            by,
            via: 'slack' as const,
            at: approval.approvedBy.find((d) => d.by === by)?.at ?? at,
          })),
        };
        await this.save(waiting);
        await this.record({
          ...this.base(approval),
          event: 'action.approved',
          user: clicker.id,
          via: clicker.via,
          details: { approvals: vote.members.length, needed: approval.approvalsNeeded },
        });
        return {
          kind: 'waiting',
          approval: waiting,
          approvals: vote.members,
          needed: approval.approvalsNeeded,
          message: `已批准 ${vote.members.length}/${approval.approvalsNeeded} / approval ${vote.members.length} of ${approval.approvalsNeeded} recorded; waiting for another approver`,
        };
      }
    }

    if (!(await this.deps.store.claim(`decide:${approval.id}`, this.retentionMs)))
      return this.alreadyDecided(approval.id, clicker);

    const at = this.now().toISOString();
    const executing: Approval = {
      ...approval,
      status: 'executing',
      approvedBy: approvers.map((by) => ({
        by,
        via: by === clicker.id ? clicker.via : 'slack',
        at: approval.approvedBy.find((d) => d.by === by)?.at ?? at,
      })),
      decidedAt: at,
    };
    await this.save(executing);
    await this.record({
      ...this.base(approval),
      event: 'action.approved',
      user: clicker.id,
      via: clicker.via,
      details: { approvedBy: approvers, requester: approval.requester.id },
    });

    const result = await this.execute(executing);
    const status =
      result.verdict === 'succeeded' ? 'succeeded' : result.verdict === 'precondition-failed' ? 'refused' : 'failed';
    const done: Approval = {
      ...executing,
      status,
      result,
      ...(status === 'refused' ? { statusReason: result.summary } : {}),
    };
    await this.save(done);
    await this.record({
      ...this.base(done),
      event: status === 'refused' ? 'action.refused' : 'action.executed',
      user: clicker.id,
      via: clicker.via,
      exitCode: result.exitCode,
      durationMs: result.durationMs,
      verdict: result.verdict,
      reason: status === 'succeeded' ? undefined : result.summary,
      details: {
        approvedBy: approvers,
        postChecks: result.postChecks.map((c) => `${c.check}:${c.status}`),
        mainPid: result.mainPid,
      },
    });
    return { kind: 'executed', approval: done, result, message: result.summary };
  }

  /** A Deny click (an approver, or the requester withdrawing the request). */
  async deny(ref: unknown, clicker: Actor, reason: string): Promise<Outcome> {
    const loaded = await this.load(ref, clicker, 'deny');
    if ('kind' in loaded) return loaded;
    const { approval, policy } = loaded;
    const may = await mayDeny(policy, clicker, approval, this.isInGroup);
    if (!may.ok) return this.refuse(approval, clicker, may.code, may.message, may.hint);
    if (!(await this.deps.store.claim(`decide:${approval.id}`, this.retentionMs)))
      return this.alreadyDecided(approval.id, clicker);
    const at = this.now().toISOString();
    const why = redact(reason.trim()).slice(0, REASON_MAX) || 'no reason given';
    const denied: Approval = {
      ...approval,
      status: 'denied',
      deniedBy: { by: clicker.id, via: clicker.via, at, reason: why },
      decidedAt: at,
      statusReason: why,
    };
    await this.save(denied);
    await this.record({
      ...this.base(denied),
      event: 'action.denied',
      user: clicker.id,
      via: clicker.via,
      reason: why,
    });
    return { kind: 'denied', approval: denied, message: `已拒绝 / denied by ${clicker.id}: ${why} — nothing was run` };
  }

  /** Expire every pending approval past its time; returns the cards to update. Safe to call from every instance. */
  async expire(now: Date = this.now()): Promise<Outcome[]> {
    const out: Outcome[] = [];
    for (const raw of await this.deps.store.listApprovals()) {
      const parsed = approvalSchema.safeParse(raw);
      if (!parsed.success || parsed.data.status !== 'pending' || Date.parse(parsed.data.expiresAt) > now.getTime())
        continue;
      const o = await this.expireOne(parsed.data, now);
      if (o) out.push(o);
    }
    return out;
  }

  /** One stored approval (validated), or undefined. */
  async get(id: string): Promise<Approval | undefined> {
    const parsed = approvalSchema.safeParse(await this.deps.store.getApproval(id));
    return parsed.success ? parsed.data : undefined;
  }

  /** Keep front-end data with an approval (e.g. the card's channel and ts once posted). */
  async setMeta(id: string, meta: Record<string, string>): Promise<Approval | undefined> {
    const a = await this.get(id);
    if (!a) return undefined;
    const next = { ...a, meta: { ...a.meta, ...meta } };
    await this.save(next);
    return next;
  }

  private async expireOne(approval: Approval, now: Date): Promise<Outcome | undefined> {
    if (!(await this.deps.store.claim(`decide:${approval.id}`, this.retentionMs))) return undefined;
    const expired: Approval = {
      ...approval,
      status: 'expired',
      decidedAt: now.toISOString(),
      statusReason: `nobody approved it before ${approval.expiresAt}`,
    };
    await this.save(expired);
    await this.record({
      ...this.base(expired),
      event: 'action.expired',
      user: approval.requester.id,
      via: approval.requester.via,
      reason: expired.statusReason,
    });
    return {
      kind: 'expired',
      approval: expired,
      message: `已过期 / expired: nobody approved it before ${approval.expiresAt} — nothing was run; request it again (the Request button or \`run ${approval.action} ${approval.target} --reason …\`) if it is still needed`,
    };
  }

  /** Parse the reference, load the approval, verify the reference against it, and settle expiry. */
  private async load(
    ref: unknown,
    clicker: Actor,
    what: 'approve' | 'deny',
  ): Promise<Outcome | { approval: Approval; policy: ReturnType<typeof policyFor> }> {
    const actor = actorSchema.safeParse(clicker);
    if (!actor.success)
      return refused(
        'invalid-request',
        'the click does not say who clicked',
        'this is a bug in the front end; report it',
      );
    const parsed = parseReference(ref);
    if (!parsed) {
      await this.record({
        event: 'action.refused',
        user: clicker.id,
        via: clicker.via,
        reason: `${what}: malformed approval reference`,
      });
      return refused(
        'invalid-reference',
        'this button does not carry a valid approval reference — nothing was run',
        'use the buttons on the approval card, or request the action again',
      );
    }
    const approval = await this.get(parsed.id);
    if (!approval) {
      await this.record({
        event: 'action.refused',
        user: clicker.id,
        via: clicker.via,
        approvalId: parsed.id,
        reason: `${what}: unknown approval id`,
      });
      return refused(
        'unknown-approval',
        'no such approval (unknown, or removed after its retention period) — nothing was run',
        'request the action again',
      );
    }
    if (tampered(parsed, approval)) {
      await this.record({
        ...this.base(approval),
        event: 'action.refused',
        user: clicker.id,
        via: clicker.via,
        reason: `${what}: the reference names ${clip(parsed.action ?? '?')} on ${clip(parsed.target ?? '?')}, the approval is ${approval.action} on ${approval.target}`,
      });
      return refused(
        'tampered',
        'this button does not match the approval it names — refused, nothing was run',
        'use the buttons on the approval card; if this repeats, tell the bot owner',
      );
    }
    if (approval.status !== 'pending') return this.decidedRefusal(approval, clicker);
    if (Date.parse(approval.expiresAt) <= this.now().getTime()) {
      const o = await this.expireOne(approval, this.now());
      return o ?? this.alreadyDecided(approval.id, clicker);
    }
    return { approval, policy: policyFor(this.deps.config.policy, approval.target) };
  }

  private async execute(approval: Approval): Promise<ExecutionResult> {
    const action = this.findAction(approval.action);
    const target = this.deps.config.targets.get(approval.target);
    const at = this.now().toISOString();
    const notRun = (summary: string): ExecutionResult => ({
      startedAt: at,
      finishedAt: at,
      durationMs: 0,
      verdict: 'precondition-failed',
      summary,
      preconditions: [],
      steps: [],
      exitCode: null,
      postChecks: [],
      hint: 'request the action again',
    });
    if (!action) return notRun(`action ${approval.action} is no longer in the whitelist — nothing was run`);
    if (!target) return notRun(`target ${approval.target} is no longer configured — nothing was run`);
    // The command approved is the command run: refuse if the config changed it since the request.
    const now = action.argv(target);
    if (JSON.stringify(now) !== JSON.stringify(approval.command))
      return notRun(`the command changed since the request (now \`${commandText(now)}\`) — nothing was run`);
    return executeAction(action, target, this.deps.transportFor(target), {
      findCheck: this.deps.findCheck,
      now: this.now,
      postCheckAttempts: this.deps.postCheckAttempts,
      postCheckDelayMs: this.deps.postCheckDelayMs,
      sleep: this.deps.sleep,
    });
  }

  private async alreadyDecided(id: string, clicker: Actor): Promise<Outcome> {
    const current = await this.get(id);
    if (current && current.status !== 'pending') return this.decidedRefusal(current, clicker);
    // Claimed, but the winner has not written its state yet: it is being executed right now.
    return this.refuse(
      current,
      clicker,
      'already-decided',
      'another click is handling this approval right now — it runs once',
      'wait for the card to update',
    );
  }

  private decidedRefusal(approval: Approval, clicker: Actor): Promise<Outcome> {
    const who = approval.approvedBy.map((d) => d.by).join(', ') || approval.deniedBy?.by || '-';
    const text: Record<string, string> = {
      executing: `already approved by ${who} and running now`,
      succeeded: `already approved by ${who} and executed at ${approval.decidedAt}`,
      failed: `already approved by ${who} at ${approval.decidedAt}; it ran and failed`,
      refused: `already approved by ${who}; refused because ${approval.statusReason ?? 'a precondition failed'}`,
      denied: `already denied by ${who}: ${approval.deniedBy?.reason ?? ''}`,
      expired: `expired at ${approval.expiresAt}`,
    };
    return this.refuse(
      approval,
      clicker,
      'already-decided',
      `${text[approval.status] ?? approval.status} — nothing more was run`,
      approval.status === 'expired' || approval.status === 'denied'
        ? 'request the action again if it is still needed'
        : 'see the card for the result',
    );
  }

  private async refuse(
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

  private base(a: Approval): AuditEntry {
    return {
      event: 'action.requested',
      target: a.target,
      host: a.host,
      action: a.action,
      approvalId: a.id,
      command: a.command,
    };
  }

  private save(a: Approval): Promise<void> {
    // Kept past its expiry so that late clicks see what happened to it.
    const ttl = Math.max(Date.parse(a.expiresAt) - this.now().getTime(), 0) + this.retentionMs;
    return this.deps.store.putApproval(a.id, a, ttl);
  }

  private async record(entry: AuditEntry): Promise<void> {
    try {
      await this.deps.audit.append(entry);
    } catch (e) {
      this.deps.onAuditError?.(e as Error);
    }
  }
}

function tampered(ref: ApprovalRef, a: Approval): boolean {
  return (ref.action !== undefined && ref.action !== a.action) || (ref.target !== undefined && ref.target !== a.target);
}

function refused(code: RefusalCode, message: string, hint: string): Outcome {
  return { kind: 'refused', code, message, hint };
}

function clip(s: string, n = 64): string {
  const t = s.replace(/[\u0000-\u001f]/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
}
