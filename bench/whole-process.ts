/**
 * Whole-process timings, side by side and alternating (bench/alternate.ts), against a real sshd on 127.0.0.1
 * (bench/replica.ts): the built bot (`bin/oms-chatops.js diagnose login --target lab`), the operators' way (one
 * `ssh host cmd` per command of the same checklist), the one-connection limit (bench/one-connection.mjs) and
 * `ansible` ad hoc over the same inventory; then `list`, `match`, `show` and `node -e 0`, the warm in-process
 * diagnosis, and the Slack bot's start-to-connected and idle RSS. Targets are those of issue 15.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../scripts/build.js';
import { NODE_FLAGS } from '../src/node-flags.js';
import { findCheck } from '../src/checks/registry.js';
import { runPlaybook } from '../src/engine/engine.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { createTransportPool } from '../src/transport/factory.js';
import { oncePerRun } from '../src/transport/once-per-run.js';
import { shellJoin } from '../src/transport/quote.js';
import { djangoStateArgv } from '../src/checks/django-state.js';
import { alternate, median, printRows, seconds, type Row } from './alternate.js';
import { startReplica } from './replica.js';
import { slackProcessRun } from './slack-process.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'oms-chatops.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** `ansible` from Debian's package: installed here when missing and allowed (root with apt-get), else skipped. */
function ensureAnsible(): boolean {
  const has = () => spawnSync('ansible', ['--version'], { stdio: 'ignore' }).status === 0;
  if (has()) return true;
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0) {
    console.log('  preflight: installing ansible (apt-get install -y ansible) …');
    spawnSync('apt-get', ['install', '-y', '-q', 'ansible'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (has()) return true;
  console.log(
    '  ansible: not installed and could not be installed here; row skipped (install: apt-get install ansible)',
  );
  return false;
}

export async function runWholeProcessBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'oms-bench-whole-'));
  console.log(`  preflight: npm run build → ${(await buildBundle()).entry.replace(`${ROOT}/`, '')}`);
  const withAnsible = ensureAnsible();
  const replica = await startReplica(dir, (l) => console.log(`  ${l}`));
  try {
    console.log(`  server: ${replica.kind}; ${ROUNDS} alternating rounds after one warm-up round`);
    const target = replica.target;
    const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
    const login = playbooks.find((p) => p.id === 'login')!;
    const commands = login.checks.flatMap((id) =>
      findCheck(id)!
        .commands(target)
        .map((c) => shellJoin(c.sudo ? ['sudo', '-n', ...c.argv] : [...c.argv])),
    );
    const sshOptions = [
      ...['-p', String(target.port), '-i', target.privateKey!, '-F', '/dev/null', '-o', 'BatchMode=yes'],
      ...['-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${replica.knownHosts}`],
      ...['-o', 'GlobalKnownHostsFile=/dev/null', '-o', 'IdentitiesOnly=yes'],
    ];
    const sshLoop = join(dir, 'one-ssh-per-command.sh');
    const login1 = `${target.user}@127.0.0.1`;
    const loopLines = commands.map((c) => `ssh ${shellJoin([...sshOptions, login1, c])} >/dev/null 2>&1`);
    writeFileSync(sshLoop, `#!/bin/sh\n${loopLines.join('\n')}\nexit 0\n`);
    const job = join(dir, 'one-connection.json');
    const { host, port, user, privateKey, hostKey, maxConcurrency } = target;
    writeFileSync(job, JSON.stringify({ host, port, user, privateKey, hostKey, channels: maxConcurrency, commands }));

    const botEnv = { OMS_CHATOPS_CONFIG: replica.configFile };
    const rows: Row[] = [
      { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
      {
        name: 'bot: diagnose login --target lab',
        argv: [process.execPath, ...NODE_FLAGS, BIN, 'diagnose', 'login', '--target', 'lab'],
        env: botEnv,
        ok: [0, 1],
      },
      { name: `one ssh per command (${commands.length}, sequential)`, argv: ['sh', sshLoop] },
      {
        name: 'limit: one ssh2 connection, all at once',
        argv: [process.execPath, join(ROOT, 'bench', 'one-connection.mjs'), job],
      },
    ];
    if (withAnsible) {
      const inventory = join(dir, 'inventory.ini');
      const common = `-o UserKnownHostsFile=${replica.knownHosts} -o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null`;
      writeFileSync(
        inventory,
        `lab ansible_host=127.0.0.1 ansible_port=${port} ansible_user=${user} ansible_ssh_private_key_file=${privateKey} ` +
          `ansible_python_interpreter=/usr/bin/python3 ansible_ssh_common_args='${common}'\n`,
      );
      rows.push({
        name: 'ansible ad hoc (-m shell, the same commands)',
        argv: [
          'ansible',
          'lab',
          '-i',
          inventory,
          '-m',
          'shell',
          '-a',
          // Like the ssh loop: every command runs, whatever its exit status, and the run ends with 0.
          [...commands.map((c) => `${c} >/dev/null 2>&1`), 'exit 0'].join('; '),
        ],
        env: { ANSIBLE_HOST_KEY_CHECKING: 'True', ANSIBLE_LOCAL_TEMP: join(dir, 'ansible-tmp') },
      });
    }
    rows.push(
      { name: 'bot: list', argv: [process.execPath, ...NODE_FLAGS, BIN, 'list'], env: botEnv },
      {
        name: 'bot: match "超级管理员登录不上"',
        argv: [process.execPath, ...NODE_FLAGS, BIN, 'match', '超级管理员登录不上'],
        env: botEnv,
      },
      { name: 'bot: show login', argv: [process.execPath, ...NODE_FLAGS, BIN, 'show', 'login'], env: botEnv },
      // What `list` cost before the bundle: the sources through tsx (npm start).
      {
        name: 'sources via tsx: list',
        argv: [join(ROOT, 'node_modules', '.bin', 'tsx'), ...NODE_FLAGS, join(ROOT, 'src', 'main.ts'), 'list'],
        env: botEnv,
      },
    );
    const timed = alternate(rows, ROUNDS);
    printRows(timed);
    const med = (name: string) => median(timed.find((t) => t.row.name.startsWith(name))?.ms ?? []);
    const node = med('node -e 0');
    const bot = med('bot: diagnose');
    const loop = med('one ssh per command');
    const limit = med('limit:');
    const verdict = (ok: boolean) => (ok ? 'holds' : 'MISSED');
    console.log(`  one-ssh-per-command / bot = ${(loop / bot).toFixed(2)}× (target ≥ 4×: ${verdict(loop / bot >= 4)})`);
    console.log(
      `  bot / one-connection limit = ${(bot / limit).toFixed(2)}× (target ≤ 1.4×: ${verdict(bot / limit <= 1.4)})`,
    );
    if (withAnsible) console.log(`  ansible / bot = ${(med('ansible') / bot).toFixed(2)}×`);
    for (const name of ['bot: list', 'bot: match', 'bot: show login', 'sources via tsx: list']) {
      const m = med(name);
      console.log(
        `  ${name}: ${seconds(m)} = ${(m / node).toFixed(2)}× node -e 0 ` +
          `(targets: ≤ 2.5× node -e 0 ${verdict(m <= 2.5 * node)}, ≤ 0.3 s ${verdict(m <= 300)})`,
      );
    }

    // The running bot: engine + SSH on a warm pooled connection.
    const pool = createTransportPool({ env: process.env });
    const transport = pool.get(target);
    await transport.exec(['true']);
    const warm: number[] = [];
    const perCheck = new Map<string, number[]>();
    for (let i = 0; i < Math.max(ROUNDS, 10); i++) {
      const t0 = performance.now();
      // As the bot runs it (src/app/run.ts): one run's identical commands once (the two Django checks: one start).
      const report = await runPlaybook(login, target, oncePerRun(transport), { findCheck });
      warm.push(performance.now() - t0);
      for (const o of report.observations) perCheck.set(o.check, [...(perCheck.get(o.check) ?? []), o.durationMs]);
    }
    // The floor while a Django check is in the playbook: one Django start on the server (the lab only).
    const djangoStart: number[] = [];
    if (replica.kind.startsWith('the lab')) {
      const [python, manage] = djangoStateArgv(target);
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        await transport.exec([python!, manage!, 'shell', '-c', 'pass'], { timeoutMs: 30_000 });
        djangoStart.push(performance.now() - t0);
      }
    }
    await pool.closeAll();
    const w = median(warm);
    const slowest = [...perCheck]
      .map(([id, ms]) => [id, median(ms)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    console.log(
      `  in-process diagnose login, warm connection (engine + SSH), median of ${warm.length}: ${seconds(w)} (target ≤ 0.2 s: ${verdict(w <= 200)}); beyond the slowest check ${seconds(w - (slowest[0]?.[1] ?? 0))}; slowest checks (time on the server side included): ${slowest.map(([id, ms]) => `${id} ${seconds(ms)}`).join(', ')}`,
    );
    if (djangoStart.length)
      console.log(
        `  one Django start on the server alone (manage.py shell -c pass over the warm connection), median of ${djangoStart.length}: ${seconds(median(djangoStart))}`,
      );
  } finally {
    await replica.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const slack = [];
  for (let i = 0; i < 3; i++) slack.push(await slackProcessRun(BIN));
  const connected = median(slack.map((s) => s.connectedMs));
  const rss = median(slack.map((s) => s.idleRssMb));
  console.log(
    `  Slack bot (Socket Mode, fake Slack on 127.0.0.1), median of 3: start to connected ${seconds(connected)} (target ≤ 1 s: ${connected <= 1000 ? 'holds' : 'MISSED'}), idle RSS ${rss.toFixed(0)} MB (target ≤ 110 MB: ${rss <= 110 ? 'holds' : 'MISSED'})`,
  );
  console.log(
    `  machine: ${execFileSync('nproc').toString().trim()} cores, load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await runWholeProcessBench();
