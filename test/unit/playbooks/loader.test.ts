import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlaybooks, findPlaybook, loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { PlaybookError, type Playbook } from '../../../src/playbooks/playbook.js';
import { docRegistry } from '../../fixtures/playbooks/registry.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const BAD = path.resolve(here, '../../fixtures/playbooks/bad');

async function loadError(dir: string): Promise<PlaybookError> {
  try {
    await loadPlaybooks(dir, docRegistry);
  } catch (e) {
    if (e instanceof PlaybookError) return e;
    throw e;
  }
  throw new Error(`expected ${dir} to fail`);
}

describe('loadPlaybooks on the real playbooks/', () => {
  let playbooks: Playbook[];
  beforeAll(async () => {
    playbooks = await loadPlaybooks(defaultPlaybookDir(), docRegistry);
  });

  it('finds the playbook directory at the repository root', () => {
    expect(defaultPlaybookDir()).toBe(path.resolve(here, '../../../playbooks'));
  });

  it('loads every playbook the operators need', () => {
    expect(playbooks.map((p) => p.id).sort()).toEqual(
      expect.arrayContaining(['admin', 'api-not-found', 'checklist', 'login', 'service-start', 'worker-sigterm']),
    );
    for (const p of playbooks) {
      expect(p.file).toBe(path.join(defaultPlaybookDir(), `${p.id}.md`));
      expect(p.phrases.length).toBeGreaterThan(5);
    }
  });

  it('cuts each finding its fix section without the heading or its anchor', () => {
    const login = findPlaybook(playbooks, 'login')!;
    const cors = login.findings.find((f) => f.id === 'cors-origin-missing')!;
    expect(cors.fix).toContain('CORS_ALLOWED_ORIGINS=http://172.29.91.61');
    expect(cors.fix).not.toContain('{#');
    expect(cors.fix).not.toContain('## ');
    // The section stops at the next heading of the same level.
    expect(cors.fix).not.toContain('VITE_API_BASE_URL');
    for (const p of playbooks) for (const f of p.findings) expect(f.fix.length).toBeGreaterThan(20);
  });

  it('parses signal references and keeps the source of each finding', () => {
    const start = findPlaybook(playbooks, 'service-start')!;
    const user = start.findings.find((f) => f.id === 'unit-user-missing')!;
    expect(user.when).toContainEqual({ check: 'backend-service', signal: 'exit-217-user' });
    expect(user.unless).toEqual([{ check: 'backend-service', signal: 'active' }]);
    expect(user.action).toBe('daemon-reload');
    expect(user.source).toBe('service-start');
  });

  it('merges the checks, actions and findings of included playbooks (checklist runs everything)', () => {
    const checklist = findPlaybook(playbooks, 'checklist')!;
    const others = playbooks.filter((p) => p.id !== 'checklist');
    for (const p of others) {
      for (const c of p.checks) expect(checklist.checks).toContain(c);
      for (const a of p.actions) expect(checklist.actions).toContain(a);
      for (const f of p.findings) expect(checklist.findings.map((g) => g.id)).toContain(f.id);
    }
    expect(new Set(checklist.checks).size).toBe(checklist.checks.length);
    expect(new Set(checklist.findings.map((f) => f.id)).size).toBe(checklist.findings.length);
    // Included findings keep the playbook they were written in; service-start comes first.
    expect(checklist.findings[0]!.source).toBe('service-start');
  });

  it('finds playbooks by id or alias, case-insensitively', () => {
    expect(findPlaybook(playbooks, 'LOGIN')?.id).toBe('login');
    expect(findPlaybook(playbooks, '登录')?.id).toBe('login');
    expect(findPlaybook(playbooks, ' sigterm ')?.id).toBe('worker-sigterm');
    expect(findPlaybook(playbooks, '后台')?.id).toBe('admin');
    expect(findPlaybook(playbooks, '217')?.id).toBe('service-start');
    expect(findPlaybook(playbooks, 'ＬＯＧＩＮ')?.id).toBe('login');
    expect(findPlaybook(playbooks, 'nothing-like-this')).toBeUndefined();
    expect(findPlaybook(playbooks, '')).toBeUndefined();
  });
});

