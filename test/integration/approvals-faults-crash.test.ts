/**
 * The bot SIGKILLed between the claim (executing) and the result, then
 * restarted: two real processes on one file store. After the restart the
 * approval is `unknown` (its owner process is gone), audited, never run again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditLog } from '../../src/audit/audit-log.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD = join(ROOT, 'test', 'helpers', 'approval-child.ts');

it('SIGKILL between claim and result; after the restart the approval ends unknown, audited, and runs no more', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oms-faults-crash-'));
  const bot = spawn(process.execPath, ['--import', 'tsx', CHILD, 'approve', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  bot.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const id = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child never reached sudo: ${out}\n${err}`)), 60_000);
    bot.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ID (\S+)\n[\s\S]*SUDO/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    bot.once('exit', (code) => reject(new Error(`the child exited (${code}) before sudo: ${out}\n${err}`)));
  });
  const exited = new Promise((r) => bot.once('exit', r));
  bot.kill('SIGKILL'); // the fault: the bot dies while the restart runs
  await exited;

  const restarted = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, 'restart', dataDir, id], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`restart failed: ${stderr}`))));
  });
  const r = JSON.parse(restarted) as {
    swept: { kind: string; message: string }[];
    again: { kind: string; code?: string };
    status: string;
  };
  expect(r.swept).toEqual([
    {
      kind: 'unknown',
      message: expect.stringMatching(/is gone.*may or may not have run: check `systemctl status oms-backend`/),
    },
  ]);
  expect(r.again).toMatchObject({ kind: 'refused', code: 'already-decided' });
  expect(r.status).toBe('unknown');
  const events = (await new AuditLog({ file: join(dataDir, 'audit.jsonl') }).read())
    .filter((e) => e.approvalId === id)
    .map((e) => e.event);
  expect(events).toEqual(['action.requested', 'action.approved', 'action.unknown', 'action.refused']);
  expect(await new AuditLog({ file: join(dataDir, 'audit.jsonl') }).verify()).toMatchObject({ ok: true });
  // The restart was sent once, by the process that was killed (node runs the child itself: its pid is the bot's).
  const sudo = readFileSync(join(dataDir, 'sudo.log'), 'utf8').split('\n').filter(Boolean);
  expect(sudo).toEqual([`${bot.pid} /usr/bin/systemctl restart oms-backend`]);
}, 120_000);
