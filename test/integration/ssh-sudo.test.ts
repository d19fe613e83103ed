/**
 * sudo through the SSH transport, as an unprivileged login user (needs root to
 * create the test user and install a temporary sudoers drop-in), and `doctor`
 * against the real sshd.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doctor } from '../../src/access/doctor.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import { classifySudoFailure, sudoersDropIn, sudoersRule } from '../../src/access/sudoers.js';
import { sshdTarget, startSshd, TEST_USER, type TestSshd } from '../helpers/sshd.js';

const asRoot = process.getuid?.() === 0 && existsSync('/usr/bin/sudo') && existsSync('/usr/sbin/visudo');
/**
 * These tests need root (they create a test user and install a sudoers drop-in).
 * Without it they fail with the reason — never a silent skip.
 */
const rootOnly = (name: string, fn: () => Promise<void>) =>
  test(name, async () => {
    if (!asRoot)
      throw new Error('this test needs root, /usr/bin/sudo and /usr/sbin/visudo: run `npm test` as root (CI does)');
    await fn();
  });
/** No `.` in the name, or sudo ignores the file. */
const DROP_IN = `/etc/sudoers.d/${TEST_USER}`;

let sshd: TestSshd;
const open: SshTransport[] = [];

async function transport(over: Record<string, unknown> = {}) {
  const tr = new SshTransport(await sshdTarget(sshd, over));
  open.push(tr);
  return tr;
}

function installDropIn(text: string): void {
  const tmp = join(sshd.dir, 'sudoers-candidate');
  writeFileSync(tmp, text, { mode: 0o440 });
  execFileSync('/usr/sbin/visudo', ['-cf', tmp], { stdio: 'pipe' });
  writeFileSync(DROP_IN, text, { mode: 0o440 });
}

