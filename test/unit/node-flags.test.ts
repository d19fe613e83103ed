import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_FLAGS } from '../../src/node-flags.js';

const ROOT = process.cwd();
const read = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const flags = NODE_FLAGS.join(' ');

describe('the flags node starts with (src/node-flags.ts)', () => {
  it("are on the command's first line, in npm start/cli/bench and in the bot's unit", () => {
    expect(read('bin/oms-chatops.js').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'cli', 'bench']) expect(scripts[name]).toMatch(new RegExp(`^tsx ${flags} `));
    const exec = read('deploy/oms-chatops.service')
      .split('\n')
      .find((l) => l.startsWith('ExecStart='));
    expect(exec).toMatch(new RegExp(`/tsx ${flags} /opt/oms-chatops/src/main\\.ts$`));
  });

  it('are taken by this node, through the first line of the command too', () => {
    // An option node does not know ends it with "bad option" and exit status 9 before anything runs.
    const ok = execFileSync(process.execPath, [...NODE_FLAGS, '-e', 'process.stdout.write("ran")'], {
      encoding: 'utf8',
    });
    expect(ok).toBe('ran');
    // The command's first line itself (env -S), as `oms-chatops` runs when installed, on a script printing its flags.
    const dir = mkdtempSync(join(tmpdir(), 'oms-node-flags-'));
    try {
      const script = join(dir, 'flags.mjs');
      const first = read('bin/oms-chatops.js').split('\n')[0];
      writeFileSync(script, `${first}\nprocess.stdout.write(process.execArgv.join(' '));\n`, { mode: 0o755 });
      expect(execFileSync(script, { encoding: 'utf8' })).toBe(flags);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
