import path from 'node:path';
import { buildCatalogue, type Catalogue } from './catalogue.js';
import { parseFrontMatter, type FrontMatter, type KeyPath, type ParsedFrontMatter } from './front-matter.js';
import { foldName as fold } from './find.js';
import { checkIncludes, includeClosure } from './includes.js';
import { PlaybookError, type FindingRule, type HowtoSection, type Playbook } from './playbook.js';
import type { PlaybookRegistry } from './registry.js';
import { parseSections } from './sections.js';
import { readCauseSources, readPlaybookSources, type PlaybookSource } from './sources.js';

export { findPlaybook } from './find.js';
export type { PlaybookSource } from './sources.js';
export type { PlaybookRegistry } from './registry.js';

/** One file, validated on its own; includes are checked once all files are read. */
interface ParsedFile {
  file: string;
  fm: ParsedFrontMatter;
  data: FrontMatter;
  signatures: RegExp[];
  /** This playbook's own wording of causes of the catalogue: cause id → markdown. */
  wording: Map<string, string>;
  howto: HowtoSection[];
}

/**
 * Read every `*.md` in `dir` (except README.md) and the catalogue of causes in `dir/causes/`, and validate them
 * against the registries. Throws PlaybookError (file, line, problem) on the first problem.
 */
export async function loadPlaybooks(dir: string, registry: PlaybookRegistry): Promise<Playbook[]> {
  const [sources, causes] = await Promise.all([readPlaybookSources(dir), readCauseSources(dir)]);
  return buildPlaybooks(sources, registry, causes);
}

/**
 * The pure part of loadPlaybooks: validate the catalogue, then the playbooks, resolve includes, and give every
 * playbook every cause of the catalogue (critical and error first, then warnings, then info; catalogue order
 * within each), worded by the playbook (or what it includes) where it has a section for the cause.
 */
export function buildPlaybooks(
  sources: readonly PlaybookSource[],
  registry: PlaybookRegistry,
  causeSources: readonly PlaybookSource[] = [],
): Playbook[] {
  const catalogue = buildCatalogue(causeSources, registry);
  const parsed = sources.map((s) => parseFile(s.file, s.source, registry, catalogue));
  checkUniqueNames(parsed);
  const byId = new Map(parsed.map((p) => [p.data.id, p]));
  checkIncludes(parsed, byId);
  const ranked = byTier(catalogue.causes);
  const offered = ranked.flatMap((c) => (c.action !== undefined ? [c.action] : []));
  return parsed.map((p) => {
    const closure = includeClosure(p, byId);
    const checks = unique(closure.flatMap((q) => q.data.checks));
    const merged = ranked.map((c): FindingRule => {
      const by = closure.find((q) => q.wording.has(c.id));
      return by ? { ...c, fix: by.wording.get(c.id)!, source: by.data.id } : c;
    });
    return {
      id: p.data.id,
      title: p.data.title,
      titleEn: p.data.titleEn,
      summary: p.data.summary,
      aliases: p.data.aliases,
      phrases: p.data.phrases,
      signatures: p.signatures,
      checks,
      actions: unique([...closure.flatMap((q) => q.data.actions), ...offered]),
      findings: merged,
      concepts: p.data.concepts,
      howto: p.howto,
      body: p.fm.body,
      file: p.file,
    };
  });
}

