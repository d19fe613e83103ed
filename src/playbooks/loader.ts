import path from 'node:path';
import { Lexer, type Token } from 'marked';
import { formatPath, parseFrontMatter, type FrontMatter, type KeyPath, type ParsedFrontMatter } from './front-matter.js';
import { foldName as fold } from './find.js';
import { PlaybookError, type FindingRule, type HowtoSection, type Playbook, type SignalRef } from './playbook.js';
import { readPlaybookSources, type PlaybookSource } from './sources.js';

export { findPlaybook } from './find.js';
export type { PlaybookSource } from './sources.js';

/** What the loader needs to know about the check and action whitelists. */
export interface PlaybookRegistry {
  hasCheck(id: string): boolean;
  /** Signals the check may emit (including the common ones), or undefined for an unknown check. */
  checkSignals(id: string): readonly string[] | undefined;
  hasAction(id: string): boolean;
  /** Known ids, used only to say what is valid in error messages. */
  checkIds?(): readonly string[];
  actionIds?(): readonly string[];
  /** Concept ids of the intent lexicon; when absent, `concepts` are not checked. */
  conceptIds?(): readonly string[];
}

/** A finding's body section. */
interface Section {
  fix: string;
  line: number;
  title: string;
}

/** One file, validated on its own; includes and signal references are checked once all files are read. */
interface ParsedFile {
  file: string;
  fm: ParsedFrontMatter;
  data: FrontMatter;
  signatures: RegExp[];
  findings: FindingRule[];
  howto: HowtoSection[];
}

/**
 * Read every `*.md` in `dir` (except README.md) and validate it against the
 * registries. Throws PlaybookError (file, line, problem) on the first problem.
 */
export async function loadPlaybooks(dir: string, registry: PlaybookRegistry): Promise<Playbook[]> {
  return buildPlaybooks(await readPlaybookSources(dir), registry);
}

/** The pure part of loadPlaybooks: validate sources and resolve includes. */
export function buildPlaybooks(sources: readonly PlaybookSource[], registry: PlaybookRegistry): Playbook[] {
  const parsed = sources.map((s) => parseFile(s.file, s.source, registry));
  checkUniqueNames(parsed);
  const byId = new Map(parsed.map((p) => [p.data.id, p]));
  checkIncludes(parsed, byId);
  return parsed.map((p) => {
    const closure = includeClosure(p, byId);
    const checks = unique(closure.flatMap((q) => q.data.checks));
    checkSignalRefs(p, checks, registry);
    const findings = new Map<string, FindingRule>();
    for (const f of closure.flatMap((q) => q.findings)) if (!findings.has(f.id)) findings.set(f.id, f);
    const merged = closure.length > 1 ? byTier([...findings.values()]) : [...findings.values()];
    return {
      id: p.data.id,
      title: p.data.title,
      titleEn: p.data.titleEn,
      summary: p.data.summary,
      aliases: p.data.aliases,
      phrases: p.data.phrases,
      signatures: p.signatures,
      checks,
      actions: unique(closure.flatMap((q) => q.data.actions)),
      findings: merged,
      concepts: p.data.concepts,
      howto: p.howto,
      body: p.fm.body,
      file: p.file,
    };
  });
}

