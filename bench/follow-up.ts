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
  ['logdir-not-writable', ['api-not-found']],
  ['port-held-by-other', ['login']],
  ['backend-stopped', ['login', 'admin']],
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
  console.log(`median of ${RUNS} diagnoses each, over SSH, warm connection; extra round = its own wall time`);
  for (const [scenario, ids] of PAIRS) {
    const inst = await lab.up(scenario, { log: () => undefined });
    const ssh = new SshTransport(inst.target, { env: {} });
    try {
      for (const id of ids) {
        const pb = playbooks.find((p) => p.id === id)!;
        // Interleaved (with, without, with, …) so that the load of the shared machine hits both alike; the first
        // pair warms the connection and is not counted. The extra round's own wall time is measured directly:
        // from the last of the playbook's own checks to the last added one.
        const withMs: number[] = [];
        const withoutMs: number[] = [];
        const roundMs: number[] = [];
        let added = 0;
        for (let i = 0; i <= RUNS; i++) {
          for (const followEvidence of [true, false]) {
            const stamps: number[] = [];
            const started = performance.now();
            const r = await runPlaybook(
              pb,
              inst.target,
              ssh,
              { findCheck },
              { followEvidence, onObservation: () => stamps.push(performance.now()) },
            );
            const total = performance.now() - started;
            if (i === 0) continue;
            (followEvidence ? withMs : withoutMs).push(total);
            if (followEvidence) {
              added = r.followUp?.length ?? 0;
              const own = pb.checks.length;
              roundMs.push(stamps.length > own ? stamps[stamps.length - 1]! - stamps[own - 1]! : 0);
            }
          }
        }
        const extra = median(roundMs);
        console.log(
          `${scenario.padEnd(20)} ${id.padEnd(14)} without ${median(withoutMs).toFixed(0).padStart(5)} ms, ` +
            `with ${median(withMs).toFixed(0).padStart(5)} ms (+${added} checks): ` +
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