function parseFile(file: string, source: string, registry: PlaybookRegistry, catalogue: Catalogue): ParsedFile {
  const fm = parseFrontMatter(file, source);
  const { data } = fm;
  const fail = (at: KeyPath, problem: string): never => {
    throw new PlaybookError(file, fm.lineOf(at), problem);
  };
  const expected = path.basename(file, '.md');
  if (data.id !== expected)
    fail(['id'], `id "${data.id}" must match the file name: use id: ${expected} (or rename the file to ${data.id}.md)`);

  const signatures = data.signatures.map((s, i) => compileSignature(s, (p) => fail(['signatures', i], p)));

  for (const [key, list] of [
    ['checks', data.checks],
    ['actions', data.actions],
    ['aliases', data.aliases],
    ['includes', data.includes],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v.toLowerCase())) fail([key, i], `"${v}" appears twice in ${key}`);
      seen.add(v.toLowerCase());
    });
  }
  data.checks.forEach((c, i) => {
    if (!registry.hasCheck(c)) fail(['checks', i], `unknown check "${c}" in checks${known(registry.checkIds?.())}`);
  });
  data.actions.forEach((a, i) => {
    if (!registry.hasAction(a))
      fail(['actions', i], `unknown action "${a}" in actions${known(registry.actionIds?.())}`);
  });

  const sections = parseSections(file, fm.body, fm.bodyLine);
  const wording = new Map<string, string>();
  for (const [anchor, section] of sections) if (catalogue.byId.has(anchor)) wording.set(anchor, section.fix);
  const howto = data.howto.map((h, i): HowtoSection => {
    const at: KeyPath = ['howto', i, 'section'];
    if (catalogue.byId.has(h.section)) fail(at, `how-to section "${h.section}" has the id of a cause; use another id`);
    if (data.howto.findIndex((o) => o.section === h.section) !== i) {
      fail(at, `how-to section "${h.section}" appears twice`);
    }
    const section = sections.get(h.section);
    if (!section) {
      fail(at, `how-to section "${h.section}" has no body section: add a heading ending in {#${h.section}}`);
    }
    return { id: h.section, title: section!.title, concepts: h.concepts, markdown: section!.fix };
  });
  const conceptSet = registry.conceptIds ? new Set(registry.conceptIds()) : undefined;
  const checkConcepts = (combos: string[][], at: KeyPath): void =>
    combos.forEach((combo, i) =>
      combo.forEach((c, j) => {
        if (conceptSet && !conceptSet.has(c)) {
          fail([...at, i, j], `unknown concept "${c}"; concepts are defined in src/intent/lexicon.ts`);
        }
      }),
    );
  checkConcepts(data.concepts, ['concepts']);
  data.howto.forEach((h, i) => checkConcepts(h.concepts, ['howto', i, 'concepts']));
  for (const [anchor, section] of sections) {
    if (!wording.has(anchor) && !data.howto.some((h) => h.section === anchor)) {
      throw new PlaybookError(
        file,
        section.line,
        `heading anchor {#${anchor}} names no cause of the catalogue (playbooks/causes/) and no how-to section`,
      );
    }
  }
  return { file, fm, data, signatures, wording, howto };
}

/** Compile a signature (case-insensitive); it must not match everything. */
function compileSignature(source: string, fail: (problem: string) => never): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch (e) {
    return fail(`signature is not a valid regular expression: ${(e as Error).message}`);
  }
  if (re.test(''))
    fail(`signature /${source}/ matches the empty string, so it would match any message; make it specific`);
  return re;
}

function checkUniqueNames(parsed: readonly ParsedFile[]): void {
  const owner = new Map<string, { id: string; kind: string }>();
  for (const p of parsed) {
    const id = fold(p.data.id);
    const prev = owner.get(id);
    if (prev)
      throw new PlaybookError(
        p.file,
        p.fm.lineOf(['id']),
        `id "${p.data.id}" is already the ${prev.kind} of playbook "${prev.id}"`,
      );
    owner.set(id, { id: p.data.id, kind: 'id' });
  }
  for (const p of parsed) {
    p.data.aliases.forEach((a, i) => {
      const prev = owner.get(fold(a));
      if (prev && prev.id !== p.data.id) {
        throw new PlaybookError(
          p.file,
          p.fm.lineOf(['aliases', i]),
          `alias "${a}" is already the ${prev.kind} of playbook "${prev.id}"; aliases must be unique across playbooks`,
        );
      }
      owner.set(fold(a), { id: p.data.id, kind: 'alias' });
    });
  }
}

/**
 * The catalogue's causes in ranking order: each file is in root-cause order on its own, but one file's hints must
 * not outrank another file's causes. Keep catalogue order within three tiers: critical and error first, then
 * warnings, then info.
 */
function byTier(findings: FindingRule[]): FindingRule[] {
  const tier = (f: FindingRule): number => (f.severity === 'info' ? 2 : f.severity === 'warning' ? 1 : 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => tier(a.f) - tier(b.f) || a.i - b.i)
    .map((x) => x.f);
}

function known(ids: readonly string[] | undefined): string {
  return ids && ids.length > 0 ? `; known: ${ids.join(', ')}` : '';
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
