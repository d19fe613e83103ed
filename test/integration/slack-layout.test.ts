/**
 * `/oms discover` and `/oms bundle` through the real Bolt app (signed requests)
 * against the fake Slack Web API: the layout answered to the asker, the bundle
 * collected in the background and uploaded (getUploadURLExternal → upload →
 * completeUploadExternal) into the thread of the request's message.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config/config.js';
import { parseConfig } from '../../src/config/config.js';
import { LayoutService } from '../../src/discovery/layout-service.js';
import { TransportError, type ExecOptions, type Transport } from '../../src/transport/transport.js';
import { assertNoCanary, CANARY, FixtureServer, tree, unpack } from '../helpers/bundle-fixture.js';
import { result } from '../helpers/capture.js';
import { SlackHarness } from '../helpers/fake-slack-harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/discovery/${name}`, import.meta.url), 'utf8');

/** Answers the discovery commands from the relocated-install fixtures. */
class RelocatedServer implements Transport {
  readonly describe = 'fixture:relocated';
  async exec(argv: readonly string[], _options: ExecOptions = {}) {
    if (argv[0] === 'systemctl' && argv[1] === 'show') return result(fixture('systemctl-show-relocated.txt'));
    if (argv[0] === 'systemctl' && argv[1] === 'cat') return result(fixture('systemctl-cat-relocated.txt'));
    if (argv[0] === '/usr/sbin/nginx' && argv[1] === '-T') return result(fixture('nginx-T-relocated.txt'));
    return result('', 1, `${argv[0]}: not in this fixture`);
  }
  async close() {}
}

const down: Transport = {
  describe: 'down',
  exec: async () => {
    throw new TransportError('connect_refused', 'connect ECONNREFUSED 172.29.91.61:22', 'start sshd on the server');
  },
  close: async () => {},
};

const RELOCATED = parseConfig(
  [
    'targets:',
    '  prod:',
    '    host: 172.29.91.61',
    '    user: omsbot',
    '    privateKey: /k',
    '    service: erp-backend',
  ].join('\n'),
  'test.yml',
);

async function harness(config: Config, transport: Transport): Promise<SlackHarness> {
  return SlackHarness.start({
    makeTransport: () => transport,
    deps: { config, layout: new LayoutService({ transportFor: () => transport }) },
  });
}

function sent(h: SlackHarness): string {
  return h.slack.everythingSent() + h.logs.join('\n');
}

