import type { FindingRule, Severity } from '../playbooks/playbook.js';
import type { ReportFinding } from './report.js';

/**
 * Causal chains: a confirmed cause that explains another (`explains` in the catalogue, followed through causes
 * that did not fire too) has it listed under it instead of beside it. Each finding hangs under the closest cause
 * that explains it, so "port taken → gunicorn cannot bind → restart loop" reads as one chain. The deepest
 * confirmed causes are the roots: critical and error first, then warnings, then info; within a tier the one that
 * explains more findings first, then the catalogue's order. The list stays flat (root, then what it explains, depth
 * first); `explains` and `explainedBy` carry the tree.
 */
export function chainFindings(findings: readonly ReportFinding[], causes: readonly FindingRule[]): ReportFinding[] {
  const closure = explainsClosure(causes);
  const ids = new Set(findings.map((f) => f.id));
  const reaches = (a: string, b: string) => a !== b && (closure.get(a)?.has(b) ?? false);
  const parent = new Map<string, string>();
  for (const f of findings) {
    const explainers = [...ids].filter((a) => reaches(a, f.id));
    // The closest: an explainer no other explainer sits below.
    const closest = explainers.find((a) => !explainers.some((c) => c !== a && reaches(a, c)));
    if (closest) parent.set(f.id, closest);
  }
  const children = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const p = parent.get(f.id);
    if (p) children.set(p, [...(children.get(p) ?? []), f]);
  }
  const size = (id: string): number => (children.get(id) ?? []).reduce((n, c) => n + 1 + size(c.id), 0);
  const index = new Map(findings.map((f, i) => [f.id, i]));
  const roots = findings
    .filter((f) => !parent.has(f.id))
    .sort(
      (a, b) => tier(a.severity) - tier(b.severity) || size(b.id) - size(a.id) || index.get(a.id)! - index.get(b.id)!,
    );
  const out: ReportFinding[] = [];
  const emit = (f: ReportFinding, under?: string): void => {
    const kids = children.get(f.id) ?? [];
    out.push({
      ...f,
      ...(kids.length > 0 ? { explains: kids.map((k) => k.id) } : {}),
      ...(under ? { explainedBy: under } : {}),
    });
    for (const k of kids) emit(k, f.id);
  };
  for (const r of roots) emit(r);
  return out;
}

/** Each cause id → every cause it explains, directly or through others. */
export function explainsClosure(causes: readonly FindingRule[]): Map<string, Set<string>> {
  const direct = new Map(causes.map((c) => [c.id, c.explains ?? []]));
  const memo = new Map<string, Set<string>>();
  const walk = (id: string, trail: Set<string>): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const all = new Set<string>();
    for (const next of direct.get(id) ?? []) {
      // The loader refuses cycles; a hand-made list with one must still end.
      if (trail.has(next)) continue;
      all.add(next);
      for (const d of walk(next, new Set([...trail, next]))) all.add(d);
    }
    memo.set(id, all);
    return all;
  };
  for (const c of causes) walk(c.id, new Set([c.id]));
  return memo;
}

function tier(s: Severity): number {
  return s === 'info' ? 2 : s === 'warning' ? 1 : 0;
}
