/**
 * The shape of src/, as docs/architecture.md describes it: no import cycles,
 * imports only downwards through the layers, and each outside library imported
 * in its one place. The graph is read from the sources on every run.
 */
import { fileURLToPath } from 'node:url';
import {
  findCycles,
  importSpecifiers,
  layerViolations,
  libraryViolations,
  moduleOf,
  readImports,
  sourceFiles,
  type ImportEdge,
  type LayerViolation,
  type LibraryRule,
} from '../helpers/import-graph.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The modules of src/, top layer first. A module may import any module in a lower
 * layer, never one in its own layer or above. Keep in step with docs/architecture.md.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['bundle'], // the esbuild bundle's entry: maps stack traces to src/, then runs main
  ['main'], // composition root: wires everything
  ['slack', 'cli'], // front ends: render results; never each other
  ['app'], // application functions: (request, actor) → result values
  ['command'], // the verb table, parsing, resolving names to targets/playbooks/checks
  // user import; approve-to-run; layout discovery; bundle; watches (schedule, state, lease); compare
  ['users', 'approvals', 'discovery', 'support-bundle', 'watch', 'compare'],
  ['render', 'audit', 'access', 'intent'], // report rendering, audit trail, keyscan/sudoers/doctor, intent matching
  ['engine'], // run a playbook's checks on a target; correlate findings
  ['playbooks'], // load and validate playbooks against the registries
  ['checks', 'actions'], // the read-only and the write whitelists
  ['transport'], // run argv on a target: local or SSH
  ['config'], // zod schemas and loading of env and config file
  ['store', 'redact', 'duration', 'messages', 'crash-test', 'node-flags'], // shared utilities that import nothing above them
];

/** Outside libraries and the one place each may be imported. */
const LIBRARIES: readonly LibraryRule[] = [
  {
    library: 'ssh2',
    matches: (s) => s === 'ssh2' || s.startsWith('ssh2/'),
    allowed: (f) => f.startsWith('src/transport/ssh/'),
    where: 'under src/transport/ssh/',
  },
  {
    library: 'child_process',
    matches: (s) => s === 'child_process' || s === 'node:child_process',
    allowed: (f) => f === 'src/transport/local.ts',
    where: 'in src/transport/local.ts',
  },
  {
    library: '@slack/*',
    matches: (s) => s.startsWith('@slack/'),
    // render/ builds Block Kit, so it may name Block Kit's types; a type-only import loads nothing of Slack.
    allowed: (f, typeOnly) => f.startsWith('src/slack/') || (typeOnly && f.startsWith('src/render/')),
    where: 'under src/slack/ (and, types only, under src/render/)',
  },
  {
    library: 'ioredis',
    matches: (s) => s === 'ioredis' || s === 'redis',
    allowed: (f) => f === 'src/store/redis-store.ts',
    where: 'in src/store/redis-store.ts',
  },
  {
    library: 'marked',
    matches: (s) => s === 'marked',
    allowed: (f) => f.startsWith('src/playbooks/') || f.startsWith('src/render/'),
    where: 'under src/playbooks/ and src/render/',
  },
];

/**
 * Cycles that exist today and are being removed by another change. This list may only
 * get shorter: never add to it; delete an entry as soon as its cycle is gone.
 */
const KNOWN_CYCLES_SHRINKING_ONLY: readonly string[] = [];

/**
 * Imports against the layering that exist today, each with the way out. This list may only get
 * shorter: never add to it; delete an entry once its import is gone (the test says so).
 */
const LAYER_EXCEPTIONS_SHRINKING_ONLY: readonly string[] = [];

const files = sourceFiles(ROOT);
const edges = readImports(ROOT, files);

const show = (v: LayerViolation) => `${v.edge.from} → ${v.edge.to}: ${v.rule}`;
const cycleText = (cycle: readonly string[]) => cycle.join(' → ');

describe('the import graph of src/', () => {
  test('is read: every file is scanned, and known edges are seen', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: 'src/main.ts', to: 'src/config/config.ts', external: false, typeOnly: false });
    expect(edges).toContainEqual({ from: 'src/transport/ssh/key.ts', to: 'ssh2', external: true, typeOnly: false });
  });

  test('has no import cycle', () => {
    const cycles = findCycles(edges.filter((e) => !e.external)).map(cycleText);
    const unexpected = cycles.filter((c) => !KNOWN_CYCLES_SHRINKING_ONLY.includes(c));
    const fixed = KNOWN_CYCLES_SHRINKING_ONLY.filter((c) => !cycles.includes(c));
    expect({ 'import cycles (break them: move the shared part down a layer)': unexpected }).toEqual({
      'import cycles (break them: move the shared part down a layer)': [],
    });
    expect({ 'gone: delete from KNOWN_CYCLES_SHRINKING_ONLY': fixed }).toEqual({
      'gone: delete from KNOWN_CYCLES_SHRINKING_ONLY': [],
    });
  });

  test('places every module of src/ in exactly one layer', () => {
    const modules = [...new Set(files.map(moduleOf))].sort();
    const placed = LAYERS.flat();
    expect({
      'modules in no layer (add them to LAYERS and docs/architecture.md)': modules.filter((m) => !placed.includes(m)),
    }).toEqual({
      'modules in no layer (add them to LAYERS and docs/architecture.md)': [],
    });
    expect(new Set(placed).size).toBe(placed.length);
  });

  test('only imports downwards through the layers', () => {
    const violations = layerViolations(edges, LAYERS);
    const edgeText = (v: LayerViolation) => `${v.edge.from} → ${v.edge.to}`;
    const unexpected = violations.filter((v) => !LAYER_EXCEPTIONS_SHRINKING_ONLY.includes(edgeText(v))).map(show);
    const gone = LAYER_EXCEPTIONS_SHRINKING_ONLY.filter((e) => !violations.some((v) => edgeText(v) === e));
    expect({ 'imports against the layering': unexpected }).toEqual({ 'imports against the layering': [] });
    expect({ 'gone: delete from LAYER_EXCEPTIONS_SHRINKING_ONLY': gone }).toEqual({
      'gone: delete from LAYER_EXCEPTIONS_SHRINKING_ONLY': [],
    });
  });

  test('imports each outside library in its one place', () => {
    expect({ 'libraries imported outside their place': libraryViolations(edges, LIBRARIES).map(show) }).toEqual({
      'libraries imported outside their place': [],
    });
  });
});

