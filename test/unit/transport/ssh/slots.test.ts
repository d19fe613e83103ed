import { Slots } from '../../../../src/transport/ssh/slots.js';

test('at most `limit` holders; the rest wait in order; release is idempotent', async () => {
  const slots = new Slots(2);
  const a = await slots.acquire();
  const b = await slots.acquire();
  const order: string[] = [];
  const c = slots.acquire().then((r) => (order.push('c'), r));
  const d = slots.acquire().then((r) => (order.push('d'), r));
  await new Promise((r) => setImmediate(r));
  expect(slots.inUse).toBe(2);
  expect(slots.queued).toBe(2);
  a();
  a();
  const releaseC = await c;
  expect(order).toEqual(['c']);
  expect(slots.queued).toBe(1);
  b();
  (await d)();
  releaseC();
  expect(slots.inUse).toBe(0);
});
