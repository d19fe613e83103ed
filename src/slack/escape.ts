import { escapeMrkdwn } from '../render/mrkdwn.js';
import { isSlackChannelId, isSlackUserId } from './ids.js';

/**
 * Slack parses a message's `text` (the notification and fallback) as well as
 * its mrkdwn blocks: `<!channel>`, `<!here>`, `<@U…>`, `<#C…>` and links in
 * either one are live. The renderers escape what goes into blocks; the
 * fallback `text` is built from the same raw strings (a Deny reason, a file
 * name, free text echoed back), so it is escaped here on its way out —
 * `&`, `<` and `>`, as Slack's escaping rules ask — and what a user typed can
 * never notify a channel or mention anyone.
 */
export function escapeFallbackText(text: string): string {
  return escapeMrkdwn(text);
}

/** A mention for a real Slack user id; anything else is shown as (escaped) text. */
export function mention(userId: string): string {
  return isSlackUserId(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** A channel link for a real Slack channel id; anything else is shown as (escaped) text. */
export function channelLink(channelId: string): string {
  return isSlackChannelId(channelId) ? `<#${channelId}>` : escapeMrkdwn(channelId);
}
