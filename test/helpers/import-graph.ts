/**
 * The import graph of src/, read with the TypeScript compiler's parser (static
 * imports, re-exports, dynamic `import()`, `import x = require()`), and the pure
 * checks the architecture test runs on it. docs/architecture.md explains the layers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One import: `from` and `to` are paths relative to the repository root (`src/…`), or `to` is a package name. */
export interface ImportEdge {
  from: string;
  to: string;
  /** True when `to` is a package or a Node built-in, not a file of the repository. */
  external: boolean;
  /** `import type` / `export type` (or every name marked `type`): erased when compiled, nothing loads. */
  typeOnly: boolean;
}

/** Every .ts file under `dir`, as paths relative to `root`, sorted. */
export function sourceFiles(root: string, dir = 'src'): string[] {
  const out: string[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** The file a relative specifier names (`./x.js` → `x.ts`, a folder → its `index.ts`), or the specifier as written. */
function resolveSpecifier(root: string, from: string, specifier: string): string {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const hit = candidates.find((c) => existsSync(c));
  return toPosix(relative(root, hit ?? base));
}

/** Module specifiers a source text names, each with whether only types are imported through it. */
export function importSpecifiers(fileName: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: importIsTypeOnly(node.importClause) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : [];
      const typeOnly = node.isTypeOnly || (names.length > 0 && names.every((e) => e.isTypeOnly));
      out.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) out.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  if (clause.name || !bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** The imports of the given files. */
export function readImports(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    for (const { specifier, typeOnly } of importSpecifiers(from, readFileSync(join(root, from), 'utf8'))) {
      const relativeImport = specifier.startsWith('./') || specifier.startsWith('../');
      edges.push(
        relativeImport
          ? { from, to: resolveSpecifier(root, from, specifier), external: false, typeOnly }
          : { from, to: specifier, external: true, typeOnly },
      );
    }
  }
  return edges;
}

/**
 * The module a source file belongs to: its folder under src/ (`src/transport/ssh/key.ts` → `transport`),
 * or its own name for a top-level file (`src/redact.ts` → `redact`, the same module as `src/redact/`).
 */
export function moduleOf(file: string): string {
  const parts = file.split('/');
  return parts.length <= 2 ? (parts[1] ?? file).replace(/\.ts$/, '') : parts[1]!;
}

/** Import cycles among files: each as a closed path `a → b → … → a`, shortest found per strongly connected set. */
export function findCycles(edges: readonly Pick<ImportEdge, 'from' | 'to'>[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's strongly connected components; every component with more than one file (or a self-import) is a cycle.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...next.keys()].sort()) if (!indexOf.has(v)) visit(v);
  return components.map((component) => shortestCycle(component.sort()[0]!, new Set(component), next));
}

/** A shortest path from `start` back to itself inside one strongly connected set (breadth first). */
function shortestCycle(start: string, members: Set<string>, next: Map<string, string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(w) && w !== start) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** An import against the layering, with the rule it breaks. */
export interface LayerViolation {
  edge: ImportEdge;
  rule: string;
}

/**
 * Imports between modules that go sideways or up. `layers` lists the modules top to bottom;
 * a module may import its own files and any module in a lower layer, nothing else.
 */
export function layerViolations(
  edges: readonly ImportEdge[],
  layers: readonly (readonly string[])[],
): LayerViolation[] {
  const rank = new Map<string, number>();
  layers.forEach((layer, i) => layer.forEach((m) => rank.set(m, i)));
  const out: LayerViolation[] = [];
  for (const edge of edges) {
    if (edge.external) continue;
    const from = moduleOf(edge.from);
    const to = moduleOf(edge.to);
    if (from === to) continue;
    const rf = rank.get(from);
    const rt = rank.get(to);
    if (rf === undefined || rt === undefined) {
      const missing = rf === undefined ? from : to;
      out.push({ edge, rule: `module "${missing}" is in no layer: place it in LAYERS and docs/architecture.md` });
    } else if (rt <= rf) {
      const where = rt === rf ? `the same layer as "${from}"` : `a higher layer than "${from}"`;
      out.push({ edge, rule: `"${from}" may import only lower layers; "${to}" is in ${where}` });
    }
  }
  return out;
}

/** Where an outside library may be imported: a package-name test and the paths allowed to import it. */
export interface LibraryRule {
  library: string;
  matches(specifier: string): boolean;
  /** Whether `file` may import it (`typeOnly`: the import brings in types only). */
  allowed(file: string, typeOnly: boolean): boolean;
  where: string;
}

/** Imports of a library outside the one place that may import it. */
export function libraryViolations(edges: readonly ImportEdge[], rules: readonly LibraryRule[]): LayerViolation[] {
  const out: LayerViolation[] = [];
  for (const edge of edges) {
    if (!edge.external) continue;
    for (const rule of rules) {
      if (rule.matches(edge.to) && !rule.allowed(edge.from, edge.typeOnly)) {
        out.push({ edge, rule: `${rule.library} may be imported only ${rule.where}` });
      }
    }
  }
  return out;
}
