import { MemoryDedupe } from '../../../src/store/dedupe.js';

describe('MemoryDedupe', () => {
  it('claims a key once within the TTL, again after it', async () => {
    let now = 0;
    const d = new MemoryDedupe({ ttlMs: 1000, now: () => now });
    expect(await d.claim('Ev1')).toBe(true);
    expect(await d.claim('Ev1')).toBe(false);
    now = 999;
    expect(await d.claim('Ev1')).toBe(false);
    now = 1000;
    expect(await d.claim('Ev1')).toBe(true);
  });

  it('stays bounded: the oldest keys go first', async () => {
    const d = new MemoryDedupe({ maxKeys: 3 });
    for (const k of ['a', 'b', 'c', 'd']) expect(await d.claim(k)).toBe(true);
    expect(d.size).toBe(3);
    expect(await d.claim('a')).toBe(true);
    expect(await d.claim('d')).toBe(false);
  });

  it('expired keys are dropped as time passes', async () => {
    let now = 0;
    const d = new MemoryDedupe({ ttlMs: 10, now: () => now });
    for (let i = 0; i < 100; i++) await d.claim(`k${i}`);
    now = 11;
    await d.claim('fresh');
    expect(d.size).toBe(1);
  });
});
