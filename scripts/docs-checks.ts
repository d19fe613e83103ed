/**
 * `npm run docs:checks`: write the check tables of docs/checks.md from the
 * registry (scripts/checks-doc.ts). test/unit/checks/docs-drift.test.ts fails
 * when the page and the registry disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedSections, withGeneratedSections } from './checks-doc.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'checks.md');
writeFileSync(file, withGeneratedSections(readFileSync(file, 'utf8'), generatedSections()));
process.stdout.write(
  'docs/checks.md: check tables written from src/checks (service-checks.ts, web-checks.ts), causes from playbooks/causes\n',
);
