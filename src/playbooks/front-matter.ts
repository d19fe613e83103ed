import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { PlaybookError } from './playbook.js';

/** kebab-case ids: playbooks, findings, checks, actions, signals. */
const KEBAB = /^[a-z0-9][a-z0-9-]*$/;
const kebab = z.string().regex(KEBAB, 'must be kebab-case (lower-case letters, digits and "-")');
const signalRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$/, 'must be "<check>:<signal>", e.g. "backend-service:inactive"');
const text = z.string().trim().min(1, 'must not be empty');

/** One root cause of the catalogue (playbooks/causes/*.md, docs/playbooks.md). */
const causeSchema = z.strictObject({
  id: kebab,
  severity: z.enum(['critical', 'error', 'warning', 'info']),
  title: text,
  when: z.array(signalRef).min(1, 'needs at least one "<check>:<signal>"'),
  all: z.array(signalRef).default([]),
  unless: z.array(signalRef).default([]),
  /** Causes this one explains when both are confirmed: they are listed under it. */
  explains: z.array(kebab).default([]),
  /** Signals that point at this cause without confirming it: the engine then runs its checks too. */
  suspect: z.array(signalRef).default([]),
  action: kebab.optional(),
});

/** A file of the catalogue of causes: front matter `causes:`, one body section `{#id}` per cause. */
export const catalogueSchema = z.strictObject({
  causes: z.array(causeSchema).min(1, 'needs at least one cause'),
});

/** Concept combinations (src/intent/lexicon.ts): `[[login, fails], [superuser, cannot-open]]`. */
const conceptCombos = z.array(z.array(kebab).min(1, 'a combination names at least one concept'));

/** A how-to section of the body: its heading carries `{#<section>}`; asked with these concept combinations. */
const howtoSchema = z.strictObject({
  section: kebab,
  concepts: conceptCombos.min(1, 'needs at least one concept combination'),
});

/** The front matter as written (before registry checks and include resolution). */
export const frontMatterSchema = z.strictObject({
  id: kebab,
  title: text,
  titleEn: text,
  summary: text,
  aliases: z.array(text).min(1, 'needs at least one alias'),
  phrases: z.array(text).default([]),
  signatures: z.array(z.string().min(1, 'must not be empty')).default([]),
  includes: z.array(kebab).default([]),
  checks: z.array(kebab).default([]),
  actions: z.array(kebab).default([]),
  concepts: conceptCombos.default([]),
  howto: z.array(howtoSchema).default([]),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type CatalogueFrontMatter = z.infer<typeof catalogueSchema>;

/** A key path into the front matter, e.g. `['findings', 2, 'when', 0]`. */
export type KeyPath = readonly (string | number)[];

/** Parsed front matter plus what is needed to point errors at lines of the file. */
export interface ParsedFrontMatter<T = FrontMatter> {
  data: T;
  /** 1-based line in the file of the value at `path` (or of the nearest enclosing key that exists). */
  lineOf(path: KeyPath): number;
  /** Markdown after the closing `---`. */
  body: string;
  /** 1-based file line on which `body` starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Split `---` front matter from the body, parse it as YAML (keeping positions)
 * and validate it with zod. Throws PlaybookError with the offending line.
 */
export function parseFrontMatter(file: string, source: string): ParsedFrontMatter {
  return parseWith(file, source, frontMatterSchema, 'playbook');
}

/** The front matter of a file of the catalogue of causes, validated likewise. */
export function parseCatalogueFrontMatter(file: string, source: string): ParsedFrontMatter<CatalogueFrontMatter> {
  return parseWith(file, source, catalogueSchema, 'catalogue');
}

type Kind = 'playbook' | 'catalogue';

function parseWith<S extends z.ZodType>(
  file: string,
  source: string,
  schema: S,
  kind: Kind,
): ParsedFrontMatter<z.output<S>> {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    throw new PlaybookError(
      file,
      1,
      'no front matter: the file must start with a "---" line, ' +
        `then YAML (${kind === 'playbook' ? 'id, title, titleEn, summary, aliases, …' : 'causes: […]'}), then "---"`,
    );
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) {
    throw new PlaybookError(file, 1, 'front matter is not closed: add a "---" line after the YAML');
  }
  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // File line = YAML line + 1 (the opening `---`).
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = err.linePos ? err.linePos[0].line + 1 : toFileLine(err.pos[0]);
    throw new PlaybookError(file, line, `invalid YAML in front matter: ${firstLine(err.message)}`);
  }
  const lineOf = (path: KeyPath): number => {
    const offset = locate(doc, path);
    return offset === undefined ? 2 : toFileLine(offset);
  };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new PlaybookError(file, 2, `invalid YAML in front matter: ${firstLine((e as Error).message)}`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    let path: KeyPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    let problem = issue.message;
    if (issue.code === 'unrecognized_keys') {
      path = [...path, issue.keys[0]!];
      problem = `unknown key "${issue.keys[0]}"; valid keys: ${validKeys(path.length > 1 ? 'cause' : kind)}`;
      if (kind === 'playbook' && path.length === 1 && issue.keys[0] === 'findings') problem = FINDINGS_MOVED;
    }
    const where = path.length > 0 ? formatPath(path) : 'front matter';
    throw new PlaybookError(file, lineOf(path), `${where}: ${problem}`);
  }
  return { data: parsed.data, lineOf, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** `findings[2].when[0]` */
export function formatPath(path: KeyPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

const FINDINGS_MOVED =
  'findings: moved to the catalogue of causes (playbooks/causes/*.md, see docs/playbooks.md): a cause is defined ' +
  "once there and every playbook reaches it; keep a body section {#cause-id} here for this playbook's wording";

function validKeys(kind: 'cause' | Kind): string {
  const shape =
    kind === 'cause' ? causeSchema.shape : kind === 'catalogue' ? catalogueSchema.shape : frontMatterSchema.shape;
  return Object.keys(shape).join(', ');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * Source offset of the node at `path`: the key itself for the last map segment
 * (so the error points at `checks:` rather than the value's last line), the
 * item for a sequence index, or the nearest existing ancestor.
 */
function locate(doc: Document, path: KeyPath): number | undefined {
  let node: unknown = doc.contents;
  let best = startOf(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (!pair) return best;
      best = startOf(pair.key) ?? best;
      node = pair.value;
      // For a scalar or flow value the value's own line is as good as the key's; keep the key.
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return best;
      best = startOf(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
