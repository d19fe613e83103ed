/**
 * `npm run bench -- fleet`: a simulated fleet of 30 servers — 30 real sshd processes on 127.0.0.1, each on
 * its own port with its own ed25519 host key, pinned in the config — plus one dead target (port closed)
 * and one hung target (accepts TCP, never sends the SSH greeting). The built bot runs
 * `diagnose login --target all` as a whole process under /usr/bin/time -v, in rounds alternating with
 * `node -e 0`; medians of wall time and peak RSS are printed beside issue 13's targets (≤ 3 s, ≤ 250 MB).
 * The simulated hosts have no OMS, so their checks fail: the fan-out is what is measured. Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../scripts/build.js';
import { NODE_FLAGS } from '../src/node-flags.js';
import { startSshdFleet } from '../test/helpers/sshd-fleet.js';
import { median } from './alternate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'oms-chatops.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SERVERS = Number(process.env.BENCH_FLEET ?? 30);
const TIME = '/usr/bin/time';

interface Measured {
  wallMs: number;
  /** CPU of the 30 simulated servers during the run (their cpuacct cgroup), when one could be made. */
  serversMs?: number;
  rssKb: number;
  /** CPU of the bot's own process (user + system): the rest of the wall time is the servers' and the wait. */
  cpuMs: number;
  code: number | null;
}

/** One run under /usr/bin/time -v: wall clock and the peak resident set of the process. */
function measure(argv: string[], env: Record<string, string>, cwd: string): Measured {
  const r = spawnSync(TIME, ['-v', ...argv], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
  });
  const err = r.stderr ?? '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const wallMs = wall ? ((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1000 : NaN;
  const exit = /Exit status: (\d+)/.exec(err);
  const cpu = (what: string) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(err)?.[1] ?? NaN);
  return {
    wallMs,
    rssKb: rss ? Number(rss[1]) : NaN,
    cpuMs: (cpu('User') + cpu('System')) * 1000,
    code: exit ? Number(exit[1]) : r.status,
  };
}

/**
 * The simulated servers' CPU: their sshd listeners (and so every session and command they fork) in a cpuacct
 * cgroup of their own (cgroup v1, as root). Undefined where that cannot be made; nothing else changes then.
 */
function serversCpu(pids: readonly number[]): { usageMs(): number; remove(): void } | undefined {
  const dir = `/sys/fs/cgroup/cpuacct/oms-bench-fleet-${process.pid}`;
  try {
    mkdirSync(dir);
    for (const pid of pids) writeFileSync(join(dir, 'cgroup.procs'), String(pid));
  } catch {
    return undefined;
  }
  return {
    usageMs: () => Number(readFileSync(join(dir, 'cpuacct.usage'), 'utf8')) / 1e6,
    remove: () => {
      try {
        rmdirSync(dir);
      } catch {
        // a process is still in it; the cgroup is left empty-handed, harmless
      }
    },
  };
}

/**
 * The size of sudo's timestamp file of the simulated servers' login user, in records. That user may run
 * nothing through sudo, so every `sudo -n` of a run is refused after sudo has read this file record by record;
 * the file gains records with every session that ran sudo (each test and benchmark run on this machine), so a
 * refused sudo cost 5 ms on a fresh file and 25-30 ms at 32,000 records (docs/fleet.md). Printed so that the
 * servers' CPU of runs at different times can be compared; the file is not touched.
 */
function sudoTimestampRecords(user: string): number | undefined {
  for (const dir of ['/run/sudo/ts', '/var/run/sudo/ts', '/var/lib/sudo/ts']) {
    try {
      // sudo 1.8.10+ records: 56 bytes each on 64-bit Linux (struct timestamp_entry).
      return Math.round(statSync(join(dir, user)).size / 56);
    } catch {
      // not there: another layout, or no sudo run yet
    }
  }
  return undefined;
}