describe('/oms discover', () => {
  let h: SlackHarness;
  afterEach(async () => h.stop());

  it('answers the asker with each value and its source, and what it could not decide', async () => {
    h = await harness(RELOCATED, new RelocatedServer());
    const r = await h.command('discover prod', { channel: 'C0OPS', responseId: 'd1' });
    expect(r.status).toBe(200);
    await h.idle();
    await h.slack.waitFor(() => h.slack.responses.some((p) => p.id === 'd1'), 10_000, 'the layout answer');
    const answer = h.slack.responses.find((p) => p.id === 'd1')!.body;
    expect(answer.response_type).toBe('ephemeral');
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain('/srv/oms/backend ← _unit WorkingDirectory_');
    expect(text).toContain('/etc/nginx/conf.d/erp-site.conf');
    expect(text).toContain('127.0.0.1:8100');
    // Nothing is posted in the channel: the layout goes to the asker only.
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('an unreachable target: says what went wrong and what to do next', async () => {
    h = await harness(RELOCATED, down);
    await h.command('discover', { channel: 'C0OPS', responseId: 'd2' });
    await h.idle();
    await h.slack.waitFor(() => h.slack.responses.some((p) => p.id === 'd2'), 10_000, 'the refusal');
    const text = JSON.stringify(h.slack.responses.find((p) => p.id === 'd2')!.body);
    expect(text).toContain('cannot reach prod');
    expect(text).toContain('start sshd on the server');
    expect(text).toContain('oms-chatops doctor prod');
  });

  it('an unknown target is answered in the ack; nothing runs', async () => {
    const t = new RelocatedServer();
    const exec = jest.spyOn(t, 'exec');
    h = await harness(RELOCATED, t);
    const r = await h.command('discover nowhere', { channel: 'C0OPS' });
    expect(r.body).toContain('nowhere');
    await h.idle();
    expect(exec).not.toHaveBeenCalled();
  });
});

describe('/oms targets', () => {
  let h: SlackHarness;
  afterEach(async () => h.stop());

  async function answer(text: string, id: string): Promise<string> {
    await h.command(text, { channel: 'C0OPS', responseId: id });
    await h.idle();
    await h.slack.waitFor(() => h.slack.responses.some((p) => p.id === id), 10_000, `the answer to ${text}`);
    const body = h.slack.responses.find((p) => p.id === id)!.body;
    expect(body.response_type).toBe('ephemeral');
    return JSON.stringify(body.blocks);
  }

  it("shows each target's discovered layout with its sources once discovery ran, as the CLI does", async () => {
    h = await harness(RELOCATED, new RelocatedServer());
    // Nothing discovered yet: the targets alone; nothing runs on the server for `targets`.
    const before = await answer('targets', 't1');
    expect(before).toMatch(/`prod`.*omsbot@172\.29\.91\.61:22/);
    expect(before).not.toContain('◦');
    expect(h.transports).toEqual([]);

    await answer('discover prod', 'd1');
    const after = await answer('targets', 't2');
    expect(after).toContain('◦ `paths.backend` /srv/oms/backend ← _unit WorkingDirectory_');
    expect(after).toContain('127.0.0.1:8100');
    expect(after).toContain('◦ `paths.nginxConf` /etc/nginx/conf.d/erp-site.conf ← _nginx -T');
    expect(after).toContain('layouts from the discovery cache');
  });
});

describe('/oms diagnose on a discovered layout', () => {
  let h: SlackHarness;
  afterEach(async () => h.stop());

  it('says in the thread where the config disagrees with the server', async () => {
    const config = parseConfig(
      [
        'targets:',
        '  prod:',
        '    host: 172.29.91.61',
        '    user: omsbot',
        '    privateKey: /k',
        '    service: erp-backend',
        '    paths:',
        '      frontend: /opt/OMS/frontend-pc',
      ].join('\n'),
      'test.yml',
    );
    h = await harness(config, new RelocatedServer());
    await h.command('diagnose checklist', { channel: 'C0OPS' });
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    const notice = posts.find((p) => JSON.stringify(p.body.blocks).includes('layout of prod'));
    expect(notice?.body.thread_ts).toBeDefined();
    expect(JSON.stringify(notice!.body.blocks)).toContain(
      'paths.frontend is /opt/OMS/frontend-pc but the server says /srv/oms/web',
    );
  });

  it('no notice when the layout raises nothing', async () => {
    h = await harness(RELOCATED, new RelocatedServer());
    await h.command('diagnose checklist', { channel: 'C0OPS' });
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage').length).toBeGreaterThan(0);
    expect(h.slack.everythingSent()).not.toContain('layout of prod');
  });
});

describe('/oms bundle', () => {
  let h: SlackHarness;
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'oms-slack-bundle-'));
  });
  afterEach(async () => {
    await h.stop();
    rmSync(root, { recursive: true, force: true });
  });

  function treeConfig(): Config {
    return {
      targets: new Map([['prod', { ...tree(root), name: 'prod' }]]),
      groups: new Map([['all', ['prod']]]),
      defaultTarget: 'prod',
      policy: {} as Config['policy'],
      dataDir: root,
      source: 'test',
    };
  }

  it('posts progress, uploads the .tar.gz into its thread, asks for the browser items; no canary anywhere', async () => {
    h = await harness(treeConfig(), new FixtureServer());
    const r = await h.command('bundle', { channel: 'C0OPS', user: 'U0ALICE' });
    expect(r.status).toBe(200);
    await h.idle();
    await h.slack.waitFor(() => h.slack.callsTo('files.completeUploadExternal').length === 1, 10_000, 'the upload');
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]!.body.blocks)).toContain('collecting a support bundle from *prod*');
    const complete = h.slack.callsTo('files.completeUploadExternal')[0]!.body;
    const ts = h.slack.callsTo('chat.update').at(-1)!.body.ts;
    expect(complete.thread_ts).toBe(ts);
    expect(complete.channel_id).toBe('C0OPS');
    expect(String(h.slack.callsTo('files.getUploadURLExternal')[0]!.body.filename)).toMatch(
      /^oms-bundle-prod-\d{8}T\d{6}Z\.tar\.gz$/,
    );
    expect(posts[0]!.body.channel).toBe('C0OPS');
    // The uploaded bytes are the archive: unpacked by the system's tar.
    const files = unpack(root, h.slack.uploads[0]!.file);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['README.txt', 'MANIFEST.txt', 'diagnosis.txt']));
    expect(files.get('layout.txt')).toContain('paths.nginxConf');
    assertNoCanary(files);
    // The root message ends as the result: where the file is and what only the browser can give.
    const final = JSON.stringify(h.slack.callsTo('chat.update').at(-1)!.body.blocks);
    expect(final).toContain('the support bundle is in the thread');
    expect(final).toContain('F12');
    expect(final).toContain('HAR');
    expect(final).toContain('checklist');
    for (const c of Object.values(CANARY)) expect(sent(h)).not.toContain(c);
  });

  it('-o is refused in Slack with what to type instead; an unknown target in the ack', async () => {
    h = await harness(treeConfig(), new FixtureServer());
    const o = await h.command('bundle prod -o x.tar.gz', { channel: 'C0OPS' });
    expect(o.body).toContain('drop -o');
    const u = await h.command('bundle nowhere', { channel: 'C0OPS' });
    expect(u.body).toContain('nowhere');
    await h.idle();
    expect(h.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('not in the channel: nothing is collected, the asker is told to invite the bot or use the CLI', async () => {
    const t = new FixtureServer();
    const exec = jest.spyOn(t, 'exec');
    h = await harness(treeConfig(), t);
    h.slack.fail('chat.postMessage', 'not_in_channel');
    await h.command('bundle', { channel: 'C0PRIVATE', responseId: 'b1' });
    await h.idle();
    await h.slack.waitFor(() => h.slack.responses.some((p) => p.id === 'b1'), 10_000, 'the notice');
    const text = JSON.stringify(h.slack.responses.find((p) => p.id === 'b1')!.body);
    expect(text).toContain('/invite @oms-chatops');
    expect(text).toContain('oms-chatops bundle prod');
    expect(exec).not.toHaveBeenCalled();
  });

  it('the upload fails: the progress message says so and what to do next', async () => {
    h = await harness(treeConfig(), new FixtureServer());
    h.slack.fail('files.getUploadURLExternal', 'missing_scope');
    await h.command('bundle', { channel: 'C0OPS' });
    await h.idle();
    await h.slack.waitFor(() => h.slack.callsTo('chat.update').length >= 1, 10_000, 'the update');
    const final = JSON.stringify(h.slack.callsTo('chat.update').at(-1)!.body.blocks);
    expect(final).toContain('could not be uploaded (missing_scope)');
    expect(final).toContain('reinstall the app from manifest.yml');
    expect(h.slack.uploads).toEqual([]);
  });

  it('an unreachable target: the progress message turns into what went wrong and what to do next', async () => {
    h = await harness(treeConfig(), down);
    await h.command('bundle', { channel: 'C0OPS' });
    await h.idle();
    await h.slack.waitFor(() => h.slack.callsTo('chat.update').length >= 1, 10_000, 'the update');
    const final = JSON.stringify(h.slack.callsTo('chat.update').at(-1)!.body.blocks);
    expect(final).toContain('cannot reach prod');
    expect(final).toContain('start sshd on the server');
    expect(h.slack.callsTo('files.getUploadURLExternal')).toEqual([]);
  });
});
