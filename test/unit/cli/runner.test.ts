import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../../src/cli/runner.js';
import { VERB_TABLE } from '../../../src/command/verbs.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { testConfig } from '../approvals/fake-server.js';

async function runner() {
  const lines: string[] = [];
  const r = new CommandRunner({
    config: testConfig(),
    playbooks: await loadPlaybooks(defaultPlaybookDir(), playbookRegistry()),
    checks: CHECKS,
    findCheck,
    transportFor: () => {
      throw new Error('nothing runs in these tests');
    },
    out: (t) => lines.push(t),
  });
  return { r, text: () => lines.join('\n') };
}

describe('the command line and console runner', () => {
  it('writes hints as typed where the user is: `oms-chatops show login` on the command line, `show login` in the console', async () => {
    const cli = await runner();
    expect(await cli.r.runWords(['show'])).toBe(EXIT.usage);
    expect(cli.text()).toContain('`oms-chatops show login`');
    const console = await runner();
    expect(await console.r.runLine('show')).toBe(EXIT.usage);
    expect(console.text()).toContain('`show login`');
    expect(console.text()).not.toContain('oms-chatops show');
  });

  it('help lists every verb of the table', async () => {
    const { r, text } = await runner();
    expect(await r.runWords(['help'])).toBe(EXIT.ok);
    for (const v of VERB_TABLE) expect(text()).toContain(`oms-chatops ${v.name}`);
  });

  it('verbs whose parts are not wired say so and what to do, and run nothing', async () => {
    const { r, text } = await runner();
    expect(await r.runWords(['audit'])).toBe(EXIT.usage);
    expect(await r.runWords(['keyscan', 'prod'])).toBe(EXIT.usage);
    expect(await r.runWords(['run', 'restart-backend', '--reason', 'x', '--yes'])).toBe(EXIT.usage);
    expect(text()).toMatch(/audit is not available: .* — nothing was run\n下一步 \/ Next: /);
    expect(text()).toMatch(/keyscan is not available/);
    expect(text()).toMatch(/run is not available/);
  });
});
