import { failureNotice, reportTaskFailure } from '../../../src/slack/background.js';
import type { Outbox } from '../../../src/slack/outbox.js';
import { BackgroundTasks, type TaskFailure } from '../../../src/slack/tasks.js';

/** An Outbox stand-in that records where a notice went; `broken` methods throw. */
function fakeOut(broken: string[] = []) {
  const sent: string[] = [];
  const attempt = async (how: string) => {
    if (broken.includes(how))
      throw Object.assign(new Error('x'), { code: 'slack_webapi_platform_error', data: { error: `${how}_failed` } });
    sent.push(how);
  };
  const out = {
    update: () => attempt('update'),
    post: async () => (await attempt('post'), { channel: 'C1', ts: '1.2' }),
    ephemeral: () => attempt('ephemeral'),
  } as unknown as Outbox;
  return { out, sent };
}

const failure = (place: TaskFailure['place']): TaskFailure => ({ kind: 'diagnose', place, error: new Error('boom') });

describe('reportTaskFailure', () => {
  it('replaces the progress message first', async () => {
    const { out, sent } = fakeOut();
    const logs: string[] = [];
    await reportTaskFailure(
      out,
      failure({ channel: 'C1', user: 'U1', progress: { channel: 'C1', ts: '1.1' }, threadTs: '1.1' }),
      (l) => logs.push(l),
    );
    expect(sent).toEqual(['update']);
    expect(logs[0]).toMatch(/^background task diagnose failed \(ref [0-9a-f]{8}, user U1, channel C1\): Error: boom/);
  });

  it('falls back to the thread, then the reply, then an ephemeral, logging each failed attempt', async () => {
    const { out, sent } = fakeOut(['update', 'post']);
    const logs: string[] = [];
    const replies: unknown[] = [];
    const place = { channel: 'C1', user: 'U1', threadTs: '1.1', progress: { channel: 'C1', ts: '1.1' } };
    await reportTaskFailure(out, failure({ ...place, reply: async (m) => void replies.push(m) }), (l) => logs.push(l));
    expect(replies.length).toBe(1);
    expect(logs.join('\n')).toMatch(/progress message\): update_failed[\s\S]*\(thread\): post_failed[\s\S]*\(reply\)/);
    await reportTaskFailure(out, failure(place), () => undefined);
    expect(sent).toEqual(['ephemeral']);
  });

  it('says so in the log when nobody can be told, and only logs a task nobody asked for', async () => {
    const { out, sent } = fakeOut(['ephemeral']);
    const logs: string[] = [];
    await reportTaskFailure(out, failure({ channel: 'C1', user: 'U1' }), (l) => logs.push(l));
    expect(logs.at(-1)).toMatch(/nobody could be told/);
    await reportTaskFailure(out, failure(undefined), (l) => logs.push(l));
    expect(sent).toEqual([]);
  });
});

describe('failureNotice', () => {
  it('says what did not finish, why (redacted, one line), what next and the reference', () => {
    const n = failureNotice('share', 'abcd1234', new Error('bad\npassword=hunter2hunter2 here'));
    expect(n.message.text).toMatch(/the share did not finish: bad password=/);
    expect(n.message.text).not.toContain('hunter2hunter2');
    expect(n.message.text).toContain('abcd1234');
    expect(n.message.text).toMatch(/click Share again/);
  });
});

describe('BackgroundTasks', () => {
  it('hands a failure to onFailure with its kind and place, and idle() waits for everything', async () => {
    const seen: TaskFailure[] = [];
    const tasks = new BackgroundTasks((f) => void seen.push(f));
    const place = { channel: 'C1', user: 'U1' };
    tasks.run('check', place, async (at) => {
      at.threadTs = '9.9';
      throw new Error('nope');
    });
    tasks.run('suggestion', undefined, async () => undefined);
    await tasks.idle();
    expect(tasks.size).toBe(0);
    expect(seen).toEqual([
      { kind: 'check', place: { channel: 'C1', user: 'U1', threadTs: '9.9' }, error: new Error('nope') },
    ]);
  });

  it('a throwing onFailure does not become an unhandled rejection', async () => {
    const tasks = new BackgroundTasks(() => {
      throw new Error('worse');
    });
    tasks.run('sweep', undefined, async () => {
      throw new Error('bad');
    });
    await expect(tasks.idle()).resolves.toBeUndefined();
  });
});
