/** `run` and `audit` on the console and the command line, through the shared parser and runner. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../../src/approvals/service.js';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../../src/cli/runner.js';
import { parseCommand } from '../../../src/command/parse.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { tokenize } from '../../../src/command/tokenize.js';
import { fakeServer, testConfig } from './fake-server.js';

const RESTART = ['/usr/bin/systemctl', 'restart', 'oms-backend'];

async function setup(
  options: { policy?: string; confirm?: (q: string) => Promise<boolean>; interactiveConsole?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'oms-console-run-'));
  const server = fakeServer();
  const config = testConfig(options.policy ?? '  consoleApproval: true\n');
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const { FileStore } = await import('../../../src/store/file-store.js');
  const approvals = new ApprovalService({
    config,
    store: new FileStore({ dir: join(dir, 'store') }),
    audit,
    transportFor: () => server.transport,
    findCheck,
    postCheckAttempts: 1,
    postCheckDelayMs: 0,
  });
  const lines: string[] = [];
  const questions: string[] = [];
  const runner = new CommandRunner({
    config,
    playbooks: await loadPlaybooks(defaultPlaybookDir(), playbookRegistry()),
    checks: CHECKS,
    findCheck,
    transportFor: () => server.transport,
    out: (t) => lines.push(t),
    approvals,
    audit,
    operator: 'console:alice',
    ...(options.confirm ? { confirm: (q: string) => (questions.push(q), options.confirm!(q)) } : {}),
    interactiveConsole: options.interactiveConsole ?? false,
  });
  return { server, audit, runner, lines, questions, text: () => lines.join('\n') };
}

describe('parser: run and audit', () => {
  it('run <action> [target] --reason "…" [--yes]', () => {
    expect(parseCommand(tokenize('run restart-backend prod --reason "backend down, since 10:02"'))).toMatchObject({
      ok: true,
      command: {
        verb: 'run',
        action: 'restart-backend',
        target: 'prod',
        reason: 'backend down, since 10:02',
        yes: false,
      },
    });
    expect(parseCommand(['run', 'reload-nginx', '--yes', '--reason=config fixed'])).toMatchObject({
      ok: true,
      command: { verb: 'run', action: 'reload-nginx', reason: 'config fixed', yes: true },
    });
  });
  it('run without a reason, with stray words or shell characters is refused with an example', () => {
    const noReason = parseCommand(['run', 'restart-backend']);
    expect(noReason).toMatchObject({ ok: false });
    expect(!noReason.ok && noReason.hint).toMatch(/--reason "/);
    expect(parseCommand(tokenize('run restart-backend prod now please --reason x'))).toMatchObject({ ok: false });
    expect(parseCommand(tokenize('run restart-backend;reboot --reason x'))).toMatchObject({ ok: false });
    // The rule covers the whole command, the reason included (it is never run, but the refusal is the same everywhere).
    expect(parseCommand(tokenize('run restart-backend prod --reason "backend down; since 10:02"'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/refused/),
    });
    expect(parseCommand(['run', '--reason', 'x'])).toMatchObject({ ok: false });
  });
  it('audit [--since …] [--target …]', () => {
    expect(parseCommand(['audit', '--since', '1h', '--target', 'prod'])).toMatchObject({
      ok: true,
      command: { verb: 'audit', since: '1h', target: 'prod' },
    });
    expect(parseCommand(['audit', 'everything'])).toMatchObject({ ok: false });
    expect(parseCommand(['audit', '--since'])).toMatchObject({ ok: false });
  });
});

describe('run on the command line', () => {
  it('asks y/N on a terminal; yes runs it once and reports the verified result', async () => {
    const t = await setup({ confirm: async () => true });
    const code = await t.runner.runWords(['run', 'restart-backend', 'prod', '--reason', 'backend down']);
    expect(code).toBe(EXIT.ok);
    expect(t.questions).toEqual(['确认执行？/ Run it? [y/N] ']);
    expect(t.text()).toMatch(/sudo -n \/usr\/bin\/systemctl restart oms-backend/);
    expect(t.text()).toMatch(/done and verified/);
    expect(t.server.state.sudo).toEqual([RESTART]);
    expect((await t.audit.read()).map((r) => r.event)).toEqual([
      'action.requested',
      'action.approved',
      'action.executed',
    ]);
    expect((await t.audit.read())[0]).toMatchObject({ user: 'console:alice', via: 'cli' });
  });

  it('no runs nothing and records the cancellation', async () => {
    const t = await setup({ confirm: async () => false });
    expect(await t.runner.runWords(['run', 'restart-backend', '--reason', 'down'])).toBe(EXIT.usage);
    expect(t.server.state.sudo).toEqual([]);
    expect(t.text()).toMatch(/denied by console:alice: cancelled at the terminal — nothing was run/);
    expect((await t.audit.read()).map((r) => r.event)).toEqual(['action.requested', 'action.denied']);
  });

  it('without a terminal it refuses unless --yes, and --yes works only where policy allows local approval', async () => {
    const t = await setup();
    expect(await t.runner.runWords(['run', 'restart-backend', '--reason', 'down'])).toBe(EXIT.usage);
    expect(t.text()).toMatch(/no terminal to confirm on — nothing was run/);
    expect(await t.audit.read()).toEqual([]);
    expect(await t.runner.runWords(['run', 'restart-backend', '--reason', 'down', '--yes'])).toBe(EXIT.ok);
    expect(t.server.state.sudo).toEqual([RESTART]);

    const strict = await setup({ policy: '', confirm: async () => true });
    expect(await strict.runner.runWords(['run', 'restart-backend', '--reason', 'down', '--yes'])).toBe(EXIT.usage);
    expect(strict.text()).toMatch(/policy.consoleApproval is false/);
    expect(strict.server.state.sudo).toEqual([]);
  });

  it('a precondition failure exits 2 and says nothing was run; unknown actions and targets are refused', async () => {
    const t = await setup({ confirm: async () => true });
    t.server.state.nginxBroken = true;
    expect(await t.runner.runWords(['run', 'reload-nginx', '--reason', 'new config'])).toBe(EXIT.usage);
    expect(t.text()).toMatch(/precondition failed, nothing was run/);
    expect(await t.runner.runWords(['run', 'format-disk', '--reason', 'x'])).toBe(EXIT.usage);
    expect(await t.runner.runWords(['run', 'restart-backend', 'mars', '--reason', 'x'])).toBe(EXIT.usage);
    expect(t.server.state.sudo).toEqual([]);
  });
});

describe('run on the console', () => {
  it('shows the card, asks, and the next line answers', async () => {
    const t = await setup({ interactiveConsole: true });
    expect(await t.runner.runLine('run restart-backend --reason "backend down"')).toBe(EXIT.ok);
    expect(t.text()).toMatch(/Run it\? \[y\/N\]$/);
    expect(t.server.state.sudo).toEqual([]);
    expect(await t.runner.runLine('y')).toBe(EXIT.ok);
    expect(t.server.state.sudo).toEqual([RESTART]);
    // The answer was consumed: the next line is a command again.
    expect(await t.runner.runLine('run restart-backend --reason again')).toBe(EXIT.ok);
    expect(await t.runner.runLine('no')).toBe(EXIT.usage);
    expect(t.server.state.sudo).toEqual([RESTART]);
  });

  it('a piped console (no terminal) refuses run without --yes', async () => {
    const t = await setup({ interactiveConsole: false });
    expect(await t.runner.runLine('run restart-backend --reason down')).toBe(EXIT.usage);
    expect(t.server.state.sudo).toEqual([]);
  });
});

describe('audit records for diagnoses and the audit verb', () => {
  it('diagnose and check append records; audit shows them, filtered', async () => {
    const t = await setup();
    await t.runner.runWords(['check', 'backend-service', 'prod']);
    expect([EXIT.ok, EXIT.problem]).toContain(await t.runner.runWords(['diagnose', 'service-start', 'staging']));
    const records = await t.audit.read();
    expect(records.map((r) => [r.event, r.target])).toEqual([
      ['check', 'prod'],
      ['diagnosis', 'staging'],
    ]);
    expect(records[0]).toMatchObject({ check: 'backend-service', user: 'console:alice', verdict: expect.any(String) });
    expect(records[1]?.playbook).toBeTruthy();
    t.lines.length = 0;
    expect(await t.runner.runWords(['audit', '--target', 'prod'])).toBe(EXIT.ok);
    expect(t.text()).toMatch(/check +prod +console:alice +backend-service/);
    expect(t.text()).not.toMatch(/staging/);
    t.lines.length = 0;
    expect(await t.runner.runWords(['audit', '--since', '1h', '--json'])).toBe(EXIT.ok);
    expect(JSON.parse(t.text())).toHaveLength(2);
    expect(await t.runner.runWords(['audit', '--since', 'last tuesday'])).toBe(EXIT.usage);
  });
});

describe('run clear and audit verify', () => {
  it('parses `run clear <action> [target]` and `audit verify`; refuses stray words', () => {
    expect(parseCommand(tokenize('run clear restart-backend prod'))).toMatchObject({
      ok: true,
      command: { verb: 'run', clear: true, action: 'restart-backend', target: 'prod' },
    });
    expect(parseCommand(tokenize('run clear'))).toMatchObject({ ok: false, hint: expect.stringMatching(/run clear/) });
    expect(parseCommand(tokenize('run clear restart-backend prod extra'))).toMatchObject({ ok: false });
    expect(parseCommand(tokenize('audit verify'))).toMatchObject({
      ok: true,
      command: { verb: 'audit', verify: true },
    });
    expect(parseCommand(tokenize('audit verify now'))).toMatchObject({ ok: false });
  });

  it('`run clear` lifts a stop after two failed post-checks; `audit verify` checks the chain and names a broken line', async () => {
    const t = await setup({ confirm: async () => true });
    t.server.state.restartDoesNotHelp = true;
    await t.runner.runWords(['run', 'restart-backend', 'prod', '--reason', 'down']);
    await t.runner.runWords(['run', 'restart-backend', 'prod', '--reason', 'down again']);
    t.lines.length = 0;
    expect(await t.runner.runWords(['run', 'restart-backend', 'prod', '--reason', 'third'])).toBe(EXIT.usage);
    expect(t.text()).toMatch(/is stopped.*failed 2 times in a row[\s\S]*run clear restart-backend prod/);
    t.lines.length = 0;
    expect(await t.runner.runWords(['run', 'clear', 'restart-backend', 'prod'])).toBe(EXIT.ok);
    expect(t.text()).toMatch(/cleared: restart-backend on prod/);
    expect(t.server.state.sudo).toHaveLength(2);
    t.lines.length = 0;
    expect(await t.runner.runWords(['audit', 'verify'])).toBe(EXIT.ok);
    expect(t.text()).toMatch(/verified: \d+ chained records/);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const lines = readFileSync(t.audit.file, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('console:alice', 'console:mallory');
    writeFileSync(t.audit.file, lines.join('\n'));
    t.lines.length = 0;
    expect(await t.runner.runWords(['audit', 'verify'])).toBe(EXIT.problem);
    expect(t.text()).toMatch(/broken at line 3/);
  });
});
