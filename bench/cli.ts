import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, findCheck } from '../src/checks/registry.js';
import { localTarget } from '../src/config/target.js';
import { runPlaybook } from '../src/engine/engine.js';
import { matchIntent } from '../src/intent/match.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { LocalTransport } from '../src/transport/local.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { min: s[0]!, p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

/** `npm start -- diagnose login` on a machine without OMS (target: under 3 s), and the in-process engine. */
export async function runCliBench(): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'main.ts'), 'diagnose', 'login'], {
        stdio: 'ignore',
        cwd: ROOT,
      });
    } catch {
      // Exit 1 means "problem found", which is expected on a machine without OMS.
    }
    runs.push(performance.now() - t0);
  }
  const cli = stats(runs);
  console.log(
    `diagnose login, whole process (tsx start + playbooks + ${CHECKS.length} checks available), 5 runs: p50 ${cli.p50.toFixed(0)} ms, max ${cli.max.toFixed(0)} ms (target < 3000 ms)`,
  );

  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const login = playbooks.find((p) => p.id === 'login')!;
  const transport = new LocalTransport();
  const engine: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await runPlaybook(login, localTarget(), transport, { findCheck });
    engine.push(performance.now() - t0);
  }
  const e = stats(engine);
  console.log(
    `diagnose login, engine only (${login.checks.length} checks, local transport): p50 ${e.p50.toFixed(0)} ms, max ${e.max.toFixed(0)} ms`,
  );

  const samples = [
    '[ERROR] Worker (pid:3321281) was sent SIGTERM!',
    'status=217/USER',
    '超级管理员登录不上',
    '接口全404了',
    'backend seems down',
    '今天中午吃什么',
    'Assignment outside of section. Ignoring.',
  ];
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) matchIntent(samples[i % samples.length]!, playbooks);
  const perMatch = (performance.now() - t0) / n;
  console.log(
    `intent match: ${(perMatch * 1000).toFixed(1)} µs per message on average over ${n} messages (target < 1 ms)`,
  );
}
