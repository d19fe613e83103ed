import { z } from 'zod';

/**
 * Slack ids are opaque strings. Only their first letter has a documented
 * meaning (users `U…` or, on Enterprise Grid, `W…`; channels `C…`, private
 * channels `G…`, direct messages `D…`; workspaces `T…`, organisations `E…`);
 * their length is not fixed and grows over time. So the bot checks that
 * shape and a sane upper bound, never a length range of its own.
 */
const OPAQUE = '[A-Z0-9]{1,254}';

export const SLACK_USER_ID = new RegExp(`^[UW]${OPAQUE}$`);
export const SLACK_CHANNEL_ID = new RegExp(`^[CGD]${OPAQUE}$`);
export const SLACK_TEAM_ID = new RegExp(`^[TE]${OPAQUE}$`);

export const slackUserId = z.string().regex(SLACK_USER_ID, 'a Slack user id (U… or W…)');
export const slackChannelId = z.string().regex(SLACK_CHANNEL_ID, 'a Slack channel id (C…, G… or D…)');
export const slackTeamId = z.string().regex(SLACK_TEAM_ID, 'a Slack workspace id (T… or E…)');

export function isSlackUserId(id: string): boolean {
  return SLACK_USER_ID.test(id);
}

export function isSlackChannelId(id: string): boolean {
  return SLACK_CHANNEL_ID.test(id);
}