export async function runFleetBench(): Promise<void> {
  if (!existsSync(TIME)) {
    console.log(`  ${TIME} is missing (apt-get install time): nothing measured`);
    return;
  }
  console.log(`  preflight: npm run build → ${(await buildBundle()).entry.replace(`${ROOT}/`, '')}`);
  const t0 = performance.now();
  const fleet = await startSshdFleet(SERVERS);
  console.log(
    `  fleet: ${SERVERS} sshd on 127.0.0.1 (own host key each, pinned) + dead :${fleet.deadPort} ` +
      `+ hung :${fleet.hungPort}, started in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'oms-bench-fleet-'));
  const servers = serversCpu(fleet.servers.map((s) => Number(readFileSync(join(s.dir, 'sshd.pid'), 'utf8'))));
  // The servers' CPU of one run: its sessions end with the bot; a moment for the last ones to be reaped.
  const measureFleet = async (argv: string[], env: Record<string, string>): Promise<Measured> => {
    const before = servers?.usageMs();
    const m = measure(argv, env, dir);
    if (!servers || before === undefined) return m;
    await new Promise((r) => setTimeout(r, 300));
    return { ...m, serversMs: servers.usageMs() - before };
  };
  try {
    const config = join(dir, 'oms-chatops.yml');
    writeFileSync(config, fleet.configYaml());
    const env = { OMS_CHATOPS_CONFIG: config };
    const bot = [process.execPath, ...NODE_FLAGS, BIN, 'diagnose', 'login', '--target', 'all'];
    const base = [process.execPath, '-e', '0'];
    // Another build of the bot (BENCH_FLEET_OTHER=path/to/bin/oms-chatops.js, e.g. the code before a change)
    // alternating with this one, so that both see the same load from other work on the machine.
    const other = process.env.BENCH_FLEET_OTHER
      ? [process.execPath, ...NODE_FLAGS, process.env.BENCH_FLEET_OTHER, ...bot.slice(2 + NODE_FLAGS.length)]
      : [];
    const runs: { bot: Measured[]; other: Measured[]; node: Measured[] } = { bot: [], other: [], node: [] };
    // One warm-up round (page cache, sshd's first fork), then alternating rounds.
    measure(bot, env, dir);
    for (let i = 0; i < ROUNDS; i++) {
      // The order swaps every round, so neither build always runs first.
      const pair = i % 2 === 0 ? [bot, other] : [other, bot];
      for (const argv of pair)
        if (argv.length) (argv === bot ? runs.bot : runs.other).push(await measureFleet(argv, env));
      runs.node.push(measure(base, {}, dir));
    }
    // The SSH sessions one run opens on the simulated servers (sshd logs each at LogLevel VERBOSE).
    const sessions = () =>
      fleet.servers.reduce((n, s) => n + (s.log().match(/Starting session: command/g) ?? []).length, 0);
    const sessionsBefore = sessions();
    const json = spawnSync(process.execPath, [...bot.slice(1), '--json'], {
      cwd: dir,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const summary = (JSON.parse(json.stdout) as { summary: { counts: Record<string, number> } }).summary;
    const show = (name: string, m: Measured[], target?: { s: number; mb: number }) => {
      const wall = median(m.map((x) => x.wallMs)) / 1000;
      const mb = median(m.map((x) => x.rssKb)) / 1024;
      const verdict = target
        ? `  (target ≤ ${target.s} s: ${wall <= target.s ? 'met' : 'MISSED'}; ≤ ${target.mb} MB: ` +
          `${mb <= target.mb ? 'met' : 'MISSED'})`
        : '';
      const codes = [...new Set(m.map((x) => x.code))].join(',');
      const serversMs = m.flatMap((x) => (x.serversMs === undefined ? [] : [x.serversMs]));
      const serversText = serversMs.length ? `servers' cpu ${(median(serversMs) / 1000).toFixed(2)} s  ` : '';
      console.log(
        `  ${name.padEnd(48)} wall ${wall.toFixed(3)} s (min ${(Math.min(...m.map((x) => x.wallMs)) / 1000).toFixed(3)}, ` +
          `max ${(Math.max(...m.map((x) => x.wallMs)) / 1000).toFixed(3)})  ` +
          `cpu ${(median(m.map((x) => x.cpuMs)) / 1000).toFixed(2)} s  ${serversText}peak RSS ${mb.toFixed(0)} MB  ` +
          `exit ${codes}${verdict}`,
      );
    };
    console.log(`  ${ROUNDS} alternating rounds after one warm-up; medians:`);
    show(`bot: diagnose login --target all (${SERVERS + 2} targets)`, runs.bot, { s: 3, mb: 250 });
    if (runs.other.length) show(`other build: ${process.env.BENCH_FLEET_OTHER}`, runs.other);
    show('node -e 0', runs.node);
    console.log(`  verdicts of the last run: ${JSON.stringify(summary.counts)}`);
    const perRun = sessions() - sessionsBefore;
    console.log(`  SSH sessions in the last run: ${perRun} (${(perRun / SERVERS).toFixed(1)} per reachable target)`);
    const records = sudoTimestampRecords(fleet.servers[0]!.user);
    if (records !== undefined)
      console.log(
        `  sudo's timestamp file of ${fleet.servers[0]!.user}: ${records} records (each refused sudo reads it)`,
      );
    console.log(
      `  machine load (1/5/15 min): ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
  } finally {
    await fleet.stop();
    servers?.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
