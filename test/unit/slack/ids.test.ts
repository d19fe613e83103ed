import { parseConfig } from '../../../src/config/config.js';
import { isSlackChannelId, isSlackUserId, slackTeamId, slackUserId } from '../../../src/slack/ids.js';

describe('Slack ids are opaque within their documented shapes', () => {
  it.each(['U1', 'U0ALICE', 'W0123456789ABCDEFGHIJK', `W${'A'.repeat(60)}`])('user %s', (id) => {
    expect(isSlackUserId(id)).toBe(true);
    expect(slackUserId.safeParse(id).success).toBe(true);
  });

  it.each(['', 'U', 'u1', 'B0BOT', 'C0OPS', 'U-1', 'U1 ', '<@U1>', `U${'A'.repeat(255)}`])('not a user: %p', (id) => {
    expect(isSlackUserId(id)).toBe(false);
  });

  it.each(['C1', 'G0PRIVATE', 'D0DM', `C${'0'.repeat(30)}`])('channel %s', (id) => {
    expect(isSlackChannelId(id)).toBe(true);
  });

  it.each(['', 'C', 'U0ALICE', 'c0ops', '#ops'])('not a channel: %p', (id) => {
    expect(isSlackChannelId(id)).toBe(false);
  });

  it('workspaces and Enterprise Grid organisations', () => {
    expect(slackTeamId.safeParse('T1').success).toBe(true);
    expect(slackTeamId.safeParse('E0ORG1234567890').success).toBe(true);
    expect(slackTeamId.safeParse('X0NOPE').success).toBe(false);
  });

  it('the config file takes approvers and requesters of any length too', () => {
    const config = parseConfig(
      'targets:\n  prod:\n    host: 10.0.0.5\n    user: omsbot\n    privateKey: /k\n' +
        'policy:\n  approvers: [U1, W0123456789ABCDEFGHIJKLMNOP]\n  requesters: [U0ALICE]\n',
      'ids.yml',
    );
    expect(config.policy.approvers).toEqual(['U1', 'W0123456789ABCDEFGHIJKLMNOP']);
  });
});
