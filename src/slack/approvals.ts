import type { BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { queryAudit, verifyAudit } from '../app/audit.js';
import { formatVerify } from '../audit/chain.js';
import { clearStop, requestAction, type ActionRequestInput } from '../app/request-action.js';
import {
  approvalReference,
  parseReference,
  type Actor,
  type Approval,
  type ApprovalService,
} from '../approvals/index.js';
import type { ParsedCommand } from '../command/verbs.js';
import { invalidSince, unavailable } from '../messages/catalogue.js';
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
} from './approval-card.js';
import { SlackUserGroups, slackGroupLister } from './approval-groups.js';
import { ApprovalCards, parseDenyMetadata, type CardPlace } from './approval-place.js';
import type { Reply } from './deps.js';
import { describeSlackError, slackErrorCode } from './errors.js';
import type { ClickPlace, CommandPlace, CommandPlan, SlackContext, SlackFeature } from './feature.js';
import type { ClickOutcome } from './interactions.js';
import { noticeFor, slackRef } from './notice.js';

const DEFAULT_SWEEP_MS = 30_000;

/**
 * Approve-to-run in Slack: Request buttons and `/oms run` post an approval
 * card; Approve / Deny clicks go to the {@link ApprovalService}, which
 * authorises the clicker at click time and claims the approval once across
 * every instance sharing the store; the card is then re-rendered from the
 * stored approval (approval-place.ts). `/oms audit` reads the audit log. A
 * periodic sweep expires stale approvals and updates their cards; it is safe
 * to run on every instance (only the instance that claims one reports it).
 */
export class SlackApprovals implements SlackFeature {
  readonly name = 'approvals';
  readonly verbs = ['run', 'audit'] as const;
  readonly clicks = ['request'] as const;
  readonly service: ApprovalService;
  readonly groups: SlackUserGroups;
  private readonly cards: ApprovalCards;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(private readonly ctx: SlackContext) {
    const config = ctx.deps.approvals;
    this.groups = new SlackUserGroups(slackGroupLister(ctx.app.client), { ttlMs: config.groupCacheMs });
    this.service = config.service(this.groups.isInGroup);
    this.cards = new ApprovalCards(ctx.out, ctx.log);
  }

  /** `/oms run <action> [target] --reason "…"` and `/oms audit [--since …] [--target …]`. */
  command(cmd: ParsedCommand, where: CommandPlace): CommandPlan {
    const requester: Actor = { id: where.user, via: 'slack', channel: where.channel };
    if (cmd.verb === 'audit') return { kind: 'work', task: 'command', run: (reply) => this.audit(cmd, reply) };
    if (cmd.verb !== 'run') return { kind: 'answer', message: noticeFor(unavailable('approvals', cmd.verb, slackRef)) };
    if (cmd.clear)
      return {
        kind: 'work',
        task: 'command',
        run: async (reply) => {
          const c = await clearStop(cmd, requester, { approvals: this.service, config: this.ctx.deps.config });
          if ('kind' in c) await reply(noticeFor(unavailable('approvals', 'run clear', slackRef)));
          else
            await reply(
              c.ok ? noticeMessage(c.message) : noticeMessage(`拒绝 / refused: ${c.message}`, { next: c.hint }),
            );
        },
      };
    return {
      kind: 'work',
      task: 'approval-request',
      run: (reply) =>
        this.request({ ...cmd, meta: { channel: where.channel } }, requester, { channel: where.channel }, reply),
    };
  }

  /** "Request <action>" on a report: the card goes into the report's thread. */
  async click(o: ClickOutcome, place: ClickPlace): Promise<void> {
    if (o.kind !== 'request') return;
    const playbook = this.ctx.deps.playbooks.find((p) => p.id === o.playbookId);
    const finding = playbook?.findings.find((f) => f.id === o.findingId);
    await this.request(
      {
        action: o.actionId,
        target: o.target.name,
        reason: '',
        finding: { id: o.findingId, title: finding?.title ?? o.findingId },
        meta: { channel: o.channel, thread: o.threadTs, playbook: o.playbookId },
      },
      { id: place.user, via: 'slack', channel: o.channel },
      { channel: o.channel, threadTs: o.threadTs },
      place.reply,
    );
  }

  private async request(
    input: ActionRequestInput,
    requester: Actor,
    at: { channel: string; threadTs?: string },
    reply: Reply,
  ): Promise<void> {
    const o = await requestAction(input, requester, { approvals: this.service, config: this.ctx.deps.config });
    if (o.kind === 'requested') await this.postCard(o.approval, at.channel, at.threadTs, reply);
    else if (o.kind === 'refused') await reply(refusalMessage(o));
    else if (o.kind === 'unavailable') await reply(noticeFor(unavailable('approvals', 'run', slackRef)));
    else await reply(noticeMessage(o.message));
  }

  private async audit(cmd: { since?: string; target?: string; verify?: true }, reply: Reply): Promise<void> {
    if (cmd.verify) {
      const v = await verifyAudit(this.ctx.deps);
      if (v.kind === 'unavailable') await reply(noticeFor(unavailable('audit', 'audit verify', slackRef)));
      else if (v.kind === 'no-chain')
        await reply(noticeMessage('this audit log has no hash chain — nothing was checked'));
      else await reply(noticeMessage(formatVerify(v.verdict)));
      return;
    }
    const r = await queryAudit(cmd, this.ctx.deps);
    if (r.kind === 'unavailable') await reply(noticeFor(unavailable('audit', 'audit', slackRef)));
    else if (r.kind === 'invalid') await reply(noticeFor(invalidSince(r.error, slackRef)));
    else await reply(auditMessage(r.records, r.what));
  }

