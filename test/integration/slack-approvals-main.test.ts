/**
 * The composition root (src/main.ts) with Slack variables and REDIS_URL: the
 * Slack branch gets an ApprovalService on the Redis store and the audit log
 * the CLI uses. A real process, a real redis-server, a fake Slack.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { FakeSlack, type ApiCall } from '../helpers/fake-slack.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { postSigned, slashCommandBody, interactionBody, blockActionPayload } from '../helpers/slack-sign.js';
import { freePort } from '../helpers/sshd.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECRET = 'main-approvals-signing-secret';

let redis: TestRedis;
let slack: FakeSlack;
beforeAll(async () => {
  redis = await startRedis();
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await slack?.stop();
  await redis?.stop();
});

async function waitFor(cond: () => boolean, ms: number, what: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out; ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('npm start with REDIS_URL: /oms run posts a card backed by Redis, Approve runs through the same service (target unreachable → said so), /oms audit reads the shared audit log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oms-main-approvals-'));
  const closedPort = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    `targets:\n  prod:\n    host: 127.0.0.1\n    port: ${closedPort}\n    user: omsbot\n    privateKey: ${join(dir, 'no-such-key')}\ndefaultTarget: prod\ndataDir: ${join(dir, 'var')}\npolicy:\n  approvers: [U0APPROVER]\n`,
  );
  const port = await freePort();
  const child: ChildProcess = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: redis.url,
      OMS_CHATOPS_CONFIG: join(dir, 'config.yml'),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}/slack/events`;
  const command = (text: string, user: string, id: string) =>
    postSigned(url, slashCommandBody({ text, user, responseUrl: slack.responseUrl(id) }), {
      secret: SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
  const card = (): ApiCall | undefined =>
    slack.callsTo('chat.postMessage').find((c) => String(c.body.text).startsWith('审批请求'));
  try {
    await waitFor(
      () => /HTTP mode on port/.test(err),
      20_000,
      () => err,
    );
    expect(err).toContain(`approvals in redis 127.0.0.1:${redis.port} (shared by every instance`);
    expect((await command('run restart-backend prod --reason "backend down"', 'U0REQUESTER', 'run')).status).toBe(200);
    await waitFor(
      () => card() !== undefined,
      10_000,
      () => `no card; ${err}; ${JSON.stringify(slack.responses)}`,
    );
    const value = (card()!.body.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find(
      (b) => b.type === 'actions',
    )!.elements![0]!.value;
    const id = (JSON.parse(value) as { id: string }).id;
    const client = new Redis(redis.url);
    try {
      expect(await client.hget(`oms-chatops:record:approval:${id}`, 'version')).toMatch(/^[12]$/);
      expect(JSON.parse((await client.hget(`oms-chatops:record:approval:${id}`, 'value')) ?? 'null')).toMatchObject({
        status: 'pending',
        action: 'restart-backend',
        target: 'prod',
      });
    } finally {
      client.disconnect();
    }
    await postSigned(
      url,
      interactionBody(
        blockActionPayload({
          actionId: 'approval_approve',
          value,
          user: 'U0APPROVER',
          responseUrl: slack.responseUrl('click'),
          messageTs: '1700000000.000200',
        }),
      ),
      { secret: SECRET, contentType: 'application/x-www-form-urlencoded' },
    );
    await waitFor(
      () => slack.callsTo('chat.update').length > 0,
      20_000,
      () => `no card update; ${err}`,
    );
    const updated = JSON.stringify(slack.callsTo('chat.update').at(-1)!.body.blocks);
    expect(updated).toContain('unreachable');
    await command('audit --target prod', 'U0REQUESTER', 'audit');
    await waitFor(
      () => slack.responses.some((r) => r.id === 'audit'),
      10_000,
      () => err,
    );
    const audit = JSON.stringify(slack.responses.find((r) => r.id === 'audit')!.body);
    expect(audit).toMatch(/action.requested.*action.approved.*action.executed/s);
    const file = readFileSync(join(dir, 'var', 'audit.jsonl'), 'utf8');
    expect(file).toContain('"verdict":"unreachable"');
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(err).not.toContain('xoxb-main-test');
}, 60_000);
