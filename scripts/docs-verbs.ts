/**
 * `npm run docs:verbs`: write the verb table (src/command/verbs.ts) into the
 * README (between `<!-- verbs:start -->` and `<!-- verbs:end -->`) and the
 * `/oms` description and usage hint into manifest.yml.
 * test/unit/command/verbs.test.ts fails when either has drifted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestCommandText, readmeVerbTable, withVerbTable } from '../src/command/help.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const readmePath = join(root, 'README.md');
const readme = withVerbTable(readFileSync(readmePath, 'utf8'), readmeVerbTable());
if (readme === undefined) throw new Error('README.md has no <!-- verbs:start --> … <!-- verbs:end --> markers');
writeFileSync(readmePath, readme);

const manifestPath = join(root, 'manifest.yml');
const { description, usageHint } = manifestCommandText();
const manifest = readFileSync(manifestPath, 'utf8')
  .replace(/^( {6}description: ).*$/m, `$1${description}`)
  .replace(/^( {6}usage_hint: ).*$/m, `$1${JSON.stringify(usageHint)}`);
writeFileSync(manifestPath, manifest);
console.log('README.md verb table and manifest.yml /oms hint written from src/command/verbs.ts');
