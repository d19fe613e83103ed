import { SlackHarness } from '../helpers/fake-slack-harness.js';
import { FileHost } from '../helpers/file-host.js';
import { SheetWorkers, type SheetWorkerOptions } from '../../src/users/sheet-worker.js';
import { nestedRowsXlsx, unclosedRowsXlsx } from '../unit/users/files.js';

/** A reader that never ends (test/helpers/busy-sheet-worker.ts): the worst a file could do to the old parser. */
const BUSY = new URL('../helpers/busy-sheet-worker.ts', import.meta.url);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let h: SlackHarness;
let host: FileHost;
/** The bot's user import checks sheets here; `close()` is what the bot's shutdown does to it. */
let users: SheetWorkers | undefined;
let states: string[];
/** Resolves when a check has started running in its worker. */
let workerStarted: Promise<void>;

async function start(options: SheetWorkerOptions = {}): Promise<SheetWorkers> {
  states = [];
  let started!: () => void;
  workerStarted = new Promise((r) => (started = r));
  const sheets = new SheetWorkers({
    ...options,
    onState: (e) => {
      states.push(e.state);
      if (e.state === 'started') started();
    },
  });
  // The bot's own user import feature (src/slack/users.ts), with these sheet workers.
  h = await SlackHarness.start({ sheets });
  host = await new FileHost().start();
  users = sheets;
  return sheets;
}

afterEach(async () => {
  users?.close();
  await h.stop();
  await host.stop();
});

/** The file sent to the bot in a DM, as Slack delivers it. */
function sendInDm(name: string, body: Buffer, eventId: string) {
  host.files.set(`/f/${name}`, { body, type: XLSX });
  return h.event(
    {
      type: 'message',
      subtype: 'file_share',
      channel: 'D0BOB',
      channel_type: 'im',
      user: 'U0BOB',
      text: '',
      ts: '1700000500.000100',
      files: [{ name, size: body.length, url_private_download: host.url(`/f/${name}`) }],
    },
    eventId,
  );
}

const threadReplies = () => h.slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === '1700000500.000100');

describe('a hostile sheet sent to the bot (issue 17, failure 1)', () => {
  it.each([
    ['the 2.5 KB sheet of unclosed rows', 'unclosed.xlsx', unclosedRowsXlsx],
    ['the 23 KB sheet of nested rows', 'nested.xlsx', nestedRowsXlsx],
  ])(
    '%s: refused in its thread with what is wrong and what to do; /oms help still answered',
    async (_w, name, make) => {
      await start();
      await sendInDm(name, make(), `EvH-${name}`);
      await h.slack.waitFor(() => threadReplies().length === 1, 20_000, 'the refusal in the thread');
      const text = JSON.stringify(threadReplies()[0]!.body.blocks);
      expect(text).toContain(`${name}: 这个 .xlsx 的 XML 结构有误`);
      // Slack mrkdwn: < and > escaped.
      expect(text).toContain('row 1 is never closed: another &lt;row&gt; starts inside it');
      expect(text).toContain('save it again as');
      expect(states).toEqual(['started', 'ended']);
      const help = await h.command('help');
      expect(help.status).toBe(200);
      expect(JSON.stringify(help.json())).toContain('/oms diagnose');
    },
  );

  it('/oms help is acked and answered while the reader is still busy; the reader is stopped at its budget', async () => {
    const sheets = await start({ entry: BUSY, budgetMs: 4000 });
    await sendInDm('slow.xlsx', unclosedRowsXlsx(), 'EvH-slow');
    await workerStarted;
    const help = await h.command('help');
    // The ack came back while the check was still running in its worker.
    expect(states).toEqual(['started']);
    expect(sheets.busy).toBe(1);
    expect(threadReplies()).toEqual([]);
    expect(help.status).toBe(200);
    const answer = help.json() as { response_type: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain('/oms diagnose');
    // Then the budget ends it, and the user is told.
    await h.slack.waitFor(() => threadReplies().length === 1, 20_000, 'the refusal in the thread');
    expect(states).toEqual(['started', 'ended']);
    const text = JSON.stringify(threadReplies()[0]!.body.blocks);
    expect(text).toContain('slow.xlsx: 读取超时，已停止 / reading the file was stopped: it took longer than 4 s');
    expect(text).toContain('save it again as');
    expect(h.logs.join('\n')).toContain('users: slow.xlsx refused: 读取超时');
  });

  it('shutting down cancels a check still running and says so in its thread', async () => {
    await start({ entry: BUSY, budgetMs: 60_000 });
    await sendInDm('slow.xlsx', unclosedRowsXlsx(), 'EvH-stop');
    await workerStarted;
    users!.close();
    await h.slack.waitFor(() => threadReplies().length === 1, 20_000, 'the cancellation in the thread');
    expect(JSON.stringify(threadReplies()[0]!.body.blocks)).toContain('the bot is shutting down');
    expect(states).toEqual(['started', 'ended']);
  });
});
