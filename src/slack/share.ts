import { z } from 'zod';
import { mrkdwnMessage, noticeMessage, shareSummary } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { buttonValueSchema, type ButtonValue } from './button-value.js';
import { describeSlackError, isNotInChannel } from './errors.js';
import { channelLink } from './escape.js';
import { isSlackChannelId, slackChannelId } from './ids.js';
import type { SlackContext, SlackFeature } from './feature.js';
import type { Outbox } from './outbox.js';
import type { ModalView } from './block-kit.js';

export const SHARE_CALLBACK = 'oms_share_modal';
const CHANNEL_BLOCK = 'share_channel';
const CHANNEL_ACTION = 'channel';
const THREAD_BLOCK = 'share_thread';
const THREAD_ACTION = 'link';

type ShareValue = Extract<ButtonValue, { k: 'share' }>;

/** Carried through the modal in private_metadata (≤ 3000 characters): the report summary and where it lives. */
const metadataSchema = z
  .object({
    s: buttonValueSchema,
    c: slackChannelId,
    ts: z.string().regex(/^\d{6,12}\.\d{1,8}$/),
  })
  .strict();

export type ShareMetadata = { s: ShareValue; c: string; ts: string };

/** The modal: a channel picker and an optional link to the incident thread. */
export function shareModal(value: ShareValue, source: { channel: string; ts: string }): ModalView {
  const metadata: ShareMetadata = { s: value, c: source.channel, ts: source.ts };
  return {
    type: 'modal',
    callback_id: SHARE_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: '分享 / Share' },
    submit: { type: 'plain_text', text: '分享 / Share' },
    close: { type: 'plain_text', text: '取消 / Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `把诊断摘要发到事故频道或线程 / post this diagnosis' summary to an incident channel or thread.`,
        },
      },
      {
        type: 'input',
        block_id: CHANNEL_BLOCK,
        label: { type: 'plain_text', text: '频道 / Channel' },
        element: {
          type: 'conversations_select',
          action_id: CHANNEL_ACTION,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
        },
      },
      {
        type: 'input',
        block_id: THREAD_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: '线程链接（可选）/ Thread link (optional)' },
        hint: { type: 'plain_text', text: '在线程的消息上 "复制链接" / "Copy link" on a message of the thread' },
        element: {
          type: 'plain_text_input',
          action_id: THREAD_ACTION,
          placeholder: { type: 'plain_text', text: 'https://….slack.com/archives/C…/p…' },
        },
      },
    ],
  };
}

export function parseShareMetadata(raw: unknown): ShareMetadata | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const m = metadataSchema.safeParse(JSON.parse(raw));
    if (!m.success || m.data.s.k !== 'share') return undefined;
    return m.data as ShareMetadata;
  } catch {
    return undefined;
  }
}

/**
 * A Slack message link → channel and thread ts. `…/archives/C123/p1700000000123456`
 * is message 1700000000.123456; `?thread_ts=…` (a reply's link) names the thread.
 */
export function parseThreadLink(link: string): { channel: string; threadTs: string } | undefined {
  const m = /^https:\/\/[A-Za-z0-9.-]+\/archives\/([CGD][A-Z0-9]{1,254})\/p(\d{10})(\d{6})(?:\?(\S*))?$/.exec(
    link.trim(),
  );
  if (!m) return undefined;
  const query = new URLSearchParams(m[4] ?? '');
  const thread = query.get('thread_ts');
  const threadTs = thread && /^\d{10}\.\d{6}$/.test(thread) ? thread : `${m[2]}.${m[3]}`;
  return { channel: m[1]!, threadTs };
}

/** The submitted form: valid choices, or field errors for the modal. */
export function readShareForm(
  values: unknown,
): { ok: true; channel: string; threadTs?: string } | { ok: false; errors: Record<string, string> } {
  const v = values as
    Record<string, Record<string, { selected_conversation?: string | null; value?: string | null }>> | undefined;
  const channel = v?.[CHANNEL_BLOCK]?.[CHANNEL_ACTION]?.selected_conversation ?? undefined;
  if (!channel || !isSlackChannelId(channel))
    return { ok: false, errors: { [CHANNEL_BLOCK]: '请选择一个频道 / pick a channel' } };
  const link = v?.[THREAD_BLOCK]?.[THREAD_ACTION]?.value?.trim();
  if (!link) return { ok: true, channel };
  const parsed = parseThreadLink(link);
  if (!parsed)
    return {
      ok: false,
      errors: {
        [THREAD_BLOCK]:
          '不是 Slack 消息链接 / not a Slack message link: ' +
          'use "Copy link" on a message of the thread (https://….slack.com/archives/C…/p…)',
      },
    };
  if (parsed.channel !== channel)
    return {
      ok: false,
      errors: {
        [THREAD_BLOCK]:
          `链接属于另一个频道 / this link belongs to another channel (<#${parsed.channel}>): ` +
          'pick that channel or clear the link',
      },
    };
  return { ok: true, channel, threadTs: parsed.threadTs };
}

