import type { PlaybookRegistry } from './registry.js';
import type { FindingRule, Playbook } from './playbook.js';

/** How a RegExp is written in the compiled form: `{ "$regexp": source, "flags": flags }`. */
const REGEXP = '$regexp';

/**
 * The loader's output as JSON, whatever fields it has: the compiled form follows the front matter (and the
 * Playbook type) without a hand-kept field list. Regular expressions are written as source and flags; a value JSON
 * cannot carry faithfully (Map, Set, function, bigint) is a programming error and throws, so a new field of such a
 * type is caught by the round-trip test instead of being silently dropped from the cache.
 *
 * Every playbook carries every cause of the catalogue, mostly the same ones: the form holds each distinct finding
 * once (`findings`) and each playbook's `findings` as indices into it, which keeps the file (and its parse on
 * every start) about half the size. `{ "findings": [...], "playbooks": [...] }`.
 */
export function serialisePlaybooks(playbooks: readonly Playbook[]): string {
  const table: string[] = [];
  const index = new Map<string, number>();
  const indexOf = (finding: FindingRule) => {
    const text = toJson(finding);
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = table.push(text) - 1));
    return i;
  };
  const list = playbooks.map((p) => toJson({ ...p, findings: p.findings.map(indexOf) }));
  return `{"findings":[${table.join(',')}],"playbooks":[${list.join(',')}]}`;
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (v instanceof RegExp) return { [REGEXP]: v.source, flags: v.flags };
    if (v instanceof Map || v instanceof Set || typeof v === 'function' || typeof v === 'bigint') {
      throw new TypeError(`playbook field "${key}" cannot be stored in the compiled form; store plain data`);
    }
    return v;
  });
}

/** The inverse of serialisePlaybooks; throws on text that is not a compiled form (the caller then rebuilds). */
export function deserialisePlaybooks(text: string): Playbook[] {
  const value: unknown = JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && REGEXP in v) {
      const { [REGEXP]: source, flags } = v as Record<string, unknown>;
      if (typeof source !== 'string' || typeof flags !== 'string') throw new TypeError('malformed regular expression');
      return new RegExp(source, flags);
    }
    return v;
  });
  const { findings, playbooks } = (value ?? {}) as { findings?: unknown; playbooks?: unknown };
  if (!Array.isArray(findings) || !Array.isArray(playbooks)) {
    throw new TypeError('the compiled form is not a list of playbooks with their findings');
  }
  for (const p of playbooks as { findings?: unknown }[]) {
    if (p === null || typeof p !== 'object' || !Array.isArray(p.findings)) throw new TypeError('malformed playbook');
    p.findings = p.findings.map((i: unknown) => {
      if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= findings.length) {
        throw new TypeError('malformed finding reference');
      }
      return findings[i as number] as unknown;
    });
  }
  return playbooks as Playbook[];
}

/**
 * The registry checks of the loader, on the compiled form: every check, action and `<check>:<signal>` a playbook
 * or a cause of the catalogue names is still in the whitelists (they are code, and change without the playbooks
 * changing). False also for a form whose shape is not a playbook list. The caller then parses the markdown
 * again, which reports file and line.
 */
export function fitsRegistry(playbooks: readonly Playbook[], registry: PlaybookRegistry): boolean {
  try {
    return playbooks.every((p) => {
      const own = (list: readonly string[], has: (id: string) => boolean) =>
        Array.isArray(list) && list.every((id) => typeof id === 'string' && has(id));
      if (typeof p.id !== 'string' || typeof p.file !== 'string' || !Array.isArray(p.aliases)) return false;
      if (!Array.isArray(p.signatures) || !p.signatures.every((s) => s instanceof RegExp)) return false;
      if (!own(p.checks, (id) => registry.hasCheck(id))) return false;
      if (!own(p.actions, (id) => registry.hasAction(id))) return false;
      // The intent lexicon is code too (src/intent/lexicon.ts): every concept a playbook names must still exist.
      if (!Array.isArray(p.concepts) || !Array.isArray(p.howto)) return false;
      const known = registry.conceptIds ? new Set(registry.conceptIds()) : undefined;
      const combos = [...p.concepts, ...p.howto.flatMap((h) => h.concepts)];
      if (known && !combos.every((c) => own(c, (id) => known.has(id)))) return false;
      return p.findings.every(
        (f) =>
          (f.action === undefined || (p.actions.includes(f.action) && registry.hasAction(f.action))) &&
          [...f.when, ...f.all, ...f.unless, ...(f.suspect ?? [])].every((ref) =>
            (registry.checkSignals(ref.check) ?? []).includes(ref.signal),
          ),
      );
    });
  } catch {
    return false;
  }
}
