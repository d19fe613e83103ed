import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../../src/config/config.js';
import { storeLayoutCache } from '../../../src/discovery/layout-cache.js';
import { LayoutService } from '../../../src/discovery/layout-service.js';
import type { Discovery } from '../../../src/discovery/layout.js';
import { FileStore } from '../../../src/store/file-store.js';
import type { ExecOptions, Transport } from '../../../src/transport/transport.js';
import { result } from '../../helpers/capture.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'utf8');

class Relocated implements Transport {
  readonly describe = 'fixture';
  runs = 0;
  async exec(argv: readonly string[], _options: ExecOptions = {}) {
    if (argv[1] === 'cat') this.runs++;
    if (argv[0] === 'systemctl' && argv[1] === 'show') return result(fixture('systemctl-show-relocated.txt'));
    if (argv[0] === 'systemctl' && argv[1] === 'cat') return result(fixture('systemctl-cat-relocated.txt'));
    if (argv[0] === '/usr/sbin/nginx') return result(fixture('nginx-T-relocated.txt'));
    return result('', 1, 'no');
  }
  async close() {}
}

const config = parseConfig(
  'targets:\n  relocated:\n    host: 172.29.91.61\n    user: omsbot\n    privateKey: /k\n    service: erp-backend\n',
  'test.yml',
);
const target = config.targets.get('relocated')!;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oms-layout-cache-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the layout cache in the store', () => {
  it('one discovery serves every process sharing the store (the CLI, the console, each bot instance)', async () => {
    const dir = join(root, 'shared');
    const now = { t: 1_000_000 };
    const server = new Relocated();
    const cli = new LayoutService({
      transportFor: () => server,
      cache: storeLayoutCache(new FileStore({ dir, now: () => now.t })),
      ttlMs: 60_000,
    });
    const bot = new LayoutService({
      transportFor: () => server,
      cache: storeLayoutCache(new FileStore({ dir, now: () => now.t })),
      ttlMs: 60_000,
    });
    const first = await cli.layoutFor(target);
    expect(first.cached).toBe(false);
    expect(first.target.paths.backend).toBe('/srv/oms/backend');
    const second = await bot.layoutFor(target);
    expect(second).toEqual({ ...first, cached: true });
    expect(server.runs).toBe(1);
    expect((await bot.cached(target))?.rows.find((r) => r.key === 'paths.backend')?.source).toBe(
      'unit WorkingDirectory',
    );
    // Past the TTL: asked again.
    now.t += 60_001;
    expect((await bot.layoutFor(target)).cached).toBe(false);
    expect(server.runs).toBe(2);
    // Forgotten by one process: the other asks the server next time.
    await cli.forget(target);
    expect(await bot.cached(target)).toBeUndefined();
    await bot.layoutFor(target);
    expect(server.runs).toBe(3);
  });

  it('another host or service under the same name is another entry', async () => {
    const server = new Relocated();
    const svc = new LayoutService({
      transportFor: () => server,
      cache: storeLayoutCache(new FileStore({ dir: join(root, 'keys') })),
    });
    await svc.layoutFor(target);
    await svc.layoutFor({ ...target, host: '172.29.91.62' });
    await svc.layoutFor({ ...target, service: 'oms-backend' });
    await svc.layoutFor(target);
    expect(server.runs).toBe(3);
  });

  it('a stored record that does not parse (hand-edited, another version) is a miss, not a crash', async () => {
    const dir = join(root, 'corrupt');
    const logs: string[] = [];
    const store = new FileStore({ dir });
    const cache = storeLayoutCache(store, (l) => logs.push(l));
    const d: Discovery = {
      values: { 'paths.backend': { value: '/srv/oms/backend', source: 'unit WorkingDirectory' } },
      notes: [],
      undecided: [],
    };
    await cache.put('k', d, 60_000);
    expect(await cache.get('k')).toEqual(d);
    const file = readdirSync(join(dir, 'layouts')).find((f) => f.endsWith('.json'))!;
    const path = join(dir, 'layouts', file);
    const rec = JSON.parse(readFileSync(path, 'utf8'));
    rec.value.discovery.values['paths.backend'] = { value: 42 };
    writeFileSync(path, JSON.stringify(rec));
    expect(await cache.get('k')).toBeUndefined();
    expect(logs.join('\n')).toContain('does not parse');
    // The next write replaces it.
    await cache.put('k', d, 60_000);
    expect(await cache.get('k')).toEqual(d);
  });

  it('a store that fails (Redis down, a data directory this user cannot write): discovery each time, logged once', async () => {
    const logs: string[] = [];
    const broken = new FileStore({ dir: join(root, 'not-a-dir') });
    writeFileSync(join(root, 'not-a-dir'), 'a file where the store directory should be');
    const server = new Relocated();
    const svc = new LayoutService({ transportFor: () => server, cache: storeLayoutCache(broken, (l) => logs.push(l)) });
    expect((await svc.layoutFor(target)).target.paths.backend).toBe('/srv/oms/backend');
    expect((await svc.layoutFor(target)).cached).toBe(false);
    await svc.forget(target);
    expect(server.runs).toBe(2);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('discovering on every request until it works again');
  });
});
