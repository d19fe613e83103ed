import { chmod, cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCompiledPlaybooks } from '../../../src/playbooks/compiled.js';
import { loadPlaybooks, type PlaybookRegistry } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { PlaybookError } from '../../../src/playbooks/playbook.js';
import { docRegistry } from '../../fixtures/playbooks/registry.js';

let work: string;
let dir: string;
let cache: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'oms-compiled-'));
  dir = path.join(work, 'playbooks');
  cache = path.join(work, 'cache');
  await cp(defaultPlaybookDir(), dir, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const load = (registry: PlaybookRegistry = docRegistry, dirs = [cache]) => loadCompiledPlaybooks(dir, registry, dirs);

/** Replace text in a playbook keeping its size and modification time, so only the content tells the change. */
async function editKeepingMtime(name: string, from: string, to: string): Promise<void> {
  expect(to.length).toBe(from.length);
  const file = path.join(dir, name);
  const before = await stat(file);
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
  await utimes(file, before.atime, before.mtime);
}

describe('loadCompiledPlaybooks', () => {
  it('builds the compiled form once, then reads it back equal to a fresh parse of the markdown', async () => {
    const fresh = await loadPlaybooks(dir, docRegistry);
    const first = await load();
    expect(first.outcome).toBe('built');
    expect(first.file).toMatch(/^.*\/cache\/playbooks-[0-9a-f]{16}\.json$/);
    expect(first.playbooks).toEqual(fresh);
    const second = await load();
    expect(second.outcome).toBe('hit');
    // Everything the loader produces survives the round trip, including the compiled signatures.
    expect(second.playbooks).toEqual(fresh);
    const sigterm = second.playbooks.find((p) => p.id === 'worker-sigterm')!;
    expect(sigterm.signatures.length).toBeGreaterThan(0);
    expect(sigterm.signatures.some((re) => re.test('[ERROR] Worker (pid:3321281) was sent SIGTERM!'))).toBe(true);
  });

  it('rebuilds when a playbook changes, by content (same size, same mtime)', async () => {
    await load();
    const line = 'CORS_ALLOWED_ORIGINS=http://172.29.91.61,http://localhost';
    await editKeepingMtime('login.md', line, line.replace('localhost', 'localhorz'));
    const after = await load();
    expect(after.outcome).toBe('built');
    const cors = after.playbooks.find((p) => p.id === 'login')!.findings.find((f) => f.id === 'cors-origin-missing')!;
    expect(cors.fix).toContain('http://localhorz');
    expect((await load()).outcome).toBe('hit');
  });

  it('rebuilds when the catalogue of causes changes (same size, same mtime), and a broken one fails with file:line', async () => {
    await load();
    const title = 'title: 后端端口被其他程序占用 / another program holds the backend port';
    await editKeepingMtime('causes/10-service.md', title, title.replace('backend port', 'backend pORT'));
    const after = await load();
    expect(after.outcome).toBe('built');
    const taken = after.playbooks.find((p) => p.id === 'admin')!.findings.find((f) => f.id === 'port-taken')!;
    expect(taken.title).toContain('backend pORT');
    expect((await load()).outcome).toBe('hit');
    await editKeepingMtime('causes/10-service.md', 'holder:other-program,', 'holder:other-progrun,');
    await expect(load()).rejects.toThrow(
      /causes\/10-service\.md:\d+: causes\[\d+\]\.when\[0\]: unknown signal "other-progrun" of check/,
    );
  });

  it('rebuilds when a playbook is added or removed', async () => {
    await load();
    await rm(path.join(dir, 'admin.md'));
    // checklist includes admin: the markdown is parsed again and the missing include is reported.
    await expect(load()).rejects.toThrow(/checklist\.md:\d+: unknown playbook "admin" in includes/);
  });

  it.each([
    ['a flipped byte in the playbooks', (t: string) => t.replace('"login"', '"logim"')],
    ['a truncated file', (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ['garbage', () => '\u0000\u0001 not json at all'],
    ['an empty file', () => ''],
    ['a header without a body', (t: string) => t.slice(0, t.indexOf('\n'))],
  ])('refuses a corrupt cache file (%s) and rebuilds it', async (_name, corrupt) => {
    const { file } = await load();
    await writeFile(file!, corrupt(await readFile(file!, 'utf8')));
    const again = await load();
    expect(again.outcome).toBe('refused');
    expect(again.playbooks).toEqual(await loadPlaybooks(dir, docRegistry));
    expect(again.playbooks.find((p) => p.id === 'logim')).toBeUndefined();
    expect((await load()).outcome).toBe('hit');
  });

  it('refuses a cache file that others may write to', async () => {
    const { file } = await load();
    await chmod(file!, 0o666);
    expect((await load()).outcome).toBe('refused');
    expect(((await stat(file!)).mode & 0o777).toString(8)).toBe('600');
  });

  it('checks the compiled form against the registry: a check that left the whitelist fails with file and line', async () => {
    await load();
    const noLoginDirect: PlaybookRegistry = {
      ...docRegistry,
      hasCheck: (id) => id !== 'login-direct' && docRegistry.hasCheck(id),
    };
    const err = await load(noLoginDirect).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlaybookError);
    expect((err as PlaybookError).message).toMatch(
      /\/playbooks\/(causes\/)?[a-z0-9-]+\.md:\d+: .*unknown check "login-direct"/,
    );
    expect((err as PlaybookError).line).toBeGreaterThan(1);
  });

  it('rebuilds when a list of the registry changes (a new concept, check or action id)', async () => {
    await load();
    const concepts = docRegistry.conceptIds!();
    const withConcepts: PlaybookRegistry = { ...docRegistry, conceptIds: () => [...concepts, 'new-concept'] };
    expect((await load(withConcepts)).outcome).toBe('built');
    expect((await load(withConcepts)).outcome).toBe('hit');
    const more: PlaybookRegistry = { ...docRegistry, conceptIds: () => [...concepts, 'new-concept', 'another'] };
    expect((await load(more)).outcome).toBe('built');
    const noisy = { ...docRegistry, checkIds: () => [...(docRegistry.checkIds?.() ?? []), 'new-check'] };
    expect((await load(noisy)).outcome).toBe('built');
  });

  it('a broken playbook fails with file and line even when a compiled form of the good one exists', async () => {
    await load();
    const file = path.join(dir, 'login.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^checks: \[/m, 'checks: [no-such-check, '));
    const err = await load().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlaybookError);
    expect((err as PlaybookError).file).toBe(file);
    expect((err as PlaybookError).message).toMatch(/login\.md:\d+: unknown check "no-such-check"/);
    const line = text.split('\n').findIndex((l) => l.startsWith('checks:')) + 1;
    expect((err as PlaybookError).line).toBe(line);
  });

  it('falls back to the next cache directory when one cannot be written, and works with none', async () => {
    const blocker = path.join(work, 'not-a-dir');
    await writeFile(blocker, 'a file where a directory should be');
    const first = await load(docRegistry, [path.join(blocker, 'cache'), cache]);
    expect(first.outcome).toBe('built');
    expect(path.dirname(first.file!)).toBe(cache);
    expect((await load(docRegistry, [path.join(blocker, 'cache'), cache])).outcome).toBe('hit');
    const none = await load(docRegistry, [path.join(blocker, 'cache')]);
    expect(none.outcome).toBe('built');
    expect(none.file).toBeUndefined();
    expect((await load(docRegistry, [])).outcome).toBe('off');
  });

  it('writes atomically: no temporary files are left behind', async () => {
    await Promise.all([load(), load(), load()]);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(cache)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await load()).outcome).toBe('hit');
  });
});
