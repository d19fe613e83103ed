/** The Redis store against a real redis-server on 127.0.0.1. */
import { RedisStore } from '../../src/store/redis-store.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
const open: RedisStore[] = [];
let n = 0;

function store(prefix = `t${n++}:`) {
  const s = new RedisStore({ url: redis.url, prefix });
  open.push(s);
  return s;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await redis?.stop();
});

it('connects and describes itself without credentials', async () => {
  const s = store();
  await s.connect();
  expect(s.describe).toBe(`redis 127.0.0.1:${redis.port}`);
});

it('versioned records round-trip as JSON, are listed, and expire (PX)', async () => {
  const s = store();
  await s.compareAndSet('approval', 'a1', 0, { id: 'a1', status: 'pending' }, 60_000);
  await s.compareAndSet('approval', 'a2', 0, { id: 'a2', status: 'pending' }, 150);
  expect(await s.getRecord('approval', 'a1')).toEqual({ version: 1, value: { id: 'a1', status: 'pending' } });
  expect(await s.getRecord('guard', 'a1')).toBeUndefined();
  expect((await s.listRecords('approval')).length).toBe(2);
  await new Promise((r) => setTimeout(r, 300));
  expect(await s.getRecord('approval', 'a2')).toBeUndefined();
  expect(await s.listRecords('approval')).toEqual([{ version: 1, value: { id: 'a1', status: 'pending' } }]);
});

it('compare-and-set (Lua): a late write on an older version is refused across connections', async () => {
  const prefix = `t${n++}:`;
  const [a, b] = [store(prefix), store(prefix)];
  expect(await a.compareAndSet('approval', 'x', 0, { status: 'pending' }, 60_000)).toEqual({ ok: true, version: 1 });
  expect(await b.compareAndSet('approval', 'x', 1, { status: 'denied' }, 60_000)).toEqual({ ok: true, version: 2 });
  expect(await a.compareAndSet('approval', 'x', 1, { status: 'pending', votes: 1 }, 60_000)).toEqual({
    ok: false,
    current: { version: 2, value: { status: 'denied' } },
  });
  const racing = await Promise.all(
    Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).compareAndSet('approval', 'x', 2, { i }, 60_000)),
  );
  expect(racing.filter((r) => r.ok)).toHaveLength(1);
  expect((await a.getRecord('approval', 'x'))?.version).toBe(3);
});

it('claims: two connections racing for the same keys win each exactly once (SET NX PX)', async () => {
  const prefix = `race${n++}:`;
  const a = store(prefix);
  const b = store(prefix);
  const keys = Array.from({ length: 30 }, (_, i) => `decide:${i}`);
  const results = await Promise.all(keys.flatMap((k) => [a.claim(k, 60_000), b.claim(k, 60_000), a.claim(k, 60_000)]));
  expect(results.filter(Boolean)).toHaveLength(keys.length);
});

it('a claim can be taken again after it expires; seen() de-duplicates within its TTL', async () => {
  const s = store();
  expect(await s.claim('k', 100)).toBe(true);
  expect(await s.claim('k', 100)).toBe(false);
  expect(await s.seen('evt', 100)).toBe(false);
  expect(await s.seen('evt', 100)).toBe(true);
  await new Promise((r) => setTimeout(r, 250));
  expect(await s.claim('k', 100)).toBe(true);
  expect(await s.seen('evt', 100)).toBe(false);
});

it('addMember counts distinct members across connections', async () => {
  const prefix = `votes${n++}:`;
  const a = store(prefix);
  const b = store(prefix);
  expect(await a.addMember('votes:x', 'U1', 60_000)).toEqual({ added: true, members: ['U1'] });
  expect(await b.addMember('votes:x', 'U1', 60_000)).toEqual({ added: false, members: ['U1'] });
  expect(await b.addMember('votes:x', 'U2', 60_000)).toEqual({ added: true, members: ['U1', 'U2'] });
});

it('lists: append and read back in order (the audit copy)', async () => {
  const s = store();
  await s.pushList('audit', '{"n":1}');
  await s.pushList('audit', '{"n":2}');
  expect(await s.readList('audit')).toEqual(['{"n":1}', '{"n":2}']);
});

it('a Redis that is not there is an error the caller sees, not a hang', async () => {
  const { freePort } = await import('../helpers/sshd.js');
  const s = new RedisStore({ url: `redis://127.0.0.1:${await freePort()}` });
  open.push(s);
  await expect(s.claim('x', 1000)).rejects.toThrow(/ECONNREFUSED|connect|retries/i);
});
