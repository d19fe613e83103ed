/** The discovered layout kept in a real Redis: shared by two processes' stores, expired by Redis itself. */
import { storeLayoutCache } from '../../src/discovery/layout-cache.js';
import type { Discovery } from '../../src/discovery/layout.js';
import { RedisStore } from '../../src/store/redis-store.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
const open: RedisStore[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await redis?.stop();
});

function store(): RedisStore {
  const s = new RedisStore({ url: redis.url, prefix: 'layout-test:' });
  open.push(s);
  return s;
}

const d: Discovery = {
  values: { 'paths.backend': { value: '/srv/oms/backend', source: 'unit WorkingDirectory' } },
  notes: [{ value: 'User=erp', source: 'systemctl show User' }],
  undecided: [{ keys: ['paths.nginxConf'], reason: 'nginx -T failed (exit 1)' }],
};

it('one instance writes, another reads it; forget and the TTL reach every instance', async () => {
  const a = storeLayoutCache(store());
  const b = storeLayoutCache(store());
  await a.put('prod', d, 60_000);
  expect(await b.get('prod')).toEqual(d);
  await b.delete('prod');
  expect(await a.get('prod')).toBeUndefined();
  await a.put('short', d, 200);
  expect(await b.get('short')).toEqual(d);
  await new Promise((r) => setTimeout(r, 400));
  expect(await b.get('short')).toBeUndefined();
});

it('two instances discovering at once both write without an error; one of the two values stays', async () => {
  const a = storeLayoutCache(store());
  const b = storeLayoutCache(store());
  const other: Discovery = { ...d, notes: [] };
  await Promise.all([a.put('race', d, 60_000), b.put('race', other, 60_000)]);
  const got = await a.get('race');
  expect([JSON.stringify(d), JSON.stringify(other)]).toContain(JSON.stringify(got));
});
