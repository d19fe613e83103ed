import type { Actor, Approval, Outcome } from '../approvals/index.js';
import type { Fitted } from '../render/block-limits.js';
import { noticeMessage } from '../render/blocks.js';
import { approvalCard, deniedReply, refusalMessage, resultReply } from './approval-card.js';
import { slackErrorCode } from './errors.js';
import type { Outbox, Outgoing } from './outbox.js';

/** Where a click came from (the card it was on, unless the stored approval says otherwise). */
export interface CardPlace {
  channel?: string;
  messageTs?: string;
  threadTs?: string;
}

/**
 * Shows approval outcomes in Slack: the card is re-rendered from the stored
 * approval for everyone (chat.update), results go into its thread, refusals
 * to the clicker only (chat.postEphemeral). Failures are logged, never thrown:
 * the decision is already made and recorded.
 */
export class ApprovalCards {
  constructor(
    private readonly out: Outbox,
    private readonly log: (line: string) => void,
  ) {}

  /** Show an outcome: card updates for everyone, refusals to the clicker only. */
  async settle(o: Outcome, clicker: Actor, place: CardPlace): Promise<void> {
    switch (o.kind) {
      case 'refused':
        await this.ephemeral(clicker, place, refusalMessage(o), o.approval);
        return;
      case 'requested':
        return;
      case 'waiting':
        await this.update(o.approval, place);
        return;
      case 'executed':
        await this.update(o.approval, place);
        await this.threadReply(o.approval, place, resultReply(o.approval), clicker);
        return;
      case 'denied':
        await this.update(o.approval, place);
        await this.threadReply(o.approval, place, deniedReply(o.approval, clicker.id), clicker);
        return;
      case 'unknown':
        await this.update(o.approval, place);
        await this.threadReply(o.approval, place, noticeMessage(`:warning: ${o.message}`), clicker);
        return;
      case 'expired':
        await this.update(o.approval, place);
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

  private where(a: Approval | undefined, place: CardPlace): { channel?: string; ts?: string; thread?: string } {
    const channel = a?.meta.channel ?? place.channel;
    const ts = a?.meta.ts ?? (a?.meta.channel && a.meta.channel !== place.channel ? undefined : place.messageTs);
    return { channel, ts, thread: a?.meta.thread ?? place.threadTs ?? ts };
  }

  async update(a: Approval, place: CardPlace): Promise<void> {
    const at = this.where(a, place);
    if (!at.channel || !at.ts) {
      this.log(`approval ${a.id} is ${a.status}, but its card's place is unknown; not updated`);
      return;
    }
    try {
      await this.out.update(at.channel, at.ts, approvalCard(a));
    } catch (e) {
      this.log(`could not update the approval card ${a.id}: ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }

  /** The outcome in the card's thread; if the thread cannot be written, the clicker still gets it privately. */
  async threadReply(a: Approval, place: CardPlace, m: Fitted, clicker: Actor): Promise<void> {
    const at = this.where(a, place);
    if (!at.channel) {
      await this.ephemeral(clicker, place, m, a);
      return;
    }
    try {
      const posted = await this.out.post(at.channel, m, at.thread);
      // Whatever did not fit the message goes into the thread as a file, never cut silently.
      if (m.overflow.length > 0) {
        await this.out.upload(at.channel, at.thread ?? posted.ts, {
          filename: `approval-${a.id}.txt`,
          title: `${a.action} @ ${a.target} — 完整结果 / full result`,
          content: m.overflow.join('\n\n'),
        });
      }
    } catch (e) {
      this.log(`could not reply in the approval thread ${a.id}: ${slackErrorCode(e) ?? (e as Error).message}`);
      await this.ephemeral(clicker, place, m, a);
    }
  }

  /** To the clicker only. */
  async ephemeral(clicker: Actor, place: CardPlace, m: Outgoing, a?: Approval): Promise<void> {
    const channel = place.channel ?? a?.meta.channel;
    if (!channel) {
      this.log(`could not tell ${clicker.id} about a refused click: no channel`);
      return;
    }
    try {
      await this.out.ephemeral(channel, clicker.id, m, place.threadTs);
    } catch (e) {
      this.log(`chat.postEphemeral to ${clicker.id} failed: ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }
}

/** The Deny dialog's private_metadata: the approval reference and the card's place, validated. */
export function parseDenyMetadata(raw: string): ({ v: string } & CardPlace) | undefined {
  try {
    const m = JSON.parse(raw) as Record<string, unknown>;
    if (typeof m.v !== 'string' || m.v.length > 2000) return undefined;
    const s = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : undefined);
    return { v: m.v, channel: s('channel'), messageTs: s('messageTs'), threadTs: s('threadTs') };
  } catch {
    return undefined;
  }
}
