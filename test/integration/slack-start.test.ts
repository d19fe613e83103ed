import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { FakeSlack } from '../helpers/fake-slack.js';
import { postSigned, slashCommandBody } from '../helpers/slack-sign.js';

/** `npm start` (src/main.ts) with Slack variables: picks the mode, says which on stderr, answers /oms. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'start-test-signing-secret';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>): {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

async function waitFor(cond: () => boolean, ms: number, what: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out; stderr so far: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start with Slack variables', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await slack.stop();
  });

  it('HTTP mode: says so on stderr, verifies with auth.test at SLACK_API_URL, answers a signed /oms help, stops on SIGTERM', async () => {
    const port = await freePort();
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: slack.apiUrl,
    });
    try {
      await waitFor(() => /HTTP mode on port \d+ path \/slack\/events/.test(bot.stderr()), 20_000, bot.stderr);
      expect(bot.stderr()).toContain(`HTTP mode on port ${port}`);
      const r = await postSigned(
        `http://127.0.0.1:${port}/slack/events`,
        slashCommandBody({ text: 'help', responseUrl: slack.responseUrl() }),
        { secret: SECRET, contentType: 'application/x-www-form-urlencoded' },
      );
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.json())).toContain('/oms diagnose');
      await waitFor(() => slack.callsTo('auth.test').length > 0, 5_000, bot.stderr);
    } finally {
      bot.child.kill('SIGTERM');
    }
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).not.toContain('xoxb-start-test');
  });

  it('an incomplete Slack configuration stops with the variable to fix', async () => {
    const bot = start({ SLACK_BOT_TOKEN: 'xoxb-start-test' });
    expect(await bot.exited).toBe(2);
    expect(bot.stderr()).toMatch(/set SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/);
    expect(bot.stderr()).toMatch(/Next/);
  });
});
