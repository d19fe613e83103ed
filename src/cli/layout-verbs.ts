import type { Target } from '../config/target.js';
import { renderLayout } from '../discovery/render-layout.js';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppActor } from '../app/deps.js';
import { collectBundle, discoverLayout, type Unreachable } from '../app/layout.js';
import { renderJson } from '../render/text.js';
import type { RunnerDeps } from './runner-deps.js';
import { EXIT_CODES as EXIT } from './exit.js';

/** `discover [target]`: what the server says about its layout, where each value comes from, what is undecided. */
export async function discoverVerb(target: Target, json: boolean, deps: RunnerDeps): Promise<number> {
  const found = await discoverLayout({ target: target.name }, deps);
  if (found.kind === 'no-discovery' || found.kind === 'unknown-target') {
    deps.out('discover is not available in this build — nothing was run');
    return EXIT.usage;
  }
  if (found.kind === 'unreachable') {
    deps.out(unreachableText(found));
    return EXIT.unreachable;
  }
  const r = found.layout;
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

function unreachableText(r: Unreachable): string {
  return `无法连接 / cannot reach ${r.target}: ${r.message} — nothing was collected\n下一步 / Next: ${r.hint}`;
}

/** `bundle [target] [-o FILE]`: the support bundle, with the discovered layout and a fresh checklist report. */
export async function bundleVerb(
  target: Target,
  output: string | undefined,
  deps: RunnerDeps,
  actor: AppActor,
): Promise<number> {
  const r = await collectBundle({ target: target.name }, actor, deps, {
    onStart: (s) => deps.progress?.(`收集支持包 / collecting the bundle from ${s.target.name} (${s.transport})…`),
  });
  if (r.kind === 'unknown-target') return EXIT.usage;
  if (r.kind === 'unreachable') {
    deps.out(unreachableText(r));
    return EXIT.unreachable;
  }
  const { bundleAnswer } = await import('../support-bundle/command.js');
  const file = resolve(process.cwd(), output ?? r.fileName);
  await writeFile(file, r.bundle.archive);
  deps.out(bundleAnswer(file, r.bundle));
  return EXIT.ok;
}

/** What discovery found for a target, for `targets` (cached only; nothing runs on the servers). */
export async function layoutLine(t: Target, deps: Pick<RunnerDeps, 'layout'>): Promise<string> {
  const r = await deps.layout?.cached(t);
  if (!r) return '';
  const rows = r.rows.filter((row) => row.source !== 'default');
  const show = (v: string | readonly string[]) => (typeof v === 'string' ? v : v.join(', '));
  const pad = ' '.repeat(11);
  return rows.map((row) => `\n${pad}${row.key}=${show(row.value)} ← ${row.source}`).join('');
}
