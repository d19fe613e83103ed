import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import {
  approvalReference,
  parseReference,
  type Actor,
  type Approval,
  type ApprovalService,
  type IsInGroup,
  type Outcome,
} from '../approvals/index.js';
import type { AuditEntry, AuditQuery, AuditRecord } from '../audit/audit-log.js';
import { auditRequest } from '../audit/query.js';
import { noticeMessage } from '../render/blocks.js';
import { redact } from '../redact.js';
import {
  APPROVAL_ACTION,
  approvalCard,
  auditMessage,
  DENY_CALLBACK,
  DENY_REASON_BLOCK,
  DENY_REASON_INPUT,
  denyModal,
  refusalMessage,
  resultReply,
  who,
} from './approval-card.js';
import { SlackUserGroups, slackGroupLister } from './approval-groups.js';
import type { ActionHooks, ActionRequest, CommandRequest, Reply, SlackDeps } from './deps.js';
import { describeSlackError, slackErrorCode } from './errors.js';
import type { Fitted } from '../render/block-limits.js';
import type { Outbox, Outgoing } from './outbox.js';
import type { BackgroundTasks } from './tasks.js';

/** What main.ts (or a test) hands the Slack layer to turn on approve-to-run. */
export interface SlackApprovalsConfig {
  /**
   * Build the approvals service with Slack's user-group lookup plugged in
   * (`isInGroup`, backed by usergroups.users.list). main.ts gives it the same
   * store and audit log as the CLI.
   */
  service(isInGroup: IsInGroup): ApprovalService;
  /** How often pending approvals are checked for expiry (default 30 s; 0 = never: tests call `sweep()`). */
  sweepIntervalMs?: number;
  /** How long a user group's member list is cached (default 60 s). */
  groupCacheMs?: number;
}

/** The audit log as the Slack layer uses it: diagnoses and checks are appended, `/oms audit` reads. */
export interface SlackAudit {
  append(entry: AuditEntry): Promise<unknown>;
  read(query: AuditQuery): Promise<AuditRecord[]>;
}

/** Where a click came from (the card it was on, unless the stored approval says otherwise). */
interface ClickPlace {
  channel?: string;
  messageTs?: string;
  threadTs?: string;
}

const DEFAULT_SWEEP_MS = 30_000;

/**
 * Approve-to-run in Slack: Request buttons and `/oms run` post an approval
 * card; Approve / Deny clicks go to the {@link ApprovalService}, which
 * authorises the clicker at click time and claims the approval once across
 * every instance sharing the store; the card is then re-rendered from the
 * stored approval (chat.update) and the result is replied in its thread.
 * Refusals go to the clicker only (chat.postEphemeral). A periodic sweep
 * expires stale approvals and updates their cards; it is safe to run on every
 * instance (only the instance that claims an approval reports it).
 */