/** Why a share failed, with a live link to the channel (its id is validated, so the link is safe). */
function shareFailed(channel: string, e: unknown): Fitted {
  if (!isNotInChannel(e)) {
    const p = describeSlackError(e, '所选频道 / the chosen channel');
    return noticeMessage(`没能分享 / could not share: ${p.text}`, { next: p.next });
  }
  const where = channelLink(channel);
  return mrkdwnMessage(
    '没能分享：bot 不是所选频道的成员 / could not share: the bot is not a member of the chosen channel',
    `没能分享：oms-chatops 不是 ${where} 的成员 / could not share: the bot is not a member of ${where}`,
    [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text:
              `*下一步 / Next:* 在 ${where} 里输入 \`/invite @oms-chatops\`，然后再点一次 "分享" / ` +
              `type \`/invite @oms-chatops\` in ${where}, then click Share again`,
          },
        ],
      },
    ],
  );
}

/**
 * Post the summary into the incident channel/thread with a link back, then
 * note the share in the report's thread. Not a member → the user learns how
 * to invite the bot there.
 */
export async function shareReport(
  out: Outbox,
  meta: ShareMetadata,
  dest: { channel: string; threadTs?: string },
  user: string,
): Promise<'shared' | 'not_in_channel' | 'failed'> {
  const { s } = meta;
  const backLink = await out.permalink(meta.c, meta.ts);
  let posted: { channel: string; ts: string };
  try {
    posted = await out.post(
      dest.channel,
      shareSummary({
        title: s.w,
        target: s.t,
        verdictLine: s.h,
        ...(s.r ? { rootCause: s.r } : {}),
        requester: s.u,
        sharedBy: user,
        ...(backLink ? { permalink: backLink } : {}),
      }),
      dest.threadTs,
    );
  } catch (e) {
    // A failure to say so is left to the background task's wrapper (it tries the thread next).
    await out.ephemeral(meta.c, user, shareFailed(dest.channel, e), meta.ts);
    return isNotInChannel(e) ? 'not_in_channel' : 'failed';
  }
  const sharedLink = await out.permalink(posted.channel, posted.ts);
  const view = sharedLink ? ` — <${sharedLink}|查看 / view>` : '';
  const note = `:link: <@${user}> 已分享到 / shared this to <#${dest.channel}>${view}`;
  await out.post(
    meta.c,
    // The fallback text is escaped on the way out, so it carries no channel link.
    {
      text: '已分享到事故频道 / shared to an incident channel',
      blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: note }] }],
    },
    meta.ts,
  );
  return 'shared';
}

/** Share to incident thread: the button opens the modal; its submission posts the summary (shareReport). */
export function shareFeature(ctx: SlackContext): SlackFeature {
  const { app, out, tasks } = ctx;
  return {
    name: 'share',
    clicks: ['share'],
    async click(outcome, place) {
      if (outcome.kind !== 'share') return;
      try {
        await out.openView(
          outcome.triggerId,
          shareModal(outcome.value, { channel: outcome.channel, ts: outcome.messageTs }),
        );
      } catch (e) {
        ctx.log(`views.open failed: ${(e as Error).message}`);
        await place.reply(
          noticeMessage('没能打开分享窗口 / could not open the share dialog', {
            next: '再点一次 "分享"（对话框需要在 3 秒内打开）/ click Share again (the dialog must open within 3 seconds)',
          }),
        );
      }
    },
    register() {
      app.view(SHARE_CALLBACK, async ({ ack, view, body }) => {
        const meta = parseShareMetadata(view.private_metadata);
        if (!meta) {
          await ack({
            response_action: 'errors',
            errors: {
              [CHANNEL_BLOCK]:
                '这个表单已失效，请在报告上重新点 "分享" / this form is no longer valid: click Share on the report again',
            },
          });
          return;
        }
        const form = readShareForm(view.state.values);
        if (!form.ok) {
          await ack({ response_action: 'errors', errors: form.errors });
          return;
        }
        await ack();
        const dest = { channel: form.channel, ...(form.threadTs ? { threadTs: form.threadTs } : {}) };
        const place = { channel: meta.c, threadTs: meta.ts, user: body.user.id };
        tasks.run('share', place, async () => void (await shareReport(out, meta, dest, body.user.id)));
      });
    },
  };
}
