import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../../src/cli/runner.js';
import type { Config } from '../../../src/config/config.js';
import { LayoutService } from '../../../src/discovery/layout-service.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { assertNoCanary, FixtureServer, tree, unpack } from '../../helpers/bundle-fixture.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oms-bundle-verb-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundle verb', () => {
  it('writes the bundle with the discovered layout and a fresh checklist report, and no canary', async () => {
    const target = { ...tree(root), name: 'lab' };
    const config: Config = {
      targets: new Map([['lab', target]]),
      defaultTarget: 'lab',
      groups: new Map([['all', ['lab']]]),
      policy: {} as Config['policy'],
      dataDir: root,
      source: 'test',
    };
    const server = new FixtureServer();
    const lines: string[] = [];
    const runner = new CommandRunner({
      config,
      playbooks: await loadPlaybooks(defaultPlaybookDir(), playbookRegistry()),
      checks: CHECKS,
      findCheck,
      transportFor: () => server,
      out: (t) => lines.push(t),
      layout: new LayoutService({ transportFor: () => server }),
      now: () => new Date('2026-11-30T05:00:00Z'),
    });
    const out = join(root, 'b.tar.gz');
    expect(await runner.runWords(['bundle', 'lab', '-o', out])).toBe(EXIT.ok);
    expect(lines.join('\n')).toContain(`support bundle written: ${out}`);
    expect(lines.join('\n')).toContain('HAR');
    const files = unpack(root, readFileSync(out));
    expect(files.get('diagnosis.txt')).toMatch(/checklist/);
    expect(files.get('layout.txt')).toMatch(/paths\.backend/);
    assertNoCanary(files);
  });

  it('refuses extra words and a missing file name', async () => {
    const { parseCommand } = await import('../../../src/command/parse.js');
    expect(parseCommand(['bundle', 'a', 'b'])).toMatchObject({ ok: false });
    expect(parseCommand(['bundle', '-o'])).toMatchObject({ ok: false, error: '-o needs a file name' });
    expect(parseCommand(['bundle', '-o', 'x.tar.gz', 'prod'])).toMatchObject({
      ok: true,
      command: { verb: 'bundle', target: 'prod', output: 'x.tar.gz' },
    });
  });
});