describe('the checks themselves', () => {
  const edge = (from: string, to: string, external = false, typeOnly = false): ImportEdge => ({
    from,
    to,
    external,
    typeOnly,
  });

  test('importSpecifiers sees every kind of import, and which bring in types only', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, f } from './e.js';",
      "import './side-effect.js';",
      "export { g } from './g.js';",
      "export type { H } from './h.js';",
      "export * from './star.js';",
      "const lazy = await import('./lazy.js');",
      "let t: import('./type-query.js').T;",
      "import req = require('./req.js');",
    ].join('\n');
    expect(importSpecifiers('x.ts', text)).toEqual([
      { specifier: './a.js', typeOnly: false },
      { specifier: './b.js', typeOnly: true },
      { specifier: './c.js', typeOnly: true },
      { specifier: './e.js', typeOnly: false },
      { specifier: './side-effect.js', typeOnly: false },
      { specifier: './g.js', typeOnly: false },
      { specifier: './h.js', typeOnly: true },
      { specifier: './star.js', typeOnly: false },
      { specifier: './lazy.js', typeOnly: false },
      { specifier: './type-query.js', typeOnly: true },
      { specifier: './req.js', typeOnly: false },
    ]);
  });

  test('findCycles reports a cycle as a closed path, and nothing for a tree', () => {
    const graph = [
      edge('src/slack/approvals.ts', 'src/slack/deps.ts'),
      edge('src/slack/deps.ts', 'src/slack/approvals.ts'),
      edge('src/slack/app.ts', 'src/slack/deps.ts'),
      edge('src/a.ts', 'src/b.ts'),
      edge('src/b.ts', 'src/c.ts'),
      edge('src/c.ts', 'src/a.ts'),
    ];
    expect(findCycles(graph).map(cycleText).sort()).toEqual([
      'src/a.ts → src/b.ts → src/c.ts → src/a.ts',
      'src/slack/approvals.ts → src/slack/deps.ts → src/slack/approvals.ts',
    ]);
    expect(
      findCycles([edge('src/a.ts', 'src/b.ts'), edge('src/a.ts', 'src/c.ts'), edge('src/b.ts', 'src/c.ts')]),
    ).toEqual([]);
  });

  test('layerViolations names the edge and the rule for upward, sideways and unplaced imports', () => {
    const violations = layerViolations(
      [
        edge('src/transport/local.ts', 'src/checks/check.ts'),
        edge('src/checks/registry.ts', 'src/actions/registry.ts'),
        edge('src/engine/engine.ts', 'src/checks/check.ts'),
        edge('src/nowhere/x.ts', 'src/config/config.ts'),
        edge('src/engine/engine.ts', 'zod', true),
      ],
      LAYERS,
    ).map(show);
    expect(violations).toEqual([
      'src/transport/local.ts → src/checks/check.ts: "transport" may import only lower layers; "checks" is in a higher layer than "transport"',
      'src/checks/registry.ts → src/actions/registry.ts: "checks" may import only lower layers; "actions" is in the same layer as "checks"',
      'src/nowhere/x.ts → src/config/config.ts: module "nowhere" is in no layer: place it in LAYERS and docs/architecture.md',
    ]);
  });

  test('libraryViolations names the file that imports a library outside its place', () => {
    const violations = libraryViolations(
      [
        edge('src/checks/curl-probe.ts', 'node:child_process', true),
        edge('src/transport/local.ts', 'node:child_process', true),
        edge('src/engine/engine.ts', '@slack/bolt', true),
        edge('src/transport/ssh/index.ts', 'ssh2', true),
        edge('src/render/block-limits.ts', '@slack/bolt', true, true),
        edge('src/render/blocks.ts', '@slack/bolt', true, false),
      ],
      LIBRARIES,
    ).map(show);
    expect(violations).toEqual([
      'src/checks/curl-probe.ts → node:child_process: child_process may be imported only in src/transport/local.ts',
      'src/engine/engine.ts → @slack/bolt: @slack/* may be imported only under src/slack/ (and, types only, under src/render/)',
      'src/render/blocks.ts → @slack/bolt: @slack/* may be imported only under src/slack/ (and, types only, under src/render/)',
    ]);
  });

  test('moduleOf: a folder under src/, or a top-level file by its name', () => {
    expect(moduleOf('src/transport/ssh/key.ts')).toBe('transport');
    expect(moduleOf('src/redact.ts')).toBe('redact');
    expect(moduleOf('src/redact/forms.ts')).toBe('redact');
    expect(moduleOf('src/main.ts')).toBe('main');
  });
});
