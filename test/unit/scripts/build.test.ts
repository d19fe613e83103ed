import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, dynamicLoad, startupLoad, type Built } from '../../../scripts/build.js';

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
    expect(loaded('src/config/config-cache.ts')).toBe(true);
    const heavy = ['node_modules/@slack/', 'node_modules/ioredis/', 'node_modules/marked/', 'src/slack/app.ts'];
    heavy.push('node_modules/ssh2/', 'src/users/xlsx-read.ts', 'src/users/sheet-worker.ts', 'src/playbooks/loader.ts');
    // The config parser (YAML) and its schemas, the approval machinery, the audit and Slack settings' schemas,
    // and zod itself (the compiled config needs no validation): loaded when used.
    heavy.push('node_modules/yaml/', 'src/config/config.ts', 'src/approvals/service.ts', 'src/approvals/approval.ts');
    heavy.push('src/audit/audit-record.ts', 'src/slack/env.ts', 'src/config/watch.ts', 'src/config/fleet.ts');
    heavy.push('node_modules/zod/');
    expect(heavy.filter(loaded)).toEqual([]);
  });

  it('keeps the worker thread entry apart from what a start loads (it must not run the command again)', () => {
    const worker = Object.keys(built.metafile.outputs).find((k) => k.endsWith('/parse-worker.js'))!;
    const { inputs } = startupLoad(built.metafile, path.resolve(ROOT, worker));
    expect(inputs).toContain('src/users/parse-worker.ts');
    expect(inputs.filter((i) => i === 'src/main.ts' || i.startsWith('src/cli/'))).toEqual([]);
  });

  it('loads every start from the entry and one chunk of code (each file costs Node about a millisecond)', () => {
    const { files } = startupLoad(built.metafile, built.entry);
    const withCode = files.filter((f) => Object.keys(built.metafile.outputs[f]!.inputs).length > 0);
    // Beside them only esbuild's own helpers, which the worker thread's entry shares.
    expect(withCode.length).toBeLessThanOrEqual(1);
    expect(files.length).toBeLessThanOrEqual(3);
  });

  it('leaves fleets, comparisons, the watch scheduler, running an approval and the config parser out of the Slack start', () => {
    // What `npm start` in Slack mode loads before it connects: every start's files, then src/slack/start.ts's.
    const slack = dynamicLoad(built.metafile, 'src/slack/start.ts');
    const inputs = [...startupLoad(built.metafile, built.entry).inputs, ...slack.inputs];
    const loaded = (part: string) => inputs.some((i) => i.includes(part));
    for (const part of [
      'src/slack/app.ts',
      'src/slack/diagnose.ts',
      'src/approvals/service.ts',
      'node_modules/@slack/',
    ])
      expect(loaded(part)).toBe(true);
    // Each loaded by its dynamic import() on first use (src/slack/diagnose.ts, compare.ts, watch.ts,
    // src/approvals/decide.ts); the approvals' policy is read without the config parser (src/config/policy-for.ts).
    const lazy = ['src/slack/fleet-report.ts', 'src/render/fleet-blocks.ts', 'src/slack/compare-run.ts'];
    lazy.push('src/compare/blocks.ts', 'src/slack/watch-schedule.ts', 'src/watch/scheduler.ts');
    lazy.push('src/slack/watch-poster.ts', 'src/approvals/run-approved.ts', 'src/approvals/execute.ts');
    lazy.push('src/config/config.ts', 'node_modules/yaml/', 'node_modules/ssh2/');
    lazy.push('node_modules/ioredis/');
    // Bolt's receivers the bot does not use, with express and its dependencies (src/slack/bolt.ts).
    lazy.push('@slack/bolt/dist/index.js', '@slack/bolt/dist/receivers/ExpressReceiver.js');
    lazy.push('@slack/bolt/dist/receivers/AwsLambdaReceiver.js', 'node_modules/express/', 'node_modules/mime-db/');
    expect(lazy.filter(loaded)).toEqual([]);
  });

  it('keeps the Slack chunks one byte per character (V8 holds a file with one CJK character at two)', () => {
    // The files Slack loads beyond every start's (whose chunk holds the matcher's Chinese expressions anyway).
    const everyStart = new Set(startupLoad(built.metafile, built.entry).files);
    const slackFiles = dynamicLoad(built.metafile, 'src/slack/start.ts').files.filter(
      (f) =>
        !everyStart.has(f) && Object.keys(built.metafile.outputs[f]!.inputs).some((i) => i.startsWith('src/slack/')),
    );
    expect(slackFiles.length).toBeGreaterThan(0);
    const wide = slackFiles.flatMap((f) => {
      const text = readFileSync(path.resolve(ROOT, f), 'utf8');
      const at = text.search(/[^\u0000-\u00ff]/);
      return at < 0 ? [] : [`${f}: ${text.slice(Math.max(0, at - 60), at + 10)}`];
    });
    expect(wide).toEqual([]);
  });

  it('answers from the compiled config on the second start, and sees an edit of the file on the next', () => {
    const config = path.join(work, 'oms-chatops.yml');
    const text = 'targets:\n  prod:\n    host: 172.29.91.61\n    user: omsbot\n    privateKey: /etc/k\n';
    writeFileSync(config, text);
    const targets = () => runBundle(['targets'], { OMS_CHATOPS_CONFIG: config });
    expect(targets().stdout).toContain('prod');
    const cached = path.join(
      work,
      'cache',
      `config-${createHash('sha256').update(config).digest('hex').slice(0, 16)}.json`,
    );
    const written = statSync(cached).ino;
    const again = targets();
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('prod');
    // Read, not rewritten (a rewrite renames a new file into place).
    expect(statSync(cached).ino).toBe(written);
    writeFileSync(config, text.replace(/prod/g, 'staging'));
    const edited = targets();
    expect(edited.stdout).toContain('staging');
    expect(edited.stdout).not.toMatch(/\bprod\b/);
    writeFileSync(config, `${text}    hots: x\n`);
    const broken = targets();
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${config}:6`);
  });
});
