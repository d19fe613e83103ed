import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { cacheDirCandidates, prepareCacheDir } from '../../../src/store/cache-dir.js';

describe('cacheDirCandidates', () => {
  const uid = process.getuid?.() ?? 'user';
  it('prefers XDG_CACHE_HOME, then falls back to a per-user temp directory', () => {
    expect(cacheDirCandidates({ XDG_CACHE_HOME: '/var/cache/x' })).toEqual([
      '/var/cache/x/oms-chatops',
      path.join(tmpdir(), `oms-chatops-${uid}`),
    ]);
    expect(cacheDirCandidates({})[0]).toBe(path.join(homedir(), '.cache', 'oms-chatops'));
    // A relative XDG_CACHE_HOME is invalid by the spec and ignored.
    expect(cacheDirCandidates({ XDG_CACHE_HOME: 'rel' })[0]).toBe(path.join(homedir(), '.cache', 'oms-chatops'));
  });

  it('takes OMS_CHATOPS_CACHE_DIR alone, and "off" turns the cache off', () => {
    expect(cacheDirCandidates({ OMS_CHATOPS_CACHE_DIR: '/srv/c', XDG_CACHE_HOME: '/x' })).toEqual(['/srv/c']);
    expect(cacheDirCandidates({ OMS_CHATOPS_CACHE_DIR: 'off' })).toEqual([]);
  });
});

describe('prepareCacheDir', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'oms-cachedir-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('creates a private directory', async () => {
    const dir = path.join(work, 'a', 'b');
    expect(await prepareCacheDir(dir)).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('refuses a directory others may write to', async () => {
    const dir = path.join(work, 'shared');
    expect(await prepareCacheDir(dir)).toBe(true);
    await chmod(dir, 0o777);
    expect(await prepareCacheDir(dir)).toBe(false);
  });
});
