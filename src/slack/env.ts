import { z } from 'zod';

/** How the bot talks to Slack, from the environment (see docs/slack.md). */
export type SlackEnv =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; port: number; apiUrl?: string };

const schema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-/, 'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)')
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(
      /^xapp-/,
      'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)',
    )
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .min(8, 'must be the signing secret from Basic Information → App Credentials')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLACK_API_URL: z.string().url('must be a URL such as https://slack.com/api/').optional(),
});

/** Thrown for an incomplete or malformed Slack configuration; the message names the variable. */
export class SlackEnvError extends Error {
  override readonly name = 'SlackEnvError';
}

export { wantsSlack } from './wants-slack.js';

/**
 * Pick the mode: Socket Mode when an app token is set (the default the
 * manifest describes), else HTTP mode with the signing secret.
 */
export function readSlackEnv(env: NodeJS.ProcessEnv): SlackEnv {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const parsed = schema.safeParse({
    SLACK_BOT_TOKEN: blank(env.SLACK_BOT_TOKEN),
    SLACK_APP_TOKEN: blank(env.SLACK_APP_TOKEN),
    SLACK_SIGNING_SECRET: blank(env.SLACK_SIGNING_SECRET),
    PORT: blank(env.PORT),
    SLACK_API_URL: blank(env.SLACK_API_URL),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SlackEnvError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (!e.SLACK_BOT_TOKEN)
    throw new SlackEnvError(
      'SLACK_BOT_TOKEN is not set: the bot token (xoxb-…) is needed in both modes; ' +
        'unset all SLACK_* variables to use the console instead',
    );
  const apiUrl = e.SLACK_API_URL
    ? e.SLACK_API_URL.endsWith('/')
      ? e.SLACK_API_URL
      : `${e.SLACK_API_URL}/`
    : undefined;
  if (e.SLACK_APP_TOKEN)
    return { mode: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, ...(apiUrl ? { apiUrl } : {}) };
  if (e.SLACK_SIGNING_SECRET)
    return {
      mode: 'http',
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      port: e.PORT,
      ...(apiUrl ? { apiUrl } : {}),
    };
  throw new SlackEnvError(
    'set SLACK_APP_TOKEN (xapp-…, Socket Mode, the default) or SLACK_SIGNING_SECRET ' +
      '(HTTP mode on PORT, path /slack/events) next to SLACK_BOT_TOKEN',
  );
}
