import { readSlackEnv, SlackEnvError, wantsSlack } from '../../../src/slack/env.js';

describe('Slack environment', () => {
  it('Socket Mode when the app token is set (the default)', () => {
    expect(
      readSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 'secret-123' }),
    ).toEqual({ mode: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1' });
  });

  it('HTTP mode with the signing secret, PORT default 3000, SLACK_API_URL honoured', () => {
    expect(readSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' })).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 'secret-123',
      port: 3000,
    });
    expect(
      readSlackEnv({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 'secret-123',
        PORT: '8080',
        SLACK_API_URL: 'https://slack-gov.com/api',
      }),
    ).toMatchObject({ port: 8080, apiUrl: 'https://slack-gov.com/api/' });
  });

  it.each([
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN is not set/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /set SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN: must be a bot token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, /SLACK_APP_TOKEN: must be an app-level token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123', PORT: 'eighty' }, /PORT/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'not a url' }, /SLACK_API_URL/],
  ])('refuses %p with a message naming the variable', (env, message) => {
    expect(() => readSlackEnv(env)).toThrow(SlackEnvError);
    expect(() => readSlackEnv(env)).toThrow(message);
  });

  it('wantsSlack: any SLACK_* credential picks Slack; none → the console', () => {
    expect(wantsSlack({})).toBe(false);
    expect(wantsSlack({ SLACK_API_URL: 'http://x' })).toBe(false);
    expect(wantsSlack({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(true);
  });
});
