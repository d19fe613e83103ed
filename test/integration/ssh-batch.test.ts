/**
 * Several commands in one SSH session against a real OpenSSH sshd: each command's result as `exec` gives it,
 * its own deadline and cap, a server that stops answering midway, and a whole diagnosis batched as a fleet
 * run sends it — the same observations as unbatched, in fewer sessions (counted in sshd's own log).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { runRequest, type RunOptions } from '../../src/app/run.js';
import { findCheck } from '../../src/checks/registry.js';
import { LayoutService } from '../../src/discovery/layout-service.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import { SshTransport } from '../../src/transport/ssh/index.js';
import type { ExecResult } from '../../src/transport/transport.js';
import { sshdTarget, startSshd, type TestSshd } from '../helpers/sshd.js';

let sshd: TestSshd;
const open: SshTransport[] = [];
beforeAll(async () => {
  sshd = await startSshd({ hostKeyTypes: ['ed25519'] });
}, 60_000);
afterEach(async () => {
  sshd.freezeSessions(false);
  await Promise.all(open.splice(0).map((t) => t.close()));
});
afterAll(async () => {
  await sshd?.stop();
});

const sessions = () => (sshd.log().match(/Starting session: command/g) ?? []).length;
async function transport(): Promise<SshTransport> {
  const t = new SshTransport(await sshdTarget(sshd));
  open.push(t);
  return t;
}
const comparable = (r: ExecResult) => ({
  code: r.code,
  signal: r.signal,
  stdout: r.stdout,
  stderr: r.stderr,
  truncated: r.truncated,
  timedOut: r.timedOut,
});

test('a batch gives every command the result exec gives it, in one session', async () => {
  const binary = randomBytes(4096);
  const file = join(sshd.dir, 'batch-binary');
  writeFileSync(file, binary);
  const commands = [
    { argv: ['echo', `it's "$HOME" $(id) \`id\``] },
    { argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'] },
    { argv: ['no-such-program-oms-test'] },
    { argv: ['printf', '%s', 'no newline'] },
    { argv: ['head', '-c', '300000', '/dev/zero'], options: { maxBytes: 100_000 } },
    { argv: ['cat', file] },
  ];
  const t = await transport();
  await t.connect();
  const alone = await Promise.all(commands.map((c) => t.exec(c.argv, c.options)));
  const before = sessions();
  const batched = await Promise.all(t.execBatch(commands));
  expect(sessions() - before).toBe(1);
  expect(batched.map(comparable)).toEqual(alone.map(comparable));
  expect(batched[1]).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  expect(batched[4]!.truncated).toBe(true);
  // Binary output arrives as exec gives it (bytes decoded as UTF-8 the same way).
  expect(batched[5]!.stdout).toBe(binary.toString('utf8'));
}, 30_000);

test('a command whose line cannot be built (a NUL byte) is refused alone; the others of its batch run', async () => {
  const t = await transport();
  const [bad, good] = await Promise.allSettled(t.execBatch([{ argv: ['echo', 'a\0b'] }, { argv: ['echo', 'fine'] }]));
  expect(bad).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/NUL/) } });
  expect(good).toMatchObject({ status: 'fulfilled', value: { code: 0, stdout: 'fine\n' } });
}, 30_000);

test('a command past its own deadline is timed out; the ones after it in its session still run', async () => {
  const t = await transport();
  const started = Date.now();
  const [slow, after] = await Promise.all(
    t.execBatch([{ argv: ['sleep', '10'], options: { timeoutMs: 500 } }, { argv: ['echo', 'after'] }]),
  );
  expect(slow).toMatchObject({ timedOut: true, code: 124 });
  expect(after).toMatchObject({ code: 0, stdout: 'after\n', timedOut: false });
  expect(Date.now() - started).toBeLessThan(5000);
}, 30_000);

test('a server that stops answering midway: the finished command keeps its result, the rest time out', async () => {
  const t = await transport();
  const [first, stuck, never] = t.execBatch([
    { argv: ['echo', 'first'] },
    { argv: ['sleep', '2'], options: { timeoutMs: 1000 } },
    { argv: ['echo', 'never'] },
  ]);
  // Each command answers as soon as it finishes: freeze the server right after the first.
  expect(await first).toMatchObject({ code: 0, stdout: 'first\n', timedOut: false });
  sshd.freezeSessions(true);
  const started = Date.now();
  const [s, n] = await Promise.all([stuck!, never!]);
  sshd.freezeSessions(false);
  expect(s).toMatchObject({ timedOut: true, code: null });
  expect(n).toMatchObject({ timedOut: true, code: null, stdout: '' });
  // The local deadline of the running command: its 1 s, the 2 s kill grace, 1 s for the network.
  expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  expect(Date.now() - started).toBeLessThan(8000);
}, 30_000);

test('diagnose login batched (as a fleet runs it): the same observations as unbatched, in fewer sessions', async () => {
  const target = await sshdTarget(sshd);
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const login = playbooks.find((p) => p.id === 'login')!;
  const diagnose = async (options: RunOptions) => {
    const t = await transport();
    const before = sessions();
    const done: string[] = [];
    const r = await runRequest(
      { kind: 'diagnose', playbook: login, target },
      { id: 'console:test', via: 'cli' },
      { transportFor: () => t, findCheck, layout: new LayoutService({ transportFor: () => t }) },
      { onObservation: (o) => done.push(o.check) },
      options,
    );
    await t.close();
    if (r.kind !== 'report') throw new Error(r.kind);
    return { report: r.report, sessions: sessions() - before, done };
  };
  const alone = await diagnose({});
  const batched = await diagnose({ batch: { commandGraceMs: 60_000 } });
  const seen = (o: (typeof alone.report.observations)[number]) => ({
    check: o.check,
    status: o.status,
    summary: o.summary,
    facts: o.facts,
  });
  expect(batched.report.verdict).toBe(alone.report.verdict);
  expect(batched.report.observations.map(seen)).toEqual(alone.report.observations.map(seen));
  expect(batched.report.findings.map((f) => f.id)).toEqual(alone.report.findings.map((f) => f.id));
  // Progress is still reported check by check.
  expect(batched.done.sort()).toEqual(alone.done.sort());
  expect(alone.sessions).toBeGreaterThanOrEqual(15);
  expect(batched.sessions).toBeLessThanOrEqual(5);
}, 60_000);

/**
 * Any process on the server, of any user, that finds this batch's nonce could end a command's frame early and
 * write the next command's output. The nonce must therefore appear in no process's command line (readable by
 * every user in /proc) nor in what the batch shell passes on to its commands: this command forges markers with
 * every hex string it finds there.
 */
