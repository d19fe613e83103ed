import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDedupe, StoreDedupe } from '../../../src/store/dedupe.js';
import { FileStore } from '../../../src/store/file-store.js';

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

describe('StoreDedupe', () => {
  it('claims a key once across instances sharing a file store, under the slack: prefix', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'oms-dedupe-')), 'store');
    const a = new StoreDedupe(new FileStore({ dir }));
    const b = new StoreDedupe(new FileStore({ dir }));
    const results = await Promise.all([a.claim('trigger:t1'), b.claim('trigger:t1'), a.claim('trigger:t1')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await new FileStore({ dir }).seen('slack:trigger:t1', 1000)).toBe(true);
    expect(await b.claim('trigger:t2')).toBe(true);
  });

  it('forgets a key after its TTL', async () => {
    const d = new StoreDedupe(new FileStore({ dir: join(mkdtempSync(join(tmpdir(), 'oms-dedupe-')), 's') }), {
      ttlMs: 50,
    });
    expect(await d.claim('k')).toBe(true);
    expect(await d.claim('k')).toBe(false);
    await new Promise((r) => setTimeout(r, 120));
    expect(await d.claim('k')).toBe(true);
  });
});