  /** Post the card; keep where it is with the approval. If it cannot be posted, withdraw the request. */
  private async postCard(a: Approval, channel: string, threadTs: string | undefined, reply: Reply): Promise<void> {
    let posted: { channel: string; ts: string };
    try {
      posted = await this.ctx.out.post(channel, approvalCard(a), threadTs);
    } catch (e) {
      await this.service.deny(
        approvalReference(a),
        { id: a.requester.id, via: 'slack', channel },
        'the approval card could not be posted in Slack',
      );
      const p = describeSlackError(e);
      await reply(
        noticeMessage(
          `${p.text} — 审批卡片没能发出，请求已撤回，不会运行任何东西 / ` +
            'the approval card could not be posted, so the request was withdrawn; nothing will be run',
          { next: p.next },
        ),
      );
      return;
    }
    await this.service.setMeta(a.id, { channel: posted.channel, ts: posted.ts, thread: threadTs ?? posted.ts });
  }

  /** Approve and Deny buttons, and the Deny reason dialog. */
  register(): void {
    const { app, tasks, deps } = this.ctx;
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
        const place: CardPlace = {
          channel: body.channel?.id ?? body.container?.channel_id,
          messageTs: body.message?.ts ?? body.container?.message_ts,
          threadTs: (body.message as { thread_ts?: string } | undefined)?.thread_ts,
        };
        // The channel the click came from: the service counts it only on the card's own channel.
        const clicker: Actor = { id: body.user.id, via: 'slack', ...(place.channel ? { channel: place.channel } : {}) };
        // A failure is told to the clicker privately: the card itself shows the state for everyone.
        const told = place.channel ? { channel: place.channel, user: clicker.id } : undefined;
        // Everything after the ack is tracked, the store round trip included (tests and shutdown wait for it).
        tasks.run('approval-click', told, async () => {
          // A repeated delivery of the same click (Slack retry, Socket Mode redelivery) is handled once;
          // a second real click is a new action_ts and gets "already decided" from the store claim.
          if (!(await deps.dedupe.claim(`approval-click:${action.action_id}:${clicker.id}:${action.action_ts}`))) {
            this.ctx.log(`dropped a repeated delivery of the ${kind} click by ${clicker.id} at ${action.action_ts}`);
            return;
          }
          await (kind === 'approve'
            ? this.cards.settle(await this.service.approve(action.value, clicker), clicker, place)
            : this.openDeny(action.value, clicker, place, body.trigger_id));
        });
      };
    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: APPROVAL_ACTION.approve },
      onClick('approve'),
    );
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: APPROVAL_ACTION.deny }, onClick('deny'));

    app.view<ViewSubmitAction>(DENY_CALLBACK, async ({ ack, view, body }) => {
      const meta = parseDenyMetadata(view.private_metadata);
      if (!meta) {
        this.ctx.log(`deny dialog from ${body.user.id} without valid metadata`);
        // Said in the dialog itself: there is no other place to tell the clicker.
        await ack({
          response_action: 'errors',
          errors: {
            [DENY_REASON_BLOCK]:
              '这个对话框已失效，没有拒绝任何东西；请在卡片上重新点 "拒绝" / ' +
              'this dialog is no longer valid and denied nothing: click Deny on the card again',
          },
        });
        return;
      }
      await ack();
      const reason = view.state.values[DENY_REASON_BLOCK]?.[DENY_REASON_INPUT]?.value ?? '';
      const clicker: Actor = { id: body.user.id, via: 'slack', ...(meta.channel ? { channel: meta.channel } : {}) };
      const told = meta.channel ? { channel: meta.channel, user: clicker.id } : undefined;
      tasks.run('approval-click', told, async () => {
        await this.cards.settle(await this.service.deny(meta.v, clicker, reason), clicker, meta);
      });
    });
  }

  /** Start the periodic expiry sweep (every instance may run one). */
  start(): void {
    const every = this.ctx.deps.approvals.sweepIntervalMs ?? DEFAULT_SWEEP_MS;
    if (every <= 0 || this.timer) return;
    // The first sweep runs at once: start-up recovery (runs abandoned by a dead process become unknown).
    this.ctx.tasks.run('sweep', undefined, async () => void (await this.sweep()));
    this.timer = setInterval(
      () => this.ctx.tasks.run('sweep', undefined, async () => void (await this.sweep())),
      every,
    );
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
        for (const o of outcomes) {
          if (o.kind !== 'expired' && o.kind !== 'unknown') continue;
          await this.cards.update(o.approval, {});
          // Nobody clicked: if the thread cannot be reached, the approver who started the run is told.
          const approver: Actor = { id: o.approval.approvedBy.at(-1)?.by ?? o.approval.requester.id, via: 'slack' };
          if (o.kind === 'unknown')
            await this.cards.threadReply(o.approval, {}, noticeMessage(`:warning: ${o.message}`), approver);
        }
        return outcomes.length;
      } catch (e) {
        this.ctx.log(`approval expiry sweep failed: ${redact((e as Error).message)}`);
        return 0;
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }

  /** Deny opens the optional-reason dialog; a request that is already decided is answered at once. */
  private async openDeny(
    value: string | undefined,
    clicker: Actor,
    place: CardPlace,
    triggerId: string,
  ): Promise<void> {
    const ref = parseReference(value);
    const current = ref ? await this.service.get(ref.id) : undefined;
    if (!ref || !current || current.status !== 'pending') {
      // Invalid, unknown or already decided: the service gives (and records) the refusal.
      await this.cards.settle(await this.service.deny(value, clicker, ''), clicker, place);
      return;
    }
    try {
      await this.ctx.out.openView(triggerId, denyModal(value!, place, current));
    } catch (e) {
      this.ctx.log(`views.open (deny) failed: ${slackErrorCode(e) ?? (e as Error).message}`);
      await this.cards.ephemeral(
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
}