export class SlackApprovals {
  readonly service: ApprovalService;
  readonly groups: SlackUserGroups;
  readonly hooks: Required<ActionHooks>;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly options: {
      app: App;
      out: Outbox;
      tasks: BackgroundTasks;
      deps: SlackDeps;
      config: SlackApprovalsConfig;
      log: (line: string) => void;
    },
  ) {
    this.groups = new SlackUserGroups(slackGroupLister(options.app.client), {
      ttlMs: options.config.groupCacheMs,
    });
    this.service = options.config.service(this.groups.isInGroup);
    this.hooks = {
      onActionRequest: (r) => this.onActionRequest(r),
      onCommand: (r) => this.onCommand(r),
    };
  }

  /** Approve and Deny buttons, and the Deny reason dialog. */
  register(): void {
    const { app, tasks, deps } = this.options;
    const onClick =
      (kind: 'approve' | 'deny') =>
      async ({
        ack,
        body,
        action,
      }: {
        ack: () => Promise<void>;
        body: BlockAction<ButtonAction>;
        action: ButtonAction;
      }) => {
        await ack();
        // A repeated delivery of the same click (Slack retry, Socket Mode redelivery) is handled once;
        // a second real click is a new action_ts and gets "already decided" from the store claim.
        if (!(await deps.dedupe.claim(`approval-click:${action.action_id}:${body.user.id}:${action.action_ts}`))) {
          this.options.log(
            `dropped a repeated delivery of the ${kind} click by ${body.user.id} at ${action.action_ts}`,
          );
          return;
        }
        const place: ClickPlace = {
          channel: body.channel?.id ?? body.container?.channel_id,
          messageTs: body.message?.ts ?? body.container?.message_ts,
          threadTs: (body.message as { thread_ts?: string } | undefined)?.thread_ts,
        };
        const clicker: Actor = { id: body.user.id, via: 'slack' };
        tasks.run(() =>
          kind === 'approve'
            ? this.approve(action.value, clicker, place)
            : this.openDeny(action.value, clicker, place, body.trigger_id),
        );
      };
    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: APPROVAL_ACTION.approve },
      onClick('approve'),
    );
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: APPROVAL_ACTION.deny }, onClick('deny'));

    app.view<ViewSubmitAction>(DENY_CALLBACK, async ({ ack, view, body }) => {
      await ack();
      const meta = parseDenyMetadata(view.private_metadata);
      const reason = view.state.values[DENY_REASON_BLOCK]?.[DENY_REASON_INPUT]?.value ?? '';
      const clicker: Actor = { id: body.user.id, via: 'slack' };
      tasks.run(async () => {
        if (!meta) {
          this.options.log(`deny dialog from ${body.user.id} without valid metadata`);
          return;
        }
        await this.settle(await this.service.deny(meta.v, clicker, reason), clicker, meta);
      });
    });
  }

  /** Start the periodic expiry sweep (every instance may run one). */
  start(): void {
    const every = this.options.config.sweepIntervalMs ?? DEFAULT_SWEEP_MS;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => this.options.tasks.run(async () => void (await this.sweep())), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Expire approvals past their time and update their cards; resolves with how many this instance expired. */
  sweep(): Promise<number> {
    this.sweeping ??= (async () => {
      try {
        const outcomes = await this.service.expire();
        for (const o of outcomes) if (o.kind === 'expired') await this.updateCard(o.approval, {});
        return outcomes.length;
      } catch (e) {
        this.options.log(`approval expiry sweep failed: ${redact((e as Error).message)}`);
        return 0;
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  /** "Request <action>" on a report: the card goes into the report's thread. */
  private async onActionRequest(r: ActionRequest): Promise<void> {
    const playbook = this.options.deps.playbooks.find((p) => p.id === r.playbookId);
    const finding = playbook?.findings.find((f) => f.id === r.findingId);
    const o = await this.service.requestAction({
      action: r.actionId,
      target: r.target.name,
      requester: { id: r.user, via: 'slack', channel: r.channel },
      reason: '',
      finding: { id: r.findingId, title: finding?.title ?? r.findingId },
      meta: { channel: r.channel, thread: r.threadTs, playbook: r.playbookId },
    });
    if (o.kind !== 'requested') {
      await r.reply(o.kind === 'refused' ? refusalMessage(o) : noticeMessage(o.message));
      return;
    }
    await this.postCard(o.approval, r.channel, r.threadTs, r.reply);
  }

  /** `/oms run <action> [target] --reason "…"` and `/oms audit [--since …] [--target …]`. */
  private async onCommand(r: CommandRequest): Promise<void> {
    const { command } = r;
    if (command.verb === 'audit') {
      await this.audit(command, r.reply);
      return;
    }
    const o = await this.service.requestAction({
      action: command.action,
      target: command.target ?? this.options.deps.config.defaultTarget,
      requester: { id: r.user, via: 'slack', channel: r.channel },
      reason: command.reason,
    });
    if (o.kind !== 'requested') {
      await r.reply(o.kind === 'refused' ? refusalMessage(o) : noticeMessage(o.message));
      return;
    }
    await this.postCard(o.approval, r.channel, undefined, r.reply);
  }

  private async audit(command: Extract<CommandRequest['command'], { verb: 'audit' }>, reply: Reply): Promise<void> {
    const audit = this.options.deps.audit;
    if (!audit) {
      await reply(
        noticeMessage('这个 bot 没有配置审计日志 / this bot has no audit log configured', {
          next: "run `oms-chatops audit` on the bot's machine, or start the bot with `npm start` (it writes <dataDir>/audit.jsonl)",
        }),
      );
      return;
    }
    const r = auditRequest(command, this.options.deps.now?.() ?? new Date());
    if (!r.ok) {
      await reply(
        noticeMessage(r.error, {
          next: 'e.g. `/oms audit --since 1h` or `/oms audit --since 2026-11-22T21:00:00Z --target prod`',
        }),
      );
      return;
    }
    const records = await audit.read(r.query);
    await reply(auditMessage(records, r.what));
  }

  /** Post the card; keep where it is with the approval. If it cannot be posted, withdraw the request. */
  private async postCard(a: Approval, channel: string, threadTs: string | undefined, reply: Reply): Promise<void> {
    let posted: { channel: string; ts: string };
    try {
      posted = await this.options.out.post(channel, approvalCard(a), threadTs);
    } catch (e) {
      await this.service.deny(
        approvalReference(a),
        { id: a.requester.id, via: 'slack' },
        'the approval card could not be posted in Slack',
      );
      const p = describeSlackError(e);
      await reply(
        noticeMessage(
          `${p.text} — 审批卡片没能发出，请求已撤回，不会运行任何东西 / the approval card could not be posted, so the request was withdrawn; nothing will be run`,
          { next: p.next },
        ),
      );
      return;
    }
    await this.service.setMeta(a.id, { channel: posted.channel, ts: posted.ts, thread: threadTs ?? posted.ts });
  }

  private async approve(value: unknown, clicker: Actor, place: ClickPlace): Promise<void> {
    await this.settle(await this.service.approve(value, clicker), clicker, place);
  }

  /** Deny opens the optional-reason dialog; a request that is already decided is answered at once. */
  private async openDeny(
    value: string | undefined,
    clicker: Actor,
    place: ClickPlace,
    triggerId: string,
  ): Promise<void> {
    const ref = parseReference(value);
    const current = ref ? await this.service.get(ref.id) : undefined;
    if (!ref || !current || current.status !== 'pending') {
      // Invalid, unknown or already decided: the service gives (and records) the refusal.
      await this.settle(await this.service.deny(value, clicker, ''), clicker, place);
      return;
    }
    try {
      await this.options.out.openView(triggerId, denyModal(value!, place, current));
    } catch (e) {
      this.options.log(`views.open (deny) failed: ${slackErrorCode(e) ?? (e as Error).message}`);
      await this.ephemeral(
        clicker,
        place,
        noticeMessage(
          '没能打开拒绝对话框，请求仍在等待审批 / could not open the deny dialog; the request is still pending',
          {
            next: '再点一次 "拒绝"（对话框需要在 3 秒内打开）/ click Deny again (the dialog must open within 3 seconds)',
          },
        ),
      );
    }
  }

  /** Show an outcome: card updates for everyone, refusals to the clicker only. */
  private async settle(o: Outcome, clicker: Actor, place: ClickPlace): Promise<void> {
    switch (o.kind) {
      case 'refused':
        await this.ephemeral(clicker, place, refusalMessage(o), o.approval);
        return;
      case 'requested':
        return;
      case 'waiting':
        await this.updateCard(o.approval, place);
        return;
      case 'executed':
        await this.updateCard(o.approval, place);
        await this.threadReply(o.approval, place, resultReply(o.approval));
        return;
      case 'denied':
        await this.updateCard(o.approval, place);
        await this.threadReply(
          o.approval,
          place,
          noticeMessage(
            `:no_entry_sign: ${who(clicker.id)} 拒绝了 / denied ${o.approval.action} @ ${o.approval.target}: ${o.approval.deniedBy?.reason ?? ''} — 没有运行任何东西 / nothing was run`,
          ),
        );
        return;
      case 'expired':
        await this.updateCard(o.approval, place);
        await this.ephemeral(
          clicker,
          place,
          noticeMessage(`拒绝 / refused: ${o.message}`, {
            next: '如仍需要，请重新申请 / request it again if it is still needed',
          }),
          o.approval,
        );
        return;
    }
  }

  private where(a: Approval | undefined, place: ClickPlace): { channel?: string; ts?: string; thread?: string } {
    const channel = a?.meta.channel ?? place.channel;
    const ts = a?.meta.ts ?? (a?.meta.channel && a.meta.channel !== place.channel ? undefined : place.messageTs);
    return { channel, ts, thread: a?.meta.thread ?? place.threadTs ?? ts };
  }

  private async updateCard(a: Approval, place: ClickPlace): Promise<void> {
    const at = this.where(a, place);
    if (!at.channel || !at.ts) {
      this.options.log(`approval ${a.id} is ${a.status}, but its card's place is unknown; not updated`);
      return;
    }
    try {
      await this.options.out.update(at.channel, at.ts, approvalCard(a));
    } catch (e) {
      this.options.log(`could not update the approval card ${a.id}: ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }

  private async threadReply(a: Approval, place: ClickPlace, m: Fitted): Promise<void> {
    const at = this.where(a, place);
    if (!at.channel) return;
    try {
      const posted = await this.options.out.post(at.channel, m, at.thread);
      // Whatever did not fit the message goes into the thread as a file, never cut silently.
      if (m.overflow.length > 0) {
        await this.options.out.upload(at.channel, at.thread ?? posted.ts, {
          filename: `approval-${a.id}.txt`,
          title: `${a.action} @ ${a.target} — 完整结果 / full result`,
          content: m.overflow.join('\n\n'),
        });
      }
    } catch (e) {
      this.options.log(`could not reply in the approval thread ${a.id}: ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }

  /** To the clicker only. */
  private async ephemeral(clicker: Actor, place: ClickPlace, m: Outgoing, a?: Approval): Promise<void> {
    const channel = place.channel ?? a?.meta.channel;
    if (!channel) {
      this.options.log(`could not tell ${clicker.id} about a refused click: no channel`);
      return;
    }
    try {
      await this.options.out.ephemeral(channel, clicker.id, m, place.threadTs);
    } catch (e) {
      this.options.log(`chat.postEphemeral to ${clicker.id} failed: ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }
}

function parseDenyMetadata(raw: string): ({ v: string } & ClickPlace) | undefined {
  try {
    const m = JSON.parse(raw) as Record<string, unknown>;
    if (typeof m.v !== 'string' || m.v.length > 2000) return undefined;
    const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : undefined);
    return { v: m.v, channel: s('channel'), messageTs: s('messageTs'), threadTs: s('threadTs') };
  } catch {
    return undefined;
  }
}
