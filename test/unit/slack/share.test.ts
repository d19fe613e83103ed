import { parseShareMetadata, parseThreadLink, readShareForm, shareModal } from '../../../src/slack/share.js';

const value = {
  v: 1 as const,
  k: 'share' as const,
  w: 'login',
  t: 'prod',
  d: 'problem' as const,
  h: 'problem found',
  u: 'U0ALICE',
};
const form = (channel: string | null, link?: string | null) => ({
  share_channel: { channel: { selected_conversation: channel } },
  share_thread: { link: { value: link ?? null } },
});

describe('share modal', () => {
  it('thread links: message and reply permalinks', () => {
    expect(parseThreadLink('https://oms.slack.com/archives/C0INC/p1700000999000100')).toEqual({
      channel: 'C0INC',
      threadTs: '1700000999.000100',
    });
    expect(
      parseThreadLink('https://oms.slack.com/archives/C0INC/p1700001000000200?thread_ts=1700000999.000100&cid=C0INC'),
    ).toEqual({ channel: 'C0INC', threadTs: '1700000999.000100' });
    expect(parseThreadLink('http://oms.slack.com/archives/C0INC/p1700000999000100')).toBeUndefined();
    expect(parseThreadLink('https://evil.example/x')).toBeUndefined();
  });

  it('form validation: channel required, link optional and must match the channel', () => {
    expect(readShareForm(form('C0INC'))).toEqual({ ok: true, channel: 'C0INC' });
    expect(readShareForm(form(null))).toMatchObject({
      ok: false,
      errors: { share_channel: expect.stringMatching(/pick a channel/) },
    });
    expect(readShareForm(form('C0INC', 'https://oms.slack.com/archives/C0INC/p1700000999000100'))).toEqual({
      ok: true,
      channel: 'C0INC',
      threadTs: '1700000999.000100',
    });
    expect(readShareForm(form('C0INC', 'https://oms.slack.com/archives/C0OTHER/p1700000999000100'))).toMatchObject({
      ok: false,
    });
  });

  it('metadata round-trips through the modal, forged metadata is refused', () => {
    const view = shareModal(value, { channel: 'C0OPS', ts: '1700000000.000100' });
    expect((view.private_metadata as string).length).toBeLessThanOrEqual(3000);
    expect(parseShareMetadata(view.private_metadata)).toEqual({ s: value, c: 'C0OPS', ts: '1700000000.000100' });
    expect(parseShareMetadata('{"s":{"v":1,"k":"show","p":"login"},"c":"C0OPS","ts":"1.1"}')).toBeUndefined();
    expect(parseShareMetadata('nope')).toBeUndefined();
  });
});
