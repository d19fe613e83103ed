import type { Target } from '../config/target.js';
import { renderLayout } from '../discovery/render-layout.js';
import { runPlaybook } from '../engine/engine.js';
import { findPlaybook } from '../playbooks/find.js';
import { renderJson, renderText } from '../render/text.js';
import { PLAIN } from '../render/style.js';
import type { RunnerDeps } from './runner-deps.js';
import { EXIT_CODES as EXIT } from './exit.js';

/** `discover [target]`: what the server says about its layout, where each value comes from, what is undecided. */
export async function discoverVerb(target: Target, json: boolean, deps: RunnerDeps): Promise<number> {
  if (!deps.layout) {
    deps.out('discover is not available in this build — nothing was run');
    return EXIT.usage;
  }
  const r = await deps.layout.discover(target, { fresh: true });
  deps.out(
    json
      ? renderJson({
          target: target.name,
          // `setting`, not `key`: the redactor hides the values of keys named like secrets (`key`).
          layout: r.resolved.rows.map((row) => ({ setting: row.key, value: row.value, source: row.source })),
          notes: r.discovery.notes,
          undecided: r.discovery.undecided,
          conflicts: r.resolved.conflicts,
        })
      : renderLayout(target.name, r.discovery, r.resolved),
  );
  return r.discovery.undecided.length || r.resolved.conflicts.length ? EXIT.problem : EXIT.ok;
}

/** `bundle [target] [-o FILE]`: the support bundle, with the discovered layout and a fresh checklist report. */
export async function bundleVerb(
  base: Target,
  output: string | undefined,
  deps: RunnerDeps,
  record: (report: Parameters<typeof renderText>[0]) => Promise<void>,
): Promise<number> {
  let target = base;
  let layout: string | undefined;
  if (deps.layout) {
    const r = await deps.layout.discover(base, { fresh: true });
    target = r.resolved.target;
    layout = renderLayout(base.name, r.discovery, r.resolved);
  }
  const transport = deps.transportFor(target);
  const checklist = findPlaybook(deps.playbooks, 'checklist');
  // The bundle writer (tar, gzip) loads only when a bundle is asked for.
  const { bundleAnswer, writeBundle } = await import('../support-bundle/command.js');
  deps.progress?.(`收集支持包 / collecting the bundle from ${target.name} (${transport.describe})…`);
  const { file, bundle } = await writeBundle({
    target,
    transport,
    now: deps.now?.() ?? new Date(),
    layout,
    diagnose: checklist
      ? async () => {
          const report = await runPlaybook(checklist, target, transport, { findCheck: deps.findCheck, now: deps.now });
          await record(report);
          return renderText(report, PLAIN, { verbose: true });
        }
      : undefined,
    output,
    cwd: process.cwd(),
  });
  deps.out(bundleAnswer(file, bundle));
  return EXIT.ok;
}

/** What discovery found for a target, for `targets` (cached only; nothing runs on the servers). */
export function layoutLine(t: Target, deps: Pick<RunnerDeps, 'layout'>): string {
  const r = deps.layout?.cached(t);
  if (!r) return '';
  const rows = r.rows.filter((row) => row.source !== 'default');
  const show = (v: string | readonly string[]) => (typeof v === 'string' ? v : v.join(', '));
  const pad = ' '.repeat(11);
  return rows.map((row) => `\n${pad}${row.key}=${show(row.value)} ← ${row.source}`).join('');
}
