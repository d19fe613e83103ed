/** Whether to start Slack, without loading the Slack settings' schema (src/slack/env.ts) on every start. */

/** True when any Slack variable is set: `npm start` then runs the Slack app instead of the console. */
export function wantsSlack(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET);
}
