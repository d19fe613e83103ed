import type { webApi } from '@slack/bolt';
import type { ModalView } from './block-kit.js';
import type { Fitted, SlackMessage } from '../render/block-limits.js';
import { limitViolations } from '../render/limit-violations.js';
import { redact, redactDeep } from '../redact.js';
import { slackErrorCode } from './errors.js';
import { withRetry, type RetryPolicy } from './web-api-retry.js';
import { escapeFallbackText } from './escape.js';

type WebClient = webApi.WebClient;

/** A message as built by the renderers (fitted) or by hand. */
export type Outgoing = Fitted | SlackMessage;

function messageOf(m: Outgoing): SlackMessage {
  return 'message' in m ? m.message : m;
}

/**
 * Everything the bot sends to Slack goes through here: every payload is
 * redacted (again — the renderers already did) and checked against Block
 * Kit's limits. Rate limits (429) and Slack's 5xx answers are waited out for
 * messages that must arrive, and skipped for progress updates that the next
 * one replaces.
 */
export class Outbox {
  constructor(
    private readonly client: WebClient,
    private readonly options: {
      maxRateLimitWaitS?: number;
      /** How long and how often messages that must arrive are sent again (web-api-retry.ts). */
      retry?: RetryPolicy;
      log?: (line: string) => void;
      sleep?: (ms: number) => Promise<void>;
    } = {},
  ) {}

  /** The payload as it goes on the wire: redacted, `text` escaped, within limits (a violation is a bug: throws). */
  static prepare(m: Outgoing): SlackMessage {
    const redacted = redactDeep(messageOf(m));
    const msg = { ...redacted, text: escapeFallbackText(redacted.text) };
    const problems = limitViolations(msg);
    if (problems.length > 0) throw new Error(`message breaks Block Kit limits: ${problems.join('; ')}`);
    return msg;
  }

  async post(channel: string, m: Outgoing, threadTs?: string): Promise<{ channel: string; ts: string }> {
    const msg = Outbox.prepare(m);
    const res = await this.persist('chat.postMessage', () =>
      this.client.chat.postMessage({
        channel,
        text: msg.text,
        blocks: msg.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        unfurl_links: false,
      }),
    );
    return { channel: res.channel ?? channel, ts: res.ts! };
  }

  async update(channel: string, ts: string, m: Outgoing, options: { bestEffort?: boolean } = {}): Promise<void> {
    const msg = Outbox.prepare(m);
    const call = () => this.client.chat.update({ channel, ts, text: msg.text, blocks: msg.blocks });
    if (!options.bestEffort) {
      await this.persist('chat.update', call);
      return;
    }
    try {
      await call();
    } catch (e) {
      // A progress update that fails is replaced by the next one.
      this.options.log?.(`progress update skipped: ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }

  async ephemeral(channel: string, user: string, m: Outgoing, threadTs?: string): Promise<void> {
    const msg = Outbox.prepare(m);
    await this.persist('chat.postEphemeral', () =>
      this.client.chat.postEphemeral({
        channel,
        user,
        text: msg.text,
        blocks: msg.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    );
  }

  /** files.uploadV2 (getUploadURLExternal → upload → completeUploadExternal) into a thread. */
  async upload(
    channel: string,
    threadTs: string,
    file: { filename: string; title: string; content: string },
    comment?: string,
  ): Promise<void> {
    const content = redact(file.content);
    await this.persist('files.uploadV2', () =>
      this.client.files.uploadV2({
        channel_id: channel,
        thread_ts: threadTs,
        filename: file.filename,
        title: redact(file.title),
        content,
        ...(comment ? { initial_comment: redact(comment) } : {}),
      }),
    );
  }

  /**
   * A binary file (the support bundle's .tar.gz) into a thread, through the same external upload. The bytes
   * cannot be redacted here: whoever builds them must have (collect.ts redacts every part before packing).
   */
  async uploadBinary(
    channel: string,
    threadTs: string,
    file: { filename: string; title: string; data: Buffer },
    comment?: string,
  ): Promise<void> {
    await this.persist('files.uploadV2', () =>
      this.client.files.uploadV2({
        channel_id: channel,
        thread_ts: threadTs,
        filename: file.filename,
        title: redact(file.title),
        file: file.data,
        ...(comment ? { initial_comment: redact(comment) } : {}),
      }),
    );
  }

  async permalink(channel: string, ts: string): Promise<string | undefined> {
    try {
      const res = await this.persist('chat.getPermalink', () =>
        this.client.chat.getPermalink({ channel, message_ts: ts }),
      );
      return res.permalink;
    } catch (e) {
      this.options.log?.(`chat.getPermalink failed: ${slackErrorCode(e) ?? (e as Error).message}`);
      return undefined;
    }
  }

  async openView(triggerId: string, view: ModalView): Promise<void> {
    // A trigger_id is valid for 3 seconds: a dialog that cannot open by then never will.
    await this.persist('views.open', () => this.client.views.open({ trigger_id: triggerId, view: redactDeep(view) }), {
      budgetMs: 2000,
      backoffMs: 250,
    });
  }

  /** Send again on 429 and 5xx (web-api-retry.ts); other errors pass through. */
  private persist<T>(what: string, call: () => Promise<T>, override: RetryPolicy = {}): Promise<T> {
    const { retry, maxRateLimitWaitS, sleep, log } = this.options;
    const policy = { ...(maxRateLimitWaitS !== undefined ? { maxRateLimitWaitS } : {}), ...retry, ...override };
    return withRetry(what, call, policy, {
      ...(sleep ? { sleep } : {}),
      ...(log ? { log } : {}),
    });
  }
}
