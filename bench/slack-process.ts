/**
 * The Slack bot as a whole process (bin/oms-chatops.js, Socket Mode) against the fake Slack Web API and fake
 * Socket Mode service on 127.0.0.1: time from spawn to "connected" (its stderr line, printed once the WebSocket
 * is open), and its resident set size after it has sat idle.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../scripts/build.js';
import { NODE_FLAGS } from '../src/node-flags.js';
import { median, seconds } from './alternate.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { FakeSocketMode } from '../test/helpers/fake-socket-mode.js';

export interface SlackProcessRun {
  connectedMs: number;
  idleRssMb: number;
}

export async function slackProcessRun(bin: string, idleMs = 3000): Promise<SlackProcessRun> {
  const slack = await new FakeSlack().start();
  const sm = await new FakeSocketMode().start();
  sm.serveConnectionsOpen(slack);
  const cwd = mkdtempSync(join(tmpdir(), 'oms-bench-slack-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, bin], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      SLACK_BOT_TOKEN: 'xoxb-bench-5f1d2a9c0b7e',
      SLACK_APP_TOKEN: 'xapp-1-A0OMS-bench-8c3e6b1f4d2a',
      SLACK_API_URL: slack.apiUrl,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  try {
    const connectedMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not connect within 30 s:\n${err}`)), 30_000);
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        if (/Slack front end, Socket Mode/.test(err)) {
          clearTimeout(timer);
          resolve(performance.now() - t0);
        }
      });
      child.on('exit', (code) => reject(new Error(`the bot exited (${code}) before connecting:\n${err}`)));
    });
    if (sm.connections.length !== 1)
      throw new Error(`expected one Socket Mode connection, saw ${sm.connections.length}`);
    await new Promise((r) => setTimeout(r, idleMs));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
    return { connectedMs, idleRssMb: kb / 1024 };
  } finally {
    child.kill('SIGKILL');
    await sm.stop();
    await slack.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- slack`: build the bundle, then start the Slack bot `rounds` times (alternating with `node -e 0`)
 * and print the medians of start to connected and idle RSS. Targets of issue 15: ≤ 1 s and ≤ 110 MB.
 */
export async function runSlackProcessBench(rounds = Number(process.env.BENCH_ROUNDS ?? 5)): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(`  preflight: npm run build → ${(await buildBundle()).entry.replace(`${root}/`, '')}`);
  const bin = join(root, 'bin', 'oms-chatops.js');
  const runs: SlackProcessRun[] = [];
  const node: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    node.push(performance.now() - t0);
    runs.push(await slackProcessRun(bin));
  }
  const connected = median(runs.map((r) => r.connectedMs));
  const rss = median(runs.map((r) => r.idleRssMb));
  const all = (xs: number[], f: (x: number) => string) => xs.map(f).join(' ');
  console.log(
    `  Slack bot (Socket Mode, fake Slack on 127.0.0.1), median of ${rounds}: start to connected ${seconds(connected)} ` +
      `(target ≤ 1 s: ${connected <= 1000 ? 'holds' : 'MISSED'}), idle RSS ${rss.toFixed(1)} MB ` +
      `(target ≤ 110 MB: ${rss <= 110 ? 'holds' : 'MISSED'}); node -e 0 ${seconds(median(node))}`,
  );
  console.log(
    `  runs: connected ${all(
      runs.map((r) => r.connectedMs),
      (ms) => seconds(ms),
    )}; RSS ${all(
      runs.map((r) => r.idleRssMb),
      (mb) => `${mb.toFixed(1)} MB`,
    )}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runSlackProcessBench();
