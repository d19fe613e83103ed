/**
 * The catalogue of root causes (playbooks/causes/*.md): every cause defined once — id, severity, title, the
 * signals that confirm it, what it explains, the signals that point at it, its fix and offered action — and
 * reachable from every playbook. Validated against the checks' declared signals; a problem names file and line.
 */
import path from 'node:path';
import { formatPath, parseCatalogueFrontMatter, type KeyPath } from './front-matter.js';
import { PlaybookError, type FindingRule, type SignalRef } from './playbook.js';
import type { PlaybookRegistry } from './registry.js';
import { parseSections } from './sections.js';
import type { PlaybookSource } from './sources.js';

/** The validated catalogue, in reading order (files by name, causes as listed). */
export interface Catalogue {
  causes: FindingRule[];
  byId: ReadonlyMap<string, FindingRule>;
}

interface Located {
  cause: FindingRule;
  file: string;
  lineOf(at: KeyPath): number;
  index: number;
}

/** Validate the catalogue's files against the registries; throws PlaybookError (file, line) on the first problem. */
export function buildCatalogue(sources: readonly PlaybookSource[], registry: PlaybookRegistry): Catalogue {
  const located: Located[] = [];
  const byId = new Map<string, Located>();
  for (const s of sources) {
    const fm = parseCatalogueFrontMatter(s.file, s.source);
    const sections = parseSections(s.file, fm.body, fm.bodyLine);
    const fail = (at: KeyPath, problem: string): never => {
      throw new PlaybookError(s.file, fm.lineOf(at), problem);
    };
    const ids = new Set(fm.data.causes.map((c) => c.id));
    fm.data.causes.forEach((c, i) => {
      const prev = byId.get(c.id);
      if (prev) {
        const where = `${path.basename(prev.file)}:${prev.lineOf(['causes', prev.index, 'id'])}`;
        fail(['causes', i, 'id'], `cause id "${c.id}" is defined twice (first in ${where}); define a cause once`);
      }
      const refs = (key: 'when' | 'all' | 'unless' | 'suspect'): SignalRef[] =>
        c[key].map((ref, j) => {
          const at: KeyPath = ['causes', i, key, j];
          return checkRef(ref, (problem) => fail(at, `${formatPath(at)}: ${problem}`), registry);
        });
      if (c.action !== undefined && !registry.hasAction(c.action)) {
        fail(['causes', i, 'action'], `unknown action "${c.action}"${known(registry.actionIds?.())}`);
      }
      const section = sections.get(c.id);
      if (!section) {
        fail(
          ['causes', i, 'id'],
          `cause "${c.id}" has no body section: add a heading ending in {#${c.id}} with its fix`,
        );
      }
      const cause: FindingRule = {
        id: c.id,
        severity: c.severity,
        title: c.title,
        when: refs('when'),
        all: refs('all'),
        unless: refs('unless'),
        ...(c.action !== undefined ? { action: c.action } : {}),
        fix: section!.fix,
        source: `causes/${path.basename(s.file, '.md')}`,
        explains: c.explains,
        suspect: refs('suspect'),
      };
      const entry = { cause, file: s.file, lineOf: fm.lineOf, index: i };
      located.push(entry);
      byId.set(c.id, entry);
    });
    for (const [anchor, section] of sections) {
      if (!ids.has(anchor)) {
        throw new PlaybookError(s.file, section.line, `heading anchor {#${anchor}} names no cause of this file`);
      }
    }
  }
  checkExplains(located, byId);
  return {
    causes: located.map((l) => l.cause),
    byId: new Map(located.map((l) => [l.cause.id, l.cause])),
  };
}

/** `explains` names known causes and never leads back to the cause itself. */
function checkExplains(located: readonly Located[], byId: ReadonlyMap<string, Located>): void {
  for (const l of located) {
    l.cause.explains!.forEach((id, j) => {
      if (!byId.has(id)) {
        const at: KeyPath = ['causes', l.index, 'explains', j];
        throw new PlaybookError(l.file, l.lineOf(at), `${formatPath(at)}: unknown cause "${id}"`);
      }
    });
  }
  const done = new Set<string>();
  const visit = (l: Located, trail: string[]): void => {
    if (done.has(l.cause.id)) return;
    l.cause.explains!.forEach((id, j) => {
      if (id === l.cause.id || trail.includes(id)) {
        const cycle = [...trail.slice(trail.indexOf(id)), l.cause.id, id].join(' → ');
        const at: KeyPath = ['causes', l.index, 'explains', j];
        throw new PlaybookError(
          l.file,
          l.lineOf(at),
          `${formatPath(at)}: cycle in explains: ${cycle}; a cause cannot explain what explains it`,
        );
      }
      visit(byId.get(id)!, [...trail, l.cause.id]);
    });
    done.add(l.cause.id);
  };
  for (const l of located) visit(l, []);
}

/** `<check>:<signal>` names a known check and a signal it declares. */
function checkRef(ref: string, fail: (problem: string) => never, registry: PlaybookRegistry): SignalRef {
  const i = ref.indexOf(':');
  const check = ref.slice(0, i);
  const signal = ref.slice(i + 1);
  if (!registry.hasCheck(check)) fail(`unknown check "${check}" in "${ref}"${known(registry.checkIds?.())}`);
  const signals = registry.checkSignals(check) ?? [];
  if (!signals.includes(signal)) {
    fail(`unknown signal "${signal}" of check "${check}"; ${check} declares: ${signals.join(', ')}`);
  }
  return { check, signal };
}

function known(ids: readonly string[] | undefined): string {
  return ids && ids.length > 0 ? `; known: ${ids.join(', ')}` : '';
}
