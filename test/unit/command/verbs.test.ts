import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { commandRef } from '../../../src/command/args.js';
import {
  manifestCommandText,
  readmeVerbTable,
  terminalHelp,
  VERBS_END,
  VERBS_START,
  withVerbTable,
} from '../../../src/command/help.js';
import { parseCommand } from '../../../src/command/parse.js';
import { tokenize } from '../../../src/command/tokenize.js';
import { VERB_TABLE, verbsFor } from '../../../src/command/verbs.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REGENERATE = 'run `npm run docs:verbs` to regenerate them from src/command/verbs.ts';

describe('the verb table', () => {
  it('has one entry per verb, each with a zh and en summary and at least one example', () => {
    const names = VERB_TABLE.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of VERB_TABLE) {
      expect(v.summary.zh.length).toBeGreaterThan(0);
      expect(v.summary.en.length).toBeGreaterThan(0);
      expect(v.examples.length).toBeGreaterThan(0);
      expect(Object.keys(v.offeredIn).length).toBeGreaterThan(0);
    }
  });

  it.each(VERB_TABLE.flatMap((v) => v.examples.map((e) => [v.name, e] as const)))(
    '%s: the example `%s` parses to that verb',
    (verb, example) => {
      const r = parseCommand(tokenize(example));
      expect(r).toMatchObject({ ok: true, command: { verb } });
    },
  );

  it('the terminal help lists every verb the console and the CLI offer, with the CLI prefix on the command line', () => {
    const cli = terminalHelp('cli');
    for (const v of verbsFor('cli')) expect(cli).toContain(`oms-chatops ${v.name}`);
    const console = terminalHelp('console');
    for (const v of verbsFor('console')) expect(console).toMatch(new RegExp(`^  ${v.name}\\b`, 'm'));
    expect(console).not.toContain('oms-chatops diagnose');
  });
});

describe('hints name commands as typed where the user is', () => {
  it.each([
    ['show', /`\/oms show login`/, /`oms-chatops show login`/],
    ['check', /`\/oms check backend-service`/, /`oms-chatops check backend-service`/],
    ['diagnose', /`\/oms diagnose login`/, /`oms-chatops diagnose login`/],
    ['keyscan', /`\/oms keyscan prod`/, /`oms-chatops keyscan prod`/],
  ])('%s without arguments', (verb, slack, cli) => {
    const s = parseCommand([verb], { frontEnd: 'slack' });
    const c = parseCommand([verb], { frontEnd: 'cli' });
    expect(!s.ok && s.hint).toMatch(slack);
    expect(!c.ok && c.hint).toMatch(cli);
    expect(!c.ok && c.hint).not.toContain('/oms');
  });

  it('commandRef writes the same words per front end', () => {
    expect(commandRef('slack', 'list')).toBe('`/oms list`');
    expect(commandRef('cli', 'list')).toBe('`oms-chatops list`');
    expect(commandRef('console', 'list')).toBe('`list`');
  });
});

describe('documents derived from the table', () => {
  it(`README.md's verb table matches the table (else ${REGENERATE})`, () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(VERBS_START);
    expect(readme).toContain(VERBS_END);
    const expected = withVerbTable(readme, readmeVerbTable());
    if (expected !== readme)
      throw new Error(`README.md's verb table has drifted from src/command/verbs.ts: ${REGENERATE}`);
  });

  it(`manifest.yml's /oms description and usage hint match the table (else ${REGENERATE})`, () => {
    const manifest = parseYaml(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));
    const oms = manifest.features.slash_commands[0];
    const want = manifestCommandText();
    if (oms.description !== want.description || oms.usage_hint !== want.usageHint)
      throw new Error(
        `manifest.yml's /oms text has drifted: want description "${want.description}" and usage_hint ` +
          `"${want.usageHint}"; ${REGENERATE}`,
      );
    for (const v of verbsFor('slack')) expect(oms.description).toContain(v.name);
  });

  it('withVerbTable replaces only the part between the markers', () => {
    const text = `a\n${VERBS_START}\nold\n${VERBS_END}\nb`;
    expect(withVerbTable(text, 'new')).toBe(`a\n${VERBS_START}\nnew\n${VERBS_END}\nb`);
    expect(withVerbTable('no markers', 'new')).toBeUndefined();
  });
});
