/**
 * The cost of following the evidence (src/engine/follow-up.ts) on the lab: the same real server diagnosed over SSH
 * with and without the extra round, for (scenario, playbook) pairs where the round adds checks. Target: the extra
 * round adds at most 300 ms. Needs the lab (root, systemd-nspawn, the cached image); says why when it cannot run.
 */
import { execFileSync } from 'node:child_process';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { findCheck } from '../src/checks/registry.js';
import { runPlaybook } from '../src/engine/engine.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { SshTransport } from '../src/transport/ssh/index.js';

const PAIRS: Array<[string, string[]]> = [
  ['port-held-by-other', ['api-not-found', 'login']],
  ['unit-user-www-data', ['api-not-found', 'login']],
  ['backend-stopped', ['login']],
];
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runFollowUpBench(): Promise<void> {
  const lab = await import('../test/lab/lab.js');
  const problem = lab.labPreflight() ?? imageProblem(lab.ensureImage);
  if (problem) {
    console.log(`skipped: the lab cannot run here (${problem})`);
    return;
  }
  const t0 = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  console.log(`node -e 0: ${(performance.now() - t0).toFixed(0)} ms (for scale)`);
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  console.log(`median of ${RUNS} diagnoses each, over SSH, warm connection; extra = with − without`);
  for (const [scenario, ids] of PAIRS) {
    const inst = await lab.up(scenario, { log: () => undefined });
    const ssh = new SshTransport(inst.target, { env: {} });
    try {
      for (const id of ids) {
        const pb = playbooks.find((p) => p.id === id)!;
        const time = async (followEvidence: boolean) => {
          const ms: number[] = [];
          let added = 0;
          for (let i = 0; i < RUNS + 1; i++) {
            const started = performance.now();
            const r = await runPlaybook(pb, inst.target, ssh, { findCheck }, { followEvidence });
            // The first run warms the connection and is not counted.
            if (i > 0) ms.push(performance.now() - started);
            added = r.followUp?.length ?? 0;
          }
          return { ms: median(ms), added };
        };
        const without = await time(false);
        const withRound = await time(true);
        const extra = withRound.ms - without.ms;
        console.log(
          `${scenario.padEnd(20)} ${id.padEnd(14)} without ${without.ms.toFixed(0).padStart(5)} ms, ` +
            `with ${withRound.ms.toFixed(0).padStart(5)} ms (+${withRound.added} checks): ` +
            `extra round ${extra.toFixed(0).padStart(4)} ms ${extra <= 300 ? '(≤ 300 ms target: met)' : '(over the 300 ms target)'}`,
        );
      }
    } finally {
      await ssh.close();
      await inst.down();
    }
  }
}

function imageProblem(ensureImage: (log: () => void, o: { allowBuild: boolean }) => unknown): string | null {
  try {
    ensureImage(() => undefined, { allowBuild: false });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
