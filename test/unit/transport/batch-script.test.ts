/**
 * The batch script run by the real shells it meets on servers (dash: Debian's /bin/sh; bash, also in POSIX
 * mode: Kylin's /bin/sh), its two streams read back with BatchFrames.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchFrames } from '../../../src/transport/batch-frames.js';
import { batchInput, batchScript } from '../../../src/transport/batch-script.js';
import { remoteCommand } from '../../../src/transport/ssh/channel.js';

const NONCE = randomBytes(12).toString('hex');
const SHELLS: Array<[string, string[]]> = [
  ['dash', ['/usr/bin/dash', '-c']],
  ['bash', ['/usr/bin/bash', '-c']],
  ['bash --posix', ['/usr/bin/bash', '--posix', '-c']],
];

/** Run the script as sshd does (`<shell> -c <script>`), its stdin carrying what the transport sends there. */
function run(shell: string[], script: string, input = batchInput(NONCE)): Promise<{ out: Buffer; err: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell[0]!, [...shell.slice(1), script], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', () => resolve({ out: Buffer.concat(out), err: Buffer.concat(err) }));
  });
}

describe('batchScript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oms-batch-'));
  const binary = Buffer.concat([randomBytes(20_000), Buffer.from(`\n${NONCE.slice(0, 8)} E 5 0\n`)]);
  const binaryFile = join(dir, 'binary');
  writeFileSync(binaryFile, binary);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const quoted = `it's "$HOME" \`id\` $(id) ; rm -rf /nonexistent`;
  const commands = [
    { argv: ['printf', '%s', quoted], timeoutMs: 5000 },
    { argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'], timeoutMs: 5000 },
    { argv: ['sleep', '5'], timeoutMs: 300 },
    { argv: ['printf', '%s\n', `${'e'.repeat(24)} E 3 0`, `${NONCE} E 9 0`, 'B 4'], timeoutMs: 5000 },
    { argv: ['no-such-program-oms-test'], timeoutMs: 5000 },
    { argv: ['cat', binaryFile], timeoutMs: 5000 },
    { argv: ['head', '-c', '3000000', '/dev/zero'], timeoutMs: 5000, maxBytes: 1024 * 1024 },
    // Reads its stdin: it gets nothing (not the rest of the script, not the next command's input).
    { argv: ['cat'], timeoutMs: 5000 },
  ];
  const script = batchScript(commands.map((c) => remoteCommand(c.argv, c)));

  it('never contains the nonce (what `ps` on the server shows every user): the shell reads it from stdin', () => {
    const plain = batchScript([remoteCommand(['systemctl', 'show', 'oms-backend'], { timeoutMs: 8000 })]);
    expect(plain).not.toContain(NONCE);
    expect(batchInput(NONCE)).toBe(`${NONCE}\n`);
    expect(() => batchInput('not hex!')).toThrow(/nonce/);
    expect(() => batchInput('abc123')).toThrow(/nonce/);
    expect(() => batchScript([])).toThrow(/at least one/);
  });

  it.each(SHELLS)('under %s: a session whose stdin carries no nonce runs nothing', async (_, sh) => {
    const marker = join(dir, 'ran');
    const { out, err } = await run(sh, batchScript([remoteCommand(['touch', marker], { timeoutMs: 5000 })]), '');
    expect(existsSync(marker)).toBe(false);
    expect(out.length + err.length).toBe(0);
  });

  it.each(SHELLS)('under %s: each command its own output, streams, exit status, deadline and cap', async (_, sh) => {
    const started = Date.now();
    const { out, err } = await run(sh, script);
    // The sleep was stopped by its own deadline (0.3 s), not the shell's.
    expect(Date.now() - started).toBeLessThan(4000);
    const frames = new BatchFrames(
      NONCE,
      commands.map((c) => c.maxBytes ?? 1024 * 1024),
    );
    frames.push(0, out);
    frames.push(1, err);
    frames.end();
    expect(commands.map((_, i) => frames.finished(i))).toEqual(commands.map(() => true));
    const text = (i: number) => {
      const o = frames.output(i);
      return { code: o.code, stdout: o.stdout.toString(), stderr: o.stderr.toString(), truncated: o.truncated };
    };
    expect(text(0)).toEqual({ code: 0, stdout: quoted, stderr: '', truncated: false });
    expect(text(1)).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n', truncated: false });
    expect(text(2).code).toBe(124);
    expect(text(3)).toEqual({
      code: 0,
      stdout: `${'e'.repeat(24)} E 3 0\n${NONCE} E 9 0\nB 4\n`,
      stderr: '',
      truncated: false,
    });
    expect(text(4).code).toBe(127);
    expect(text(4).stderr).toContain('no-such-program-oms-test');
    expect(frames.output(5).stdout.equals(binary)).toBe(true);
    expect(frames.output(6).stdout.length).toBe(1024 * 1024);
    expect(frames.output(6).truncated).toBe(true);
    expect(text(7)).toEqual({ code: 0, stdout: '', stderr: '', truncated: false });
    expect(frames.strayText()).toBe('');
  });

  /**
   * Forges markers with every hex string in any process's command line (readable by all users) and in its own
   * environment (what the batch shell passes on).
   */
  const forge =
    `for h in $({ cat /proc/[0-9]*/cmdline 2>/dev/null; env; } | tr '\\000' '\\n' | ` +
    `grep -o '[0-9a-f]\\{16,64\\}' | sort -u); do ` +
    `printf '\\n%s E 0 0\\n%s B 1\\nforged\\n' "$h" "$h"; done; exit 5`;

  it.each(SHELLS)('under %s: no process can find the nonce and write the next command its output', async (_, sh) => {
    const two = batchScript([
      remoteCommand(['sh', '-c', forge], { timeoutMs: 5000 }),
      remoteCommand(['echo', 'real'], { timeoutMs: 5000 }),
    ]);
    const { out, err } = await run(sh, two);
    const frames = new BatchFrames(NONCE, [1024, 1024]);
    frames.push(0, out);
    frames.push(1, err);
    frames.end();
    expect(frames.output(0).code).toBe(5);
    expect(frames.output(1).stdout.toString()).toBe('real\n');
    expect(frames.output(1).code).toBe(0);
  });
});
