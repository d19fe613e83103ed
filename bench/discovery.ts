/**
 * Layout discovery and the support bundle on the lab (test/lab/, scenario relocated-install: a healthy
 * install under /srv/erp), over SSH as omsbot. Prints, asserts nothing:
 *   - what discovery adds to the first diagnosis of a target (a fresh SSH connection and an empty cache,
 *     against the same diagnosis with every path in the config), and to later ones (cache in the file store);
 *   - the same server diagnosed with the notes' layout and no discovery (why discovery is there);
 *   - `bundle`: time, size and how many of the replica's decoy secrets are in it (targets ≤ 3 s, ≤ 10 MiB, 0).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectBundle } from '../src/app/layout.js';
import { playbookRegistry } from '../src/app/playbook-registry.js';
import { runRequest } from '../src/app/run.js';
import { findCheck } from '../src/checks/registry.js';
import { parseConfig } from '../src/config/config.js';
import type { Target } from '../src/config/target.js';
import { storeLayoutCache } from '../src/discovery/layout-cache.js';
import { LayoutService } from '../src/discovery/layout-service.js';
import { loadPlaybooks } from '../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../src/playbooks/paths.js';
import { FileStore } from '../src/store/file-store.js';
import { SshTransport } from '../src/transport/ssh/index.js';
import { unpack } from '../test/helpers/bundle-fixture.js';

const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function nodeStartMs(): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

export async function runDiscoveryBench(): Promise<void> {
  const lab = await import('../test/lab/lab.js');
  const problem = lab.labPreflight();
  if (problem) {
    console.log(`discovery bench skipped: the lab cannot run here (${problem})`);
    return;
  }
  lab.ensureImage(() => undefined, { allowBuild: false });
  const dir = mkdtempSync(join(tmpdir(), 'oms-bench-discovery-'));
  const inst = await lab.up('relocated-install', { log: () => undefined });
  try {
    const t = inst.target;
    const minimal = parseConfig(
      [
        'targets:',
        '  lab:',
        `    host: ${t.host}`,
        `    port: ${t.port}`,
        `    user: ${t.user}`,
        `    privateKey: ${t.privateKey}`,
        `    hostKey: "${t.hostKey}"`,
        `    publicUrl: ${t.publicUrl}`,
      ].join('\n'),
      'bench.yml',
    );
    const target = minimal.targets.get('lab')!;
    const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
    const checklist = playbooks.find((p) => p.id === 'checklist')!;
    const actor = { id: 'bench', via: 'console' as const };
    const cache = storeLayoutCache(new FileStore({ dir: join(dir, 'store') }));

    /** One diagnosis on its own fresh SSH connection; `layout` absent: the target is used as configured. */
    const diagnoseOnce = async (tg: Target, layout?: LayoutService, ssh = new SshTransport(tg, { env: {} })) => {
      const deps = { transportFor: () => ssh, findCheck, ...(layout ? { layout } : {}) };
      const t0 = performance.now();
      const r = await runRequest({ kind: 'diagnose', playbook: checklist, target: tg }, actor, deps);
      const took = performance.now() - t0;
      return { took, report: r.kind === 'report' ? r.report : undefined, ssh };
    };

    // Every path in the config: what discovery found, marked explicit (the baseline with nothing to discover).
    const probe = new SshTransport(target, { env: {} });
    const found = await new LayoutService({ transportFor: () => probe }).discover(target, { fresh: true });
    await probe.close();
    const explicit: Target = { ...found.resolved.target, configured: found.resolved.rows.map((r) => r.key) };

    const withoutFirst: number[] = [];
    const withFirst: number[] = [];
    const layoutStep: number[] = [];
    const later: number[] = [];
    const laterWithout: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const a = await diagnoseOnce(explicit);
      withoutFirst.push(a.took);
      const b2 = await diagnoseOnce(explicit, undefined, a.ssh);
      laterWithout.push(b2.took);
      await a.ssh.close();

      const ssh = new SshTransport(target, { env: {} });
      const layout = new LayoutService({ transportFor: () => ssh, cache });
      await layout.forget(target);
      const b = await diagnoseOnce(target, layout, ssh);
      withFirst.push(b.took);
      // The layout step alone on the (now warm) connection, fresh; then from the cache.
      await layout.forget(target);
      let t0 = performance.now();
      await layout.layoutFor(target);
      layoutStep.push(performance.now() - t0);
      t0 = performance.now();
      const hit = await layout.layoutFor(target);
      if (!hit.cached) throw new Error('the second layoutFor was not a cache hit');
      later.push(performance.now() - t0);
      await ssh.close();
    }
    const added = median(withFirst) - median(withoutFirst);
    console.log(`node -e 0: ${ms(nodeStartMs())} (for scale)`);
    console.log(
      `first diagnose checklist, fresh SSH connection, ${ROUNDS} rounds (p50): every path configured ` +
        `${ms(median(withoutFirst))}; host/user/key/hostKey/publicUrl only + discovery ${ms(median(withFirst))} ` +
        `→ discovery adds ${ms(added)} (target ≤ 300 ms)`,
    );
    console.log(
      `discovery alone on a warm connection (systemctl show + cat, sudo nginx -T, in parallel): p50 ` +
        `${ms(median(layoutStep))}; later diagnoses: layout from the file store p50 ${median(later).toFixed(1)} ms ` +
        `(a later diagnosis: ${ms(median(laterWithout))} without discovery)`,
    );

    // The same relocated server with the notes' layout and no discovery.
    const notes = await diagnoseOnce(target);
    await notes.ssh.close();
    const wrong = notes.report?.findings.filter((f) => f.severity !== 'info').map((f) => f.id) ?? [];
    console.log(
      `without discovery (the notes' layout on the relocated install): ${wrong.length} findings above info ` +
        `(${wrong.slice(0, 6).join(', ')}${wrong.length > 6 ? ', …' : ''}); with discovery: 0 expected`,
    );

    // bundle
    const secrets = readFileSync(join(lab.LAB_DIR, 'files/opt/OMS/backend/.env'), 'utf8')
      .split('\n')
      .map((l) => /^(?:SECRET_KEY|\w*PASSWORD)=(.+)$/.exec(l)?.[1])
      .filter((v): v is string => Boolean(v));
    const bundleTimes: number[] = [];
    let size = 0;
    let leaks = 0;
    let files = 0;
    for (let i = 0; i < 3; i++) {
      const ssh = new SshTransport(target, { env: {} });
      const layout = new LayoutService({ transportFor: () => ssh, cache });
      const t0 = performance.now();
      const r = await collectBundle({ target: 'lab' }, actor, {
        config: minimal,
        layout,
        transportFor: () => ssh,
        playbooks,
        findCheck,
      });
      bundleTimes.push(performance.now() - t0);
      await ssh.close();
      if (r.kind !== 'bundle') throw new Error(`bundle failed: ${JSON.stringify(r)}`);
      size = r.bundle.archive.length;
      const unpacked = unpack(dir, r.bundle.archive);
      files = unpacked.size;
      for (const text of unpacked.values()) for (const s of secrets) if (text.includes(s)) leaks++;
    }
    console.log(
      `bundle on the lab (discover + parts + checklist, fresh connection), 3 runs: p50 ${ms(median(bundleTimes))}, ` +
        `max ${ms(Math.max(...bundleTimes))} (target ≤ 3000 ms); ${(size / 1024).toFixed(1)} KiB, ${files} files ` +
        `(target ≤ 10 MiB); decoy secrets found in it: ${leaks} (target 0)`,
    );
  } finally {
    await inst.down();
    rmSync(dir, { recursive: true, force: true });
  }
}
