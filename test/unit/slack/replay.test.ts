import { deliveryKeys, FINGERPRINT_KEY, handleOnce, httpRequestFingerprint } from '../../../src/slack/replay.js';
import { MemoryDedupe, type Dedupe } from '../../../src/store/dedupe.js';

const req = (ts: string, body: string) => ({
  headers: { 'x-slack-request-timestamp': ts },
  rawBody: Buffer.from(body),
});

describe('httpRequestFingerprint', () => {
  it('the same signed bytes give the same fingerprint; another timestamp or body another one', () => {
    const a = httpRequestFingerprint(req('1700000000', 'command=%2Foms&text=run'));
    expect(a[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);
    expect(httpRequestFingerprint(req('1700000000', 'command=%2Foms&text=run'))).toEqual(a);
    expect(httpRequestFingerprint(req('1700000001', 'command=%2Foms&text=run'))).not.toEqual(a);
    expect(httpRequestFingerprint(req('1700000000', 'command=%2Foms&text=runs'))).not.toEqual(a);
  });

  it('nothing without a timestamp or body', () => {
    expect(httpRequestFingerprint({ headers: {}, rawBody: Buffer.from('x') })).toEqual({});
    expect(httpRequestFingerprint({ headers: { 'x-slack-request-timestamp': '1' } })).toEqual({});
  });
});

describe('deliveryKeys', () => {
  it('events by event_id, commands and interactions by trigger_id, HTTP requests by fingerprint', () => {
    expect(deliveryKeys({ type: 'event_callback', event_id: 'Ev1' }, {})).toEqual(['event:Ev1']);
    expect(deliveryKeys({ command: '/oms', trigger_id: 't.1' }, { [FINGERPRINT_KEY]: 'ab' })).toEqual([
      'trigger:t.1',
      'signed:ab',
    ]);
    expect(deliveryKeys({ type: 'block_actions', trigger_id: '' }, {})).toEqual([]);
  });
});

describe('handleOnce', () => {
  function call(dedupe: Dedupe, body: Record<string, unknown>, context: Record<string, unknown> = {}) {
    const logs: string[] = [];
    let nexted = 0;
    let acked = 0;
    const mw = handleOnce(dedupe, (l) => logs.push(l));
    const done = mw({
      body,
      context,
      next: async () => void nexted++,
      ack: async () => void acked++,
    } as never);
    return done.then(() => ({ logs, nexted, acked }));
  }

  it('passes the first delivery on, acks a repeat with nothing and logs it', async () => {
    const d = new MemoryDedupe();
    const body = { command: '/oms', trigger_id: 't.9', user_id: 'U1' };
    expect(await call(d, body, { [FINGERPRINT_KEY]: 'f1' })).toMatchObject({ nexted: 1, acked: 0 });
    const again = await call(d, body, { [FINGERPRINT_KEY]: 'f1', retryNum: 1 });
    expect(again).toMatchObject({ nexted: 0, acked: 1 });
    expect(again.logs[0]).toMatch(/dropped a repeated delivery of the \/oms command by U1 \(retry 1, no reason\)/);
    // The same signed bytes under another trigger_id are still the same request.
    expect(await call(d, { ...body, trigger_id: 't.10' }, { [FINGERPRINT_KEY]: 'f1' })).toMatchObject({ nexted: 0 });
  });

  it('a store that cannot answer lets the request through and says so', async () => {
    const broken: Dedupe = { claim: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const r = await call(broken, { command: '/oms', trigger_id: 't.1' });
    expect(r.nexted).toBe(1);
    expect(r.logs[0]).toMatch(
      /de-duplication store failed for trigger:t\.1; handling the request anyway: ECONNREFUSED/,
    );
  });
});
