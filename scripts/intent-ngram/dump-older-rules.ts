/**
 * `npx tsx scripts/intent-ngram/dump-older-rules.ts <commit> <set> … > dump.jsonl`: the answers an older matcher
 * (the repository at <commit>, extracted to a temporary directory) gives to today's fixture files, one JSON line per
 * message ({set, i, r}), for `scripts/cv-intent-model.ts --rules-from dump.jsonl`. Sets are paths under
 * test/fixtures/intent/ as in scripts/intent-ngram/sets.ts. The rules answer alone (`ngram: () => null`; a matcher
 * older than the classifier ignores the option).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [commit, ...sets] = process.argv.slice(2);
if (!commit || !/^[0-9a-f]{7,40}$/.test(commit) || sets.length === 0) {
  console.error('用法 / usage: dump-older-rules.ts <commit> <set>…  (e.g. 3137d3e round5/tune.jsonl)');
  process.exit(2);
}

const DUMP = `
import { readFileSync } from 'node:fs';
import { matchIntent } from './src/intent/match.js';
import { loadPlaybooks } from './src/playbooks/loader.js';
import { defaultPlaybookDir } from './src/playbooks/paths.js';
import { playbookRegistry } from './src/app/playbook-registry.js';
const [fixtures, ...names] = process.argv.slice(2);
const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
for (const set of names) {
  let i = 0;
  for (const line of readFileSync(fixtures + '/' + set, 'utf8').split('\\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const r = matchIntent(JSON.parse(line).text, playbooks, { ngram: () => null });
    process.stdout.write(JSON.stringify({ set, i: i++, r }) + '\\n');
  }
}
`;

const dir = mkdtempSync(join(tmpdir(), 'oms-older-rules-'));
try {
  const tar = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'dump-intent.mts'), DUMP);
  const fixtures = join(ROOT, 'test', 'fixtures', 'intent');
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'dump-intent.mts', fixtures, ...sets], {
    cwd: dir,
    maxBuffer: 1 << 30,
  });
  process.stdout.write(out);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
