import { requestLabel, TaskLabels } from '../../../src/slack/task-labels.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TaskLabels', () => {
  it('a label follows async work started inside it, and ends with it', async () => {
    const labels = new TaskLabels();
    let inner: string | undefined;
    await labels.track('/oms help', async () => {
      await tick(1);
      await labels.track('background', async () => {
        inner = labels.current();
      });
    });
    expect(inner).toBe('/oms help › background');
    expect(labels.drain()).toEqual(['/oms help', '/oms help › background']);
    expect(labels.drain()).toEqual([]);
    expect(labels.current()).toBeUndefined();
  });

  it('drain() keeps what is still running for the next period, and what began and ended meanwhile once', async () => {
    const labels = new TaskLabels();
    let release!: () => void;
    const long = labels.track('/oms diagnose', () => new Promise<void>((r) => (release = r)));
    await labels.track('button oms_rerun', () => undefined);
    expect(labels.drain()).toEqual(['/oms diagnose', 'button oms_rerun']);
    expect(labels.drain()).toEqual(['/oms diagnose']);
    release();
    await long;
    expect(labels.drain()).toEqual(['/oms diagnose']);
    expect(labels.drain()).toEqual([]);
  });
});

describe('requestLabel', () => {
  it.each([
    [{ command: '/oms', text: 'diagnose login prod --secret x' }, '/oms diagnose'],
    [{ command: '/oms', text: '' }, '/oms'],
    [{ type: 'event_callback', event: { type: 'app_mention', text: 'hello' } }, 'event app_mention'],
    [{ type: 'block_actions', actions: [{ action_id: 'oms_approve', value: 'v' }] }, 'button oms_approve'],
    [{ type: 'view_submission', view: { callback_id: 'oms_share' } }, 'view oms_share'],
    [{}, 'request'],
  ])('%j → %s (never the user text beyond the verb)', (body, label) => {
    expect(requestLabel(body)).toBe(label);
  });
});
