import { SlackHarness } from '../helpers/fake-slack-harness.js';
import { FileHost } from '../helpers/file-host.js';
import { trustedFileUrl } from '../../src/slack/users.js';
import { csvOf, HEADER, PASSWORDS, VALID_ROWS, xlsxOf } from '../unit/users/files.js';

let h: SlackHarness;
let host: FileHost;
beforeEach(async () => {
  h = await SlackHarness.start();
  host = await new FileHost().start();
  // The user import is one of the bot's features (src/slack/users.ts): the harness's bot has it, as start.ts's does.
});
afterEach(async () => {
  await h.stop();
  await host.stop();
});

const mention = (files: unknown[], over: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  channel: 'C0OPS',
  user: 'U0BOB',
  text: '<@U0BOT> check users',
  ts: '1700000200.000100',
  files,
  ...over,
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function everything(): string {
  return h.slack.everythingSent() + h.logs.join('\n');
}

describe('@oms check users with a file', () => {
  it('downloads the file with the bot token, replies in the thread with the rows in error; in a channel the corrected file (it holds passwords) is not posted', async () => {
    host.files.set('/files-pri/T0/F1/users.xlsx', {
      body: xlsxOf([HEADER, VALID_ROWS[0]!, [' wangfang ', 'short1', '王芳', '老板', '', '', '']]),
      type: XLSX,
    });
    await h.event(
      mention([{ id: 'F1', name: 'users.xlsx', size: 5000, url_private: host.url('/files-pri/T0/F1/users.xlsx') }]),
      'EvU1',
    );
    await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').length === 2,
      10_000,
      'the answer and the DM notice',
    );
    expect(host.requests[0]!.headers.authorization).toBe('Bearer xoxb-test-token-000000');
    const post = h.slack.callsTo('chat.postMessage')[0]!;
    expect(post.body.thread_ts).toBe('1700000200.000100');
    expect(post.body.channel).toBe('C0OPS');
    const shown = JSON.stringify(post.body.blocks);
    expect(shown).toContain('password too short (6 chars)');
    expect(shown).toContain('row 3, 角色');
    const notice = h.slack.callsTo('chat.postMessage')[1]!;
    expect(notice.body.thread_ts).toBe('1700000200.000100');
    expect(JSON.stringify(notice.body.blocks)).toContain('only sent in a direct message');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    for (const p of PASSWORDS) expect(everything()).not.toContain(p);
  });

  it("in a DM the corrected file is uploaded into the file's thread; the answer shows no password", async () => {
    host.files.set('/f/fix.xlsx', {
      body: xlsxOf([HEADER, VALID_ROWS[0]!, [' wangfang ', 'short1', '王芳', '老板', '', '', '']]),
      type: XLSX,
    });
    await h.event(
      {
        type: 'message',
        subtype: 'file_share',
        channel: 'D0BOB',
        channel_type: 'im',
        user: 'U0BOB',
        text: '',
        ts: '1700000400.000100',
        files: [{ name: 'fix.xlsx', size: 5000, url_private_download: host.url('/f/fix.xlsx') }],
      },
      'EvU-dm-fix',
    );
    await h.slack.waitFor(
      () => h.slack.callsTo('files.completeUploadExternal').length === 1,
      10_000,
      'the corrected file',
    );
    expect(h.slack.callsTo('files.getUploadURLExternal')[0]!.body.filename).toBe('fix.corrected.xlsx');
    expect(h.slack.callsTo('files.completeUploadExternal')[0]!.raw).toContain('1700000400.000100');
    expect(
      h.slack.calls
        .filter((c) => c.method.startsWith('chat.'))
        .map((c) => c.raw)
        .join('\n'),
    ).not.toMatch(/short1|Secr3t-pass/);
  });

  it('a file in a DM is checked too (GBK-free UTF-8 csv), answered in its thread', async () => {
    host.files.set('/f/ok.csv', { body: csvOf([HEADER, ...VALID_ROWS]), type: 'text/csv' });
    await h.event(
      {
        type: 'message',
        subtype: 'file_share',
        channel: 'D0BOB',
        channel_type: 'im',
        user: 'U0BOB',
        text: '',
        ts: '1700000300.000100',
        files: [{ name: 'ok.csv', size: 300, url_private_download: host.url('/f/ok.csv') }],
      },
      'EvU2',
    );
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
    const post = h.slack.callsTo('chat.postMessage')[0]!;
    expect(post.body.thread_ts).toBe('1700000300.000100');
    expect(JSON.stringify(post.body.blocks)).toContain('ready to import');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it.each([
    [
      'a file over 5 MB is not even downloaded',
      { name: 'big.xlsx', size: 6 * 1024 * 1024, url_private: '/f/big.xlsx' },
      'too large',
      0,
    ],
    [
      'a renamed text file',
      { name: 'fake.xlsx', size: 10, url_private: '/f/fake.xlsx' },
      'is not an Excel workbook',
      1,
    ],
    [
      'a link outside Slack gets no token',
      { name: 'x.xlsx', size: 10, url_private: 'https://evil.example/x.xlsx' },
      'does not point to Slack',
      0,
    ],
    ['a 404 (no files:read scope)', { name: 'gone.xlsx', size: 10, url_private: '/f/gone.xlsx' }, 'files:read', 1],
  ])('%s: a clear reply in the thread, the bot stays up', async (_what, file, message, downloads) => {
    host.files.set('/f/fake.xlsx', { body: Buffer.from('hello, not a workbook'), type: XLSX });
    const f = {
      ...file,
      url_private: file.url_private.startsWith('/') ? host.url(file.url_private) : file.url_private,
    };
    await h.event(mention([f]), `EvU-${file.name}`);
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
    expect(JSON.stringify(h.slack.callsTo('chat.postMessage')[0]!.body.blocks)).toContain(message);
    expect(host.requests.length).toBe(downloads);
    // Still answering.
    const r = await h.command('help');
    expect(r.status).toBe(200);
  });

  it('a mention without a file says how to send one; other mentions go on to the normal handlers', async () => {
    await h.event(mention([]), 'EvU3');
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length === 1);
    expect(JSON.stringify(h.slack.callsTo('chat.postMessage')[0]!.body.blocks)).toContain(
      'attach the filled .xlsx or .csv',
    );
    await h.event(
      {
        type: 'message',
        channel: 'C0OPS',
        user: 'U0BOB',
        text: '超级管理员登录不上',
        ts: '1700000400.000100',
        channel_type: 'channel',
      },
      'EvU4',
    );
    await h.idle();
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').length === 2);
    expect(JSON.stringify(h.slack.callsTo('chat.postMessage')[1]!.body.blocks)).toContain('oms_run_diagnosis');
  });
});

describe('/oms users template', () => {
  it('posts where to import it and uploads the .xlsx into that thread', async () => {
    const r = await h.command('users template', { channel: 'C0OPS' });
    expect(r.status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('files.completeUploadExternal').length === 1);
    const root = h.slack.callsTo('chat.postMessage')[0]!;
    expect(JSON.stringify(root.body.blocks)).toContain('/admin/ → 用户管理 → 用户 → 批量导入用户');
    expect(JSON.stringify(root.body.blocks)).toContain('proxied by nginx');
    expect(h.slack.callsTo('files.getUploadURLExternal')[0]!.body.filename).toBe('用户导入模板.xlsx');
    expect(h.slack.uploads[0]!.content).toContain('[Content_Types].xml');
    expect(h.slack.callsTo('files.completeUploadExternal')[0]!.raw).toContain(
      String(h.slack.callsTo('chat.postMessage')[0]!.body.channel),
    );
  });

  it('an unknown --target is refused with the valid names, nothing is posted', async () => {
    const r = await h.command('users template --target nowhere', { channel: 'C0OPS' });
    expect(r.body).toContain('unknown target');
    expect(r.body).toContain('nowhere');
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(h.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('/oms users validate explains to send the file; bad arguments get the usage', async () => {
    const v = await h.command('users validate a.xlsx');
    expect(v.body).toContain('mention me with');
    expect(v.body).toContain('ephemeral');
    const bad = await h.command('users frobnicate');
    expect(bad.body).toContain('unknown users command');
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('when the bot is not in the channel it says how to invite it', async () => {
    h.slack.fail('chat.postMessage', 'not_in_channel');
    await h.command('users template', { channel: 'C0ELSE', responseId: 'nic' });
    await h.slack.waitFor(() => h.slack.responses.some((x) => x.id === 'nic'));
    expect(JSON.stringify(h.slack.responses.find((x) => x.id === 'nic')!.body)).toContain('/invite @oms-chatops');
  });
});

describe('trustedFileUrl', () => {
  it.each([
    ['https://files.slack.com/files-pri/T0-F0/x.xlsx', true],
    ['https://files.slack-gov.com/files-pri/T0-F0/x.xlsx', true],
    ['http://files.slack.com/x', false],
    ['https://files.slack.com.evil.example/x', false],
    ['https://evil.example/x', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(trustedFileUrl(url)).toBe(ok);
  });
});
