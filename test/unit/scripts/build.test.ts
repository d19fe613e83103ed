import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, startupLoad, type Built } from '../../../scripts/build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let work: string;
let built: Built;

beforeAll(async () => {
  // The bundle finds playbooks/ two levels above its own files (work/dist/bundle → work/playbooks), as in the repo.
  work = await mkdtemp(path.join(tmpdir(), 'oms-build-'));
  await symlink(path.join(ROOT, 'playbooks'), path.join(work, 'playbooks'));
  built = await buildBundle(path.join(work, 'dist', 'bundle'));
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function runBundle(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [built.entry, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, OMS_CHATOPS_CONFIG: '', OMS_CHATOPS_CACHE_DIR: path.join(work, 'cache'), ...env },
    timeout: 60_000,
  });
}

describe('npm run build (scripts/build.ts)', () => {
  it('makes a bundle that answers like the sources', () => {
    const list = runBundle(['list']);
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    for (const id of ['login', 'api-not-found', 'service-start', 'worker-sigterm']) expect(list.stdout).toContain(id);
    const show = runBundle(['show', 'login']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('CORS_ALLOWED_ORIGINS');
  });

  it('emits the sheet checker as its own worker entry, which the bundle starts', () => {
    const sheet = path.join(ROOT, 'test', 'fixtures', 'users', 'openpyxl-valid.xlsx');
    const r = runBundle(['users', 'validate', sheet]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('ready to import');
    expect(r.status).toBe(0);
  });

  it('prints stack traces that name src/ files and lines', () => {
    const crash = runBundle(['list'], { OMS_CHATOPS_CRASH_TEST: '1' });
    expect(crash.status).toBe(70);
    expect(crash.stderr).toContain('OMS_CHATOPS_CRASH_TEST: deliberate fault');
    expect(crash.stderr).toMatch(new RegExp(`at crashIfAsked \\(${ROOT}/src/crash-test\\.ts:\\d+:\\d+\\)`));
    expect(crash.stderr).toMatch(new RegExp(`at main \\(${ROOT}/src/main\\.ts:\\d+:\\d+\\)`));
    expect(crash.stderr).not.toMatch(/dist\/bundle\/[\w-]+\.js:\d+/);
  });

  it('leaves Slack, Redis, ssh2, the spreadsheet code and the markdown parser out of what every start loads', () => {
    const { inputs } = startupLoad(built.metafile, built.entry);
    const loaded = (part: string) => inputs.some((i) => i.includes(part));
    expect(loaded('src/main.ts')).toBe(true);
    const heavy = ['node_modules/@slack/', 'node_modules/ioredis/', 'node_modules/marked/', 'src/slack/app.ts'];
    heavy.push('node_modules/ssh2/', 'src/users/xlsx-read.ts', 'src/users/sheet-worker.ts', 'src/playbooks/loader.ts');
    expect(heavy.filter(loaded)).toEqual([]);
  });
});
