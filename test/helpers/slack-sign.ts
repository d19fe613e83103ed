import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: HMAC-SHA256 over `v0:{timestamp}:{raw body}`, hex. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  body: string;
  json(): unknown;
  ms: number;
}

/** POST a body to the bot as Slack would, signed (or deliberately mis-signed). */
export async function postSigned(
  url: string,
  body: string,
  options: {
    secret: string;
    contentType: string;
    timestamp?: number;
    signature?: string;
    headers?: Record<string, string>;
  },
): Promise<SignedPost> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, ts, body),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, json: () => JSON.parse(text), ms: performance.now() - started };
}

let triggers = 0;
/** A new trigger_id, as Slack makes one for every command and click (the bot drops a repeated one). */
export function newTriggerId(): string {
  return `1337.${++triggers}.${Date.now().toString(36)}`;
}

export interface SlashCommandFields {
  text: string;
  user?: string;
  channel?: string;
  responseUrl: string;
  command?: string;
  triggerId?: string;
}

/** The fields of a slash command as Slack sends them (HTTP form, or Socket Mode payload). */
export function slashCommandFields(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'unused-verification-token',
    team_id: 'T0TEST',
    team_domain: 'oms',
    channel_id: fields.channel ?? 'C0OPS',
    channel_name: 'ops',
    user_id: fields.user ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command ?? '/oms',
    text: fields.text,
    api_app_id: 'A0OMS',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? newTriggerId(),
  };
}

/** A slash command as Slack sends it over HTTP (form encoded). */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams(slashCommandFields(fields)).toString();
}

/** The Events API `event_callback` wrapper around one event (HTTP body, or Socket Mode payload). */
export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'unused',
    team_id: 'T0TEST',
    api_app_id: 'A0OMS',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'U0BOT', is_bot: true }],
    event,
  };
}

/** An Events API delivery over HTTP (JSON). */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify(eventCallback(event, eventId));
}

/** An interactivity payload (block_actions, view_submission): form-encoded `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A button click on a message the bot posted. */
export function blockActionPayload(p: {
  actionId: string;
  value: string;
  user?: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  responseUrl: string;
  triggerId?: string;
}): Record<string, unknown> {
  const channel = p.channel ?? 'C0OPS';
  const ts = p.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    team: { id: 'T0TEST', domain: 'oms' },
    user: { id: p.user ?? 'U0ALICE', username: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0OMS',
    token: 'unused',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: p.triggerId ?? newTriggerId(),
    channel: { id: channel, name: 'ops' },
    message: { type: 'message', ts, text: 'report', ...(p.threadTs ? { thread_ts: p.threadTs } : {}) },
    response_url: p.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: p.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: p.value,
        action_ts: '1700000001.000001',
      },
    ],
  };
}