function parseFile(file: string, source: string, registry: PlaybookRegistry): ParsedFile {
  const fm = parseFrontMatter(file, source);
  const { data } = fm;
  const fail = (at: KeyPath, problem: string): never => {
    throw new PlaybookError(file, fm.lineOf(at), problem);
  };
  const expected = path.basename(file, '.md');
  if (data.id !== expected) fail(['id'], `id "${data.id}" must match the file name: use id: ${expected} (or rename the file to ${data.id}.md)`);

  const signatures = data.signatures.map((s, i) => compileSignature(s, (p) => fail(['signatures', i], p)));

  for (const [key, list] of [['checks', data.checks], ['actions', data.actions], ['aliases', data.aliases], ['includes', data.includes]] as const) {
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
    if (!registry.hasAction(a)) fail(['actions', i], `unknown action "${a}" in actions${known(registry.actionIds?.())}`);
  });

  const sections = parseSections(file, fm.body, fm.bodyLine);
  const ids = new Set<string>();
  const findings = data.findings.map((f, i): FindingRule => {
    if (ids.has(f.id)) fail(['findings', i, 'id'], `finding id "${f.id}" is used twice in this playbook`);
    ids.add(f.id);
    if (f.action !== undefined && !data.actions.includes(f.action)) {
      fail(['findings', i, 'action'], `finding "${f.id}" offers action "${f.action}", which is not in this playbook's actions (${data.actions.join(', ') || 'none'}); add it to actions`);
    }
    const section = sections.get(f.id);
    if (!section) fail(['findings', i, 'id'], `finding "${f.id}" has no body section: add a heading ending in {#${f.id}} with its explanation and fix`);
    return {
      id: f.id,
      severity: f.severity,
      title: f.title,
      when: f.when.map(toRef),
      all: f.all.map(toRef),
      unless: f.unless.map(toRef),
      ...(f.action !== undefined ? { action: f.action } : {}),
      fix: section!.fix,
      source: data.id,
    };
  });
  const howto = data.howto.map((h, i): HowtoSection => {
    if (ids.has(h.section)) fail(['howto', i, 'section'], `how-to section "${h.section}" has the id of a finding; use another id`);
    if (data.howto.findIndex((o) => o.section === h.section) !== i) fail(['howto', i, 'section'], `how-to section "${h.section}" appears twice`);
    const section = sections.get(h.section);
    if (!section) fail(['howto', i, 'section'], `how-to section "${h.section}" has no body section: add a heading ending in {#${h.section}}`);
    return { id: h.section, title: section!.title, concepts: h.concepts, markdown: section!.fix };
  });
  const conceptSet = registry.conceptIds ? new Set(registry.conceptIds()) : undefined;
  const checkConcepts = (combos: string[][], at: KeyPath): void =>
    combos.forEach((combo, i) =>
      combo.forEach((c, j) => {
        if (conceptSet && !conceptSet.has(c)) fail([...at, i, j], `unknown concept "${c}"; concepts are defined in src/intent/lexicon.ts`);
      }),
    );
  checkConcepts(data.concepts, ['concepts']);
  data.howto.forEach((h, i) => checkConcepts(h.concepts, ['howto', i, 'concepts']));
  for (const [anchor, section] of sections) {
    if (!ids.has(anchor) && !data.howto.some((h) => h.section === anchor)) {
      throw new PlaybookError(file, section.line, `heading anchor {#${anchor}} names no finding and no how-to section; findings: ${[...ids].join(', ') || 'none'}`);
    }
  }
  return { file, fm, data, signatures, findings, howto };
}

/** Compile a signature (case-insensitive); it must not match everything. */
function compileSignature(source: string, fail: (problem: string) => never): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch (e) {
    return fail(`signature is not a valid regular expression: ${(e as Error).message}`);
  }
  if (re.test('')) fail(`signature /${source}/ matches the empty string, so it would match any message; make it specific`);
  return re;
}

