/**
 * End to end on the lab (test/lab/): for every scenario, a real systemd host
 * booted with systemd-nspawn, diagnosed over SSH as `omsbot` by the real
 * playbooks, checks and engine — with the scenario's playbook and with the
 * full checklist — must put the scenario's root cause first, and the healthy
 * baseline must raise nothing. Scenarios boot one after another from the
 * cached image; the suite prints how long each step took.
 *
 * Needs root, debootstrap and systemd-container (the pretest step installs
 * them). If the lab cannot run, every test here fails with the reason.
 */
import { findCheck } from '../../src/checks/registry.js';
import { runPlaybook } from '../../src/engine/engine.js';
import type { Report } from '../../src/engine/report.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import type { Playbook } from '../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../src/playbooks/registry-adapter.js';
import { SshTransport } from '../../src/transport/ssh.js';
import { cleanupOnExit, ensureImage, labPreflight, SCENARIOS, up, type LabInstance } from '../lab/lab.js';

const SECRETS = ['h6inws=y*4^9))7!nr*2l+ek-+p29%1k@@#mpnj8q5nj@r8!q&', 'EVuWdnct2NUwk9oKAAJK', 'nxcG0fXEWVsXKBOJWBPhDY26'];
const HEALTHY_PLAYBOOKS = ['login', 'api-not-found', 'admin', 'service-start', 'worker-sigterm', 'checklist'];

const live: LabInstance[] = [];
let release: (() => void) | undefined;
let playbooks: Playbook[] = [];
let setupError: Error | undefined;
const timings: { step: string; seconds: number }[] = [];
const suiteStart = Date.now();

const serious = (r: Report) => r.findings.filter((f) => f.severity !== 'info');
const describeReport = (r: Report) =>
  [
    `verdict ${r.verdict}; findings: ${r.findings.map((f) => `${f.id}(${f.severity})`).join(', ') || 'none'}`,
    ...r.observations.filter((o) => o.status !== 'ok').map((o) => `  ${o.check} ${o.status} [${o.signals.join(',')}]: ${o.summary}`),
  ].join('\n');

beforeAll(async () => {
  release = cleanupOnExit(() => live);
  try {
    const problem = labPreflight();
    if (problem) throw new Error(problem);
    const t0 = Date.now();
    const image = ensureImage((line) => process.stderr.write(`${line}\n`));
    timings.push({ step: `image (rootfs built ${image.built.rootfsS.toFixed(0)} s, provisioned ${image.built.imageS.toFixed(0)} s; 0 = cached)`, seconds: (Date.now() - t0) / 1000 });
    playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  } catch (err) {
    setupError = err as Error;
  }
}, 20 * 60_000);

afterAll(async () => {
  for (const inst of live.splice(0)) await inst.down();
  release?.();
  timings.push({ step: 'whole suite', seconds: (Date.now() - suiteStart) / 1000 });
  process.stdout.write(`\nlab e2e timings:\n${timings.map((t) => `  ${t.seconds.toFixed(1).padStart(7)} s  ${t.step}`).join('\n')}\n`);
}, 120_000);

/** Boot a scenario, hand it to `fn` with an SSH transport, always tear it down. */
async function withLab(name: string, fn: (inst: LabInstance, ssh: SshTransport) => Promise<void>): Promise<void> {
  if (setupError) throw new Error(`lab set-up failed: ${setupError.message}`);
  const t0 = Date.now();
  const inst = await up(name, { log: (line) => process.stderr.write(`${line}\n`) });
  live.push(inst);
  const ssh = new SshTransport(inst.target, { env: {} });
  const t1 = Date.now();
  try {
    await fn(inst, ssh);
  } finally {
    await ssh.close();
    const t2 = Date.now();
    await inst.down();
    live.splice(live.indexOf(inst), 1);
    timings.push({
      step: `${name}: up ${((t1 - t0) / 1000).toFixed(1)} s (boot ${inst.timings.bootS.toFixed(1)} s), diagnose ${((t2 - t1) / 1000).toFixed(1)} s, down ${((Date.now() - t2) / 1000).toFixed(1)} s`,
      seconds: (Date.now() - t0) / 1000,
    });
  }
}

function diagnose(inst: LabInstance, ssh: SshTransport, playbookId: string): Promise<Report> {
  const playbook = playbooks.find((p) => p.id === playbookId);
  if (!playbook) throw new Error(`no playbook ${playbookId}`);
  return runPlaybook(playbook, inst.target, ssh, { findCheck });
}

function expectNoSecrets(report: Report): void {
  const json = JSON.stringify(report);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
}

describe('the lab: real servers, diagnosed over SSH', () => {
  it('the lab can run here (root, debootstrap, systemd-nspawn) and the image is built', () => {
    if (setupError) throw new Error(`lab set-up failed: ${setupError.message}`);
    expect(playbooks.map((p) => p.id)).toEqual(expect.arrayContaining(HEALTHY_PLAYBOOKS));
  });

  it('healthy baseline: every playbook says ok, no check complains', async () => {
    await withLab('healthy', async (inst, ssh) => {
      for (const pb of HEALTHY_PLAYBOOKS) {
        const report = await diagnose(inst, ssh, pb);
        const context = `${pb}\n${describeReport(report)}`;
        expect({ context, serious: serious(report).map((f) => f.id) }).toEqual({ context, serious: [] });
        expect({ context, notOk: report.observations.filter((o) => o.status !== 'ok').map((o) => o.check) }).toEqual({ context, notOk: [] });
        expect(report.verdict).toBe('ok');
        expectNoSecrets(report);
      }
    });
  }, 180_000);

  const faults = SCENARIOS.filter((s) => s.name !== 'healthy');
  it.each(faults.map((s) => [s.name, s] as const))('%s: the root cause first, with its playbook and with the checklist', async (name, scenario) => {
    await withLab(name, async (inst, ssh) => {
      for (const pb of [scenario.playbook, 'checklist']) {
        const report = await diagnose(inst, ssh, pb);
        const context = `${name} / ${pb}\n${describeReport(report)}`;
        const first = serious(report)[0];
        expect({ context, first: first?.id ?? null }).toEqual({ context, first: scenario.rootCause });
        expect({ context, verdict: report.verdict }).toEqual({ context, verdict: scenario.verdict ?? (scenario.rootCause ? 'problem' : 'ok') });
        for (const id of scenario.infoFindings ?? []) expect({ context, has: report.findings.some((f) => f.id === id) }).toEqual({ context, has: true });
        if (first) {
          expect(first.fix.length).toBeGreaterThan(40);
          expect(first.evidence.length).toBeGreaterThan(0);
        }
        expectNoSecrets(report);
      }
    });
  }, 180_000);
});