const FORGE_FROM_PROC =
  `for h in $({ cat /proc/[0-9]*/cmdline 2>/dev/null; env; } | tr '\\000' '\\n' | ` +
  `grep -o '[0-9a-f]\\{16,64\\}' | sort -u); do ` +
  `printf '\\n%s E 0 0\\n%s B 1\\nforged\\n' "$h" "$h"; printf '\\n%s E 0 0\\n%s B 1\\nforged\\n' "$h" "$h" >&2; done; ` +
  `exit 5`;

test("no process on the server can read the batch's nonce and forge another command's output", async () => {
  const t = await transport();
  const [attacker, victim] = await Promise.all(
    t.execBatch([{ argv: ['sh', '-c', FORGE_FROM_PROC] }, { argv: ['echo', 'real'] }]),
  );
  expect(victim).toMatchObject({ code: 0, stdout: 'real\n', stderr: '' });
  expect(attacker!.code).toBe(5);
}, 30_000);

test('a command that leaves a process holding its output does not keep the session (and its slot) open', async () => {
  const t = await transport();
  const [left, next] = await Promise.all(
    t.execBatch([{ argv: ['sh', '-c', 'sleep 20 &'] }, { argv: ['echo', 'next'] }]),
  );
  expect(left).toMatchObject({ code: 0, timedOut: false });
  expect(next).toMatchObject({ code: 0, stdout: 'next\n' });
  const until = Date.now() + 10_000;
  while (t.stats.channels > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  expect(t.stats.channels).toBe(0);
}, 30_000);

test('a command that kills the batch shell: it and the ones after it fail as unfinished, none gets another output', async () => {
  const t = await transport();
  const [before, killer, after] = await Promise.all(
    t.execBatch([
      { argv: ['echo', 'before'] },
      // The batch shell is the parent of this command's `timeout`.
      { argv: ['sh', '-c', 'echo dying; kill -KILL $(ps -o ppid= -p $PPID)'] },
      { argv: ['echo', 'after'] },
    ]),
  );
  expect(before).toMatchObject({ code: 0, stdout: 'before\n', stderr: '' });
  expect(killer).toMatchObject({ code: null, timedOut: false, stdout: 'dying\n' });
  expect(killer!.stderr).toContain('the session ended before this command finished');
  expect(after).toMatchObject({ code: null, timedOut: false, stdout: '' });
  expect(after!.stderr).toContain('the session ended before this command finished');
}, 30_000);

test('a command that closes its stdout and stderr, or writes CR and no final newline: the next one is framed', async () => {
  const t = await transport();
  const commands = [
    { argv: ['sh', '-c', 'printf "a\\r\\nb\\r"; exec 1>&- 2>&-; exit 4'] },
    { argv: ['sh', '-c', 'printf "err\\r" >&2; printf "out"'] },
  ];
  const alone = await Promise.all(commands.map((c) => t.exec(c.argv)));
  const batched = await Promise.all(t.execBatch(commands));
  expect(batched.map(comparable)).toEqual(alone.map(comparable));
  expect(batched[0]).toMatchObject({ code: 4, stdout: 'a\r\nb\r', stderr: '' });
  expect(batched[1]).toMatchObject({ code: 0, stdout: 'out', stderr: 'err\r' });
}, 30_000);