beforeAll(async () => {
  sshd = await startSshd();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

afterAll(async () => {
  rmSync(DROP_IN, { force: true });
  await sshd?.stop();
});

rootOnly('the generated drop-in passes visudo -cf', async () => {
  const file = join(sshd.dir, 'oms-chatops');
  writeFileSync(file, sudoersDropIn(await sshdTarget(sshd), 'omsbot'));
  expect(execFileSync('/usr/sbin/visudo', ['-cf', file]).toString()).toMatch(/parsed OK/);
});

rootOnly('without a rule, sudo -n refuses at once and the refusal is explained with the exact line', async () => {
  rmSync(DROP_IN, { force: true });
  const tr = await transport();
  const r = await tr.exec(['/usr/bin/true'], { sudo: true });
  expect(r.code).not.toBe(0);
  expect(r.timedOut).toBe(false);
  const refusal = classifySudoFailure(r.stderr, ['/usr/bin/true'], TEST_USER);
  expect(refusal).not.toBeNull();
  expect(refusal!.sudoersLine).toBe(`${TEST_USER} ALL=(root) NOPASSWD: /usr/bin/true`);
});

rootOnly('with the drop-in, sudo -n works for listed commands only; others are classified', async () => {
  installDropIn(`${sudoersRule(TEST_USER, ['/usr/bin/true'])}\n`);
  const tr = await transport();
  const ok = await tr.exec(['/usr/bin/true'], { sudo: true });
  expect(ok).toMatchObject({ code: 0, stderr: '' });
  const other = await tr.exec(['/usr/bin/id', '-u'], { sudo: true });
  expect(other.code).toBe(1);
  const refusal = classifySudoFailure(other.stderr, ['/usr/bin/id', '-u'], TEST_USER);
  expect(refusal?.kind).toMatch(/password_required|not_allowed/);
  expect(refusal?.sudoersLine).toBe(`${TEST_USER} ALL=(root) NOPASSWD: /usr/bin/id -u`);
});

rootOnly(
  'doctor: every line ok with exactly the drop-in; warns on extra rules; fails on a missing program',
  async () => {
    const target = await sshdTarget(sshd);
    installDropIn(sudoersDropIn(target, TEST_USER));
    const lines = await doctor(target, { transport: await transport(), programs: ['/usr/bin/systemctl', 'ss'] });
    expect(lines.map((l) => [l.item, l.status])).toEqual([
      ['config', 'ok'],
      ['key', 'ok'],
      ['host key', 'ok'],
      ['login', 'ok'],
      ['program /usr/bin/systemctl', 'ok'],
      ['program ss', 'ok'],
      ['sudo', 'ok'],
    ]);

    installDropIn(sudoersDropIn(target, TEST_USER) + `${sudoersRule(TEST_USER, ['/usr/bin/true'])}\n`);
    const more = await doctor(target, {
      transport: await transport(),
      programs: ['/usr/sbin/no-such-prog', 'no-such-prog'],
    });
    expect(more.filter((l) => l.status !== 'ok').map((l) => [l.item, l.status])).toEqual([
      ['program /usr/sbin/no-such-prog', 'fail'],
      ['program no-such-prog', 'fail'],
      ['sudo', 'warn'],
    ]);
    expect(more.at(-1)!.detail).toContain('/usr/bin/true');

    rmSync(DROP_IN, { force: true });
    const none = await doctor(target, { transport: await transport(), programs: [] });
    expect(none.at(-1)).toMatchObject({ item: 'sudo', status: 'fail' });
    expect(none.at(-1)!.hint).toContain(`Defaults:${TEST_USER} !requiretty`);
  },
);

test('doctor stops at the first broken step: wrong pinned host key', async () => {
  const target = await sshdTarget(sshd, { hostKey: sshd.hostKeys.rsa!.fingerprint });
  const lines = await doctor(target, {
    transport: await transport({ hostKey: sshd.hostKeys.rsa!.fingerprint }),
    programs: ['ss'],
  });
  expect(lines.map((l) => [l.item, l.status])).toEqual([
    ['config', 'ok'],
    ['key', 'ok'],
    ['host key', 'fail'],
  ]);
  expect(lines[2]!.detail).toContain(sshd.hostKeys.ed25519!.fingerprint);
});

test('doctor: refused login and unreadable key', async () => {
  const stranger = await sshdTarget(sshd, { privateKey: sshd.keys.stranger.path });
  const lines = await doctor(stranger, {
    transport: await transport({ privateKey: sshd.keys.stranger.path }),
    programs: [],
  });
  expect(lines.at(-1)).toMatchObject({ item: 'login', status: 'fail' });
  const missing = await sshdTarget(sshd, { privateKey: '/nonexistent/key' });
  const l2 = await doctor(missing, { transport: await transport({ privateKey: '/nonexistent/key' }), programs: [] });
  expect(l2.at(-1)).toMatchObject({ item: 'key', status: 'fail' });
  const unpinned = await sshdTarget(sshd, { hostKey: undefined });
  const l3 = await doctor(unpinned, { transport: await transport({ hostKey: undefined }), programs: [] });
  expect(l3).toEqual([expect.objectContaining({ item: 'config', status: 'fail' })]);
});

rootOnly(
  'sudo -n in a batch session (a fleet run batches read-only checks): each result as exec gives it',
  async () => {
    installDropIn(`${sudoersRule(TEST_USER, ['/usr/bin/id', '-u'])}\n`);
    const tr = await transport();
    const commands = [
      { argv: ['/usr/bin/id', '-u'], options: { sudo: true } },
      { argv: ['/usr/bin/id', '-un'], options: { sudo: true } },
      { argv: ['/usr/bin/id', '-u'] },
    ];
    const seen = (r: { code: number | null; stdout: string; stderr: string; timedOut: boolean }) => ({
      code: r.code,
      stdout: r.stdout,
      stderr: r.stderr,
      timedOut: r.timedOut,
    });
    const alone = await Promise.all(commands.map((c) => tr.exec(c.argv, c.options)));
    const batched = await Promise.all(tr.execBatch(commands));
    expect(batched.map(seen)).toEqual(alone.map(seen));
    expect(batched[0]).toMatchObject({ code: 0, stdout: '0\n' });
    // Not in the rule: refused as alone, and explained the same way.
    expect(batched[1]!.code).toBe(1);
    expect(classifySudoFailure(batched[1]!.stderr, ['/usr/bin/id', '-un'], TEST_USER)).not.toBeNull();
    expect(batched[2]!.stdout).not.toBe('0\n');
  },
);