describe('loadPlaybooks refuses malformed playbooks with file and line', () => {
  // [fixture folder, file that is wrong, line, what the message says]
  const cases: [string, string, number, RegExp][] = [
    ['no-front-matter', 'broken.md', 1, /no front matter/],
    ['invalid-yaml', 'broken.md', 7, /invalid YAML/],
    ['unknown-check', 'broken.md', 9, /unknown check "foo" in checks; known: backend-service, /],
    [
      'unknown-signal',
      'broken.md',
      8,
      /causes\[0\]\.when\[1\]: unknown signal "exploded" of check "backend-service"; backend-service declares: active, inactive/,
    ],
    ['unknown-action', 'broken.md', 10, /unknown action "rm-rf-slash" in actions; known: restart-backend/],
    ['unknown-cause-action', 'broken.md', 7, /unknown action "rm-rf-slash"; known: restart-backend/],
    [
      'cause-without-section',
      'broken.md',
      7,
      /cause "failed" has no body section: add a heading ending in \{#failed\}/,
    ],
    [
      'orphan-anchor',
      'broken.md',
      22,
      /heading anchor \{#extra\} names no cause of the catalogue \(playbooks\/causes\/\) and no how-to section/,
    ],
    [
      'duplicate-cause',
      'broken.md',
      7,
      /cause id "down" is defined twice \(first in a-first\.md:3\); define a cause once/,
    ],
    ['explains-cycle', 'broken.md', 17, /causes\[2\]\.explains\[0\]: cycle in explains: a → b → c → a/],
    ['explains-unknown', 'broken.md', 7, /causes\[0\]\.explains\[0\]: unknown cause "nosuch"/],
    ['playbook-findings', 'broken.md', 8, /findings: moved to the catalogue of causes \(playbooks\/causes\/\*\.md/],
    ['duplicate-section', 'broken.md', 15, /\{#down\} is used twice \(first on line 11\)/],
    ['bad-regex', 'broken.md', 9, /signature is not a valid regular expression/],
    ['empty-match-regex', 'broken.md', 8, /matches the empty string/],
    ['duplicate-alias', 'second.md', 8, /alias "login" is already the alias of playbook "first"/],
    ['id-mismatch', 'broken.md', 4, /id "login" must match the file name: use id: broken/],
    ['include-cycle', 'c.md', 8, /include cycle: a → b → c → a/],
    ['unknown-include', 'broken.md', 7, /unknown playbook "nope" in includes/],
    [
      'unknown-key',
      'broken.md',
      7,
      /unknown key "unles"; valid keys: id, severity, title, when, all, unless, explains, suspect, action/,
    ],
    ['bad-severity', 'broken.md', 4, /causes\[0\]\.severity: .*"critical"/],
    ['alias-bomb', 'broken.md', 2, /invalid YAML|unknown key/],
    ['unknown-concept', 'broken.md', 9, /unknown concept "exploded"; concepts are defined in src\/intent\/lexicon.ts/],
    [
      'howto-without-section',
      'broken.md',
      8,
      /how-to section "reset-password" has no body section: add a heading ending in \{#reset-password\}/,
    ],
  ];

  it.each(cases)('%s', async (folder, file, line, problem) => {
    const err = await loadError(path.join(BAD, folder));
    expect(path.basename(err.file)).toBe(file);
    expect(path.isAbsolute(err.file)).toBe(true);
    expect(err.problem).toMatch(problem);
    expect(err.line).toBe(line);
    expect(err.message).toBe(`${err.file}:${err.line}: ${err.problem}`);
  });

  it('has a fixture folder for every case', async () => {
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(BAD)).sort()).toEqual(cases.map((c) => c[0]).sort());
  });
});

describe('buildPlaybooks', () => {
  const ok = (id: string, extra = '', body = ''): { file: string; source: string } => ({
    file: `/pb/${id}.md`,
    source: `---\nid: ${id}\ntitle: T\ntitleEn: T\nsummary: S\naliases: [${id}-alias]\n${extra}---\n\n# T\n${body}`,
  });

  it('accepts a BOM and CRLF line endings and keeps line numbers', () => {
    const src = ok('crlf', 'checks: [nosuch]\n');
    const err = (() => {
      try {
        buildPlaybooks([{ file: src.file, source: '\uFEFF' + src.source.replace(/\n/g, '\r\n') }], docRegistry);
      } catch (e) {
        return e as PlaybookError;
      }
      throw new Error('expected failure');
    })();
    expect(err.line).toBe(7);
  });

  it('needs no registry lists for its messages', () => {
    const bare = { hasCheck: () => false, checkSignals: () => undefined, hasAction: () => false };
    expect(() => buildPlaybooks([ok('x', 'checks: [nosuch]\n')], bare)).toThrow(/unknown check "nosuch" in checks$/);
  });

  it('treats an id used as another playbook alias as a clash', () => {
    expect(() =>
      buildPlaybooks([ok('a'), { ...ok('b'), source: ok('b').source.replace('b-alias', 'a') }], docRegistry),
    ).toThrow(/alias "a" is already the id of playbook "a"/);
  });

  const causes = (front: string, body: string, name = 'service') => ({
    file: `/pb/causes/${name}.md`,
    source: `---\ncauses:\n${front}---\n\n# Causes\n${body}`,
  });
  const DOWN =
    '  - {id: down, severity: critical, title: down, when: [backend-service:inactive], action: start-backend}\n';
  const HINT = '  - {id: hint, severity: info, title: hint, when: [backend-service:active]}\n';

  it('gives every playbook every cause, worded by the playbook (or what it includes) where it has a section', () => {
    const catalogue = causes(HINT + DOWN, '\n## Hint {#hint}\n\nhint\n\n## Down {#down}\n\nstart it\n');
    const base = ok('base', 'checks: [nginx-site]\n', '\n## Down {#down}\n\nbase version\n');
    const top = ok('top', 'includes: [base]\n');
    const other = ok('other', 'checks: [backend-port]\n');
    const [b, t, o] = buildPlaybooks([base, top, other], docRegistry, [catalogue]);
    // Critical before info, whatever the catalogue order; a playbook names no cause to reach it.
    expect(o!.findings.map((f) => [f.id, f.source, f.fix])).toEqual([
      ['down', 'causes/service', 'start it'],
      ['hint', 'causes/service', 'hint'],
    ]);
    expect(b!.findings.map((f) => [f.id, f.source, f.fix])[0]).toEqual(['down', 'base', 'base version']);
    expect(t!.findings.map((f) => [f.id, f.source, f.fix])[0]).toEqual(['down', 'base', 'base version']);
    expect(t!.checks).toEqual(['nginx-site']);
    // The cause's action is one every playbook may offer.
    expect(o!.actions).toEqual(['start-backend']);
  });

  it('keeps nested headings inside a cause section and strips their anchors', () => {
    const catalogue = causes(DOWN, '\n## Down {#down}\n\nintro\n\n### Details\n\nmore\n\n## Other\n\nnot part of it\n');
    const [p] = buildPlaybooks([ok('nest')], docRegistry, [catalogue]);
    expect(p!.findings[0]!.fix).toBe('intro\n\n### Details\n\nmore');
  });

  it('refuses duplicate entries and a cause defined twice', () => {
    expect(() => buildPlaybooks([ok('d', 'checks: [backend-service, backend-service]\n')], docRegistry)).toThrow(
      /appears twice in checks/,
    );
    expect(() =>
      buildPlaybooks([ok('f')], docRegistry, [
        causes(HINT, '\n## Hint {#hint}\n\nx\n', 'a'),
        causes(HINT, '\n## Hint {#hint}\n\nx\n', 'b'),
      ]),
    ).toThrow(/\/pb\/causes\/b\.md:3: cause id "hint" is defined twice \(first in a\.md:3\)/);
  });

  it('refuses a how-to section named like a cause', () => {
    const catalogue = causes(HINT, '\n## Hint {#hint}\n\nx\n');
    const pb = ok('h', 'howto:\n  - section: hint\n    concepts: [[login]]\n', '\n## Hint {#hint}\n\nx\n');
    expect(() => buildPlaybooks([pb], { ...docRegistry, conceptIds: undefined }, [catalogue])).toThrow(
      /how-to section "hint" has the id of a cause/,
    );
  });
});
