import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileStore } from '../../../src/store/file-store.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function fresh(now?: () => number) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-filestore-'));
  return { dir, store: new FileStore({ dir, ...(now ? { now } : {}) }) };
}

describe('FileStore', () => {
  it('creates, gets and lists versioned records; forgets them after their retention', async () => {
    const clock = { t: 1_000_000 };
    const { store } = fresh(() => clock.t);
    expect(await store.compareAndSet('approval', 'abc', 0, { id: 'abc', status: 'pending' }, 60_000)).toEqual({
      ok: true,
      version: 1,
    });
    await store.compareAndSet('approval', 'def', 0, { id: 'def', status: 'denied' }, 120_000);
    expect(await store.getRecord('approval', 'abc')).toEqual({ version: 1, value: { id: 'abc', status: 'pending' } });
    expect(await store.getRecord('approval', 'nope')).toBeUndefined();
    expect(await store.getRecord('guard', 'abc')).toBeUndefined();
    expect((await store.listRecords('approval')).length).toBe(2);
    clock.t += 90_000;
    expect(await store.getRecord('approval', 'abc')).toBeUndefined();
    expect(await store.listRecords('approval')).toEqual([{ version: 1, value: { id: 'def', status: 'denied' } }]);
  });

  it('compare-and-set: a write based on an older version is refused and answered with the record as it is now', async () => {
    const { store } = fresh();
    await store.compareAndSet('approval', 'a', 0, { status: 'pending' }, 60_000);
    expect(await store.compareAndSet('approval', 'a', 1, { status: 'denied' }, 60_000)).toEqual({
      ok: true,
      version: 2,
    });
    // The late "1 of 2" vote, written on the version it read before the deny.
    expect(await store.compareAndSet('approval', 'a', 1, { status: 'pending', votes: 1 }, 60_000)).toEqual({
      ok: false,
      current: { version: 2, value: { status: 'denied' } },
    });
    expect(await store.compareAndSet('approval', 'a', 0, { status: 'pending' }, 60_000)).toMatchObject({ ok: false });
    expect(await store.getRecord('approval', 'a')).toEqual({ version: 2, value: { status: 'denied' } });
  });

  it('compare-and-set races in one process: exactly one writer per version wins', async () => {
    const { store } = fresh();
    await store.compareAndSet('approval', 'r', 0, { n: 0 }, 60_000);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => store.compareAndSet('approval', 'r', 1, { n: i + 1 }, 60_000)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await store.getRecord('approval', 'r'))?.version).toBe(2);
  });

  it('replaces a record atomically (no temp or lock files left behind) and keeps odd ids inside its directory', async () => {
    const { store, dir } = fresh();
    await store.compareAndSet('approval', 'abc', 0, { v: 1 }, 60_000);
    await store.compareAndSet('approval', 'abc', 1, { v: 2 }, 60_000);
    await store.compareAndSet('approval', '../../escape', 0, { v: 3 }, 60_000);
    expect(await store.getRecord('approval', 'abc')).toEqual({ version: 2, value: { v: 2 } });
    expect(await store.getRecord('approval', '../../escape')).toEqual({ version: 1, value: { v: 3 } });
    expect(readdirSync(join(dir, 'approvals')).filter((n) => n.endsWith('.tmp') || n.endsWith('.lock'))).toEqual([]);
    expect(existsSync(join(dir, '..', 'escape.json'))).toBe(false);
  });

  it('claim is true once until it expires; an expired claim can be taken again exactly once', async () => {
    const clock = { t: 5_000 };
    const { store } = fresh(() => clock.t);
    expect(await store.claim('decide:x', 1_000)).toBe(true);
    expect(await store.claim('decide:x', 1_000)).toBe(false);
    expect(await store.claim('decide:y', 1_000)).toBe(true);
    clock.t += 1_001;
    const again = await Promise.all(Array.from({ length: 10 }, () => store.claim('decide:x', 1_000)));
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('concurrent claims in one process: exactly one wins', async () => {
    const { store } = fresh();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim('k', 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a half-written claim file (a crash between create and write) counts as held: never run twice', async () => {
    const { store, dir } = fresh();
    await store.claim('warm-up', 1_000);
    const name = readdirSync(join(dir, 'claims'))[0]!;
    writeFileSync(join(dir, 'claims', name), '');
    expect(await store.claim('warm-up', 1_000)).toBe(false);
  });

  it('seen: false the first time, true for repeats within the TTL', async () => {
    const clock = { t: 0 };
    const { store } = fresh(() => clock.t);
    expect(await store.seen('evt-1', 1_000)).toBe(false);
    expect(await store.seen('evt-1', 1_000)).toBe(true);
    clock.t += 2_000;
    expect(await store.seen('evt-1', 1_000)).toBe(false);
  });

  it('addMember counts distinct members', async () => {
    const { store } = fresh();
    expect(await store.addMember('votes:a', 'U1', 60_000)).toEqual({ added: true, members: ['U1'] });
    expect(await store.addMember('votes:a', 'U1', 60_000)).toEqual({ added: false, members: ['U1'] });
    expect(await store.addMember('votes:a', 'U2', 60_000)).toEqual({ added: true, members: ['U1', 'U2'] });
  });

  it('a new FileStore on the same directory (a bot restart) sees the same records and claims', async () => {
    const { store, dir } = fresh();
    await store.compareAndSet('approval', 'p1', 0, { id: 'p1' }, 60_000);
    expect(await store.claim('decide:p1', 60_000)).toBe(true);
    const restarted = new FileStore({ dir });
    expect(await restarted.getRecord('approval', 'p1')).toEqual({ version: 1, value: { id: 'p1' } });
    expect(await restarted.compareAndSet('approval', 'p1', 0, { id: 'p1', late: true }, 60_000)).toMatchObject({
      ok: false,
    });
    expect(await restarted.claim('decide:p1', 60_000)).toBe(false);
  });

  it('separate processes on one machine: each key is claimed exactly once', async () => {
    const { dir } = fresh();
    const script = join(dir, 'claimer.mts');
    writeFileSync(
      script,
      `import { FileStore } from ${JSON.stringify(join(ROOT, 'src', 'store', 'file-store.ts'))};
const store = new FileStore({ dir: ${JSON.stringify(join(dir, 'shared'))} });
const won: string[] = [];
// Start together, so the processes really race for the same keys.
await new Promise((r) => setTimeout(r, Math.max(0, Number(process.argv[2]) - Date.now())));
await Promise.all(Array.from({ length: 40 }, async (_, i) => { if (await store.claim('key-' + i, 60_000)) won.push('key-' + i); }));
process.stdout.write(JSON.stringify(won));
`,
    );
    const go = String(Date.now() + 4_000);
    const run = () =>
      new Promise<string[]>((resolve, reject) =>
        execFile(TSX, [script, go], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[]),
        ),
      );
    const results = await Promise.all([run(), run(), run()]);
    const all = results.flat().sort();
    expect(all).toEqual(Array.from({ length: 40 }, (_, i) => `key-${i}`).sort());
  }, 90_000);

  it('separate processes on one machine: each version of a record is written exactly once (compare-and-set)', async () => {
    const { dir } = fresh();
    const script = join(dir, 'writer.mts');
    writeFileSync(
      script,
      `import { FileStore } from ${JSON.stringify(join(ROOT, 'src', 'store', 'file-store.ts'))};
const store = new FileStore({ dir: ${JSON.stringify(join(dir, 'shared'))} });
const me = process.argv[3];
let wins = 0;
await new Promise((r) => setTimeout(r, Math.max(0, Number(process.argv[2]) - Date.now())));
// Each writer adds its name to the list, re-reading after every lost race: no write may be lost.
for (let i = 0; i < 15; i++) {
  for (;;) {
    const cur = await store.getRecord('approval', 'shared');
    const list = (cur?.value as string[] | undefined) ?? [];
    const r = await store.compareAndSet('approval', 'shared', cur?.version ?? 0, [...list, me + i], 60_000);
    if (r.ok) { wins++; break; }
  }
}
process.stdout.write(JSON.stringify(wins));
`,
    );
    const go = String(Date.now() + 4_000);
    const run = (me: string) =>
      new Promise<number>((resolve, reject) =>
        execFile(TSX, [script, go, me], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as number),
        ),
      );
    expect(await Promise.all([run('a'), run('b'), run('c')])).toEqual([15, 15, 15]);
    const final = await new FileStore({ dir: join(dir, 'shared') }).getRecord('approval', 'shared');
    expect(final?.version).toBe(45);
    expect((final?.value as string[]).length).toBe(45);
  }, 90_000);
});