const ANCHOR = /\s*\{#([^}]*)\}\s*$/;

/**
 * Headings whose text ends in `{#anchor}` start a finding's section; the
 * section runs until the next heading of the same or a higher level.
 */
function parseSections(file: string, body: string, bodyLine: number): Map<string, Section> {
  const tokens = Lexer.lex(body);
  // marked keeps each token's raw text; locate it in the body to know its line.
  const lines: number[] = [];
  let cursor = 0;
  for (const t of tokens) {
    const at = body.indexOf(t.raw, cursor);
    const offset = at < 0 ? cursor : at;
    lines.push(bodyLine + countNewlines(body, offset));
    cursor = offset + t.raw.length;
  }
  const sections = new Map<string, Section>();
  tokens.forEach((t, i) => {
    if (t.type !== 'heading') return;
    const m = ANCHOR.exec(t.text);
    if (!m) return;
    const anchor = m[1]!;
    const line = lines[i]!;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(anchor)) {
      throw new PlaybookError(file, line, `heading anchor {#${anchor}} must be a kebab-case finding id`);
    }
    if (sections.has(anchor)) {
      throw new PlaybookError(file, line, `heading anchor {#${anchor}} is used twice (first on line ${sections.get(anchor)!.line}); each finding has exactly one section`);
    }
    const depth = (t as { depth: number }).depth;
    const rest: Token[] = [];
    for (const next of tokens.slice(i + 1)) {
      if (next.type === 'heading' && (next as { depth: number }).depth <= depth) break;
      rest.push(next);
    }
    const fix = rest
      .map((r) => (r.type === 'heading' ? r.raw.replace(/[ \t]*\{#[^}]*\}[ \t]*(\n?)$/, '$1') : r.raw))
      .join('')
      .trim();
    sections.set(anchor, { fix, line, title: t.text.replace(ANCHOR, '').trim() });
  });
  return sections;
}

function checkUniqueNames(parsed: readonly ParsedFile[]): void {
  const owner = new Map<string, { id: string; kind: string }>();
  for (const p of parsed) {
    const id = fold(p.data.id);
    const prev = owner.get(id);
    if (prev) throw new PlaybookError(p.file, p.fm.lineOf(['id']), `id "${p.data.id}" is already the ${prev.kind} of playbook "${prev.id}"`);
    owner.set(id, { id: p.data.id, kind: 'id' });
  }
  for (const p of parsed) {
    p.data.aliases.forEach((a, i) => {
      const prev = owner.get(fold(a));
      if (prev && prev.id !== p.data.id) {
        throw new PlaybookError(p.file, p.fm.lineOf(['aliases', i]), `alias "${a}" is already the ${prev.kind} of playbook "${prev.id}"; aliases must be unique across playbooks`);
      }
      owner.set(fold(a), { id: p.data.id, kind: 'alias' });
    });
  }
}

/** Unknown ids and cycles in `includes`. */
function checkIncludes(parsed: readonly ParsedFile[], byId: ReadonlyMap<string, ParsedFile>): void {
  for (const p of parsed) {
    p.data.includes.forEach((inc, i) => {
      if (!byId.has(inc)) {
        throw new PlaybookError(p.file, p.fm.lineOf(['includes', i]), `unknown playbook "${inc}" in includes; known: ${[...byId.keys()].join(', ')}`);
      }
    });
  }
  const done = new Set<string>();
  const visit = (p: ParsedFile, trail: string[]): void => {
    if (done.has(p.data.id)) return;
    p.data.includes.forEach((inc, i) => {
      if (inc === p.data.id || trail.includes(inc)) {
        const cycle = [...trail.slice(trail.indexOf(inc)), p.data.id, inc].join(' → ');
        throw new PlaybookError(p.file, p.fm.lineOf(['includes', i]), `include cycle: ${cycle}; includes must not lead back to a playbook`);
      }
      visit(byId.get(inc)!, [...trail, p.data.id]);
    });
    done.add(p.data.id);
  };
  for (const p of parsed) visit(p, []);
}

/** The playbook followed by everything it includes, depth first, each once. */
function includeClosure(p: ParsedFile, byId: ReadonlyMap<string, ParsedFile>): ParsedFile[] {
  const out: ParsedFile[] = [];
  const walk = (q: ParsedFile): void => {
    if (out.includes(q)) return;
    out.push(q);
    for (const inc of q.data.includes) walk(byId.get(inc)!);
  };
  walk(p);
  return out;
}

/** Every `<check>:<signal>` names a check of this playbook (or its includes) and a signal it declares. */
function checkSignalRefs(p: ParsedFile, checks: readonly string[], registry: PlaybookRegistry): void {
  p.data.findings.forEach((f, i) => {
    for (const key of ['when', 'all', 'unless'] as const) {
      f[key].forEach((ref, j) => {
        const at: KeyPath = ['findings', i, key, j];
        const { check, signal } = toRef(ref);
        const fail = (problem: string): never => {
          throw new PlaybookError(p.file, p.fm.lineOf(at), `${formatPath(at)}: ${problem}`);
        };
        if (!registry.hasCheck(check)) fail(`unknown check "${check}" in "${ref}"${known(registry.checkIds?.())}`);
        if (!checks.includes(check)) {
          fail(`"${ref}" names check "${check}", which is not in this playbook's checks (${checks.join(', ') || 'none'}); add it to checks`);
        }
        const signals = registry.checkSignals(check) ?? [];
        if (!signals.includes(signal)) fail(`unknown signal "${signal}" of check "${check}"; ${check} declares: ${signals.join(', ')}`);
      });
    }
  });
}

/**
 * Merged findings: each file is in root-cause order on its own, but one file's
 * hints must not outrank another file's causes. Keep file order within three
 * tiers: critical and error first, then warnings, then info.
 */
function byTier(findings: FindingRule[]): FindingRule[] {
  const tier = (f: FindingRule): number => (f.severity === 'info' ? 2 : f.severity === 'warning' ? 1 : 0);
  return findings.map((f, i) => ({ f, i })).sort((a, b) => tier(a.f) - tier(b.f) || a.i - b.i).map((x) => x.f);
}

function toRef(ref: string): SignalRef {
  const i = ref.indexOf(':');
  return { check: ref.slice(0, i), signal: ref.slice(i + 1) };
}

function known(ids: readonly string[] | undefined): string {
  return ids && ids.length > 0 ? `; known: ${ids.join(', ')}` : '';
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
