import { stderr, stdin, stdout } from 'node:process';
import { CHECKS, findCheck } from './checks/registry.js';
import { runConsole } from './cli/console.js';
import { CommandRunner, EXIT } from './cli/runner.js';
import { ConfigError, loadConfig, resolveConfigPath } from './config/config.js';
import { loadPlaybooks } from './playbooks/loader.js';
import { defaultPlaybookDir } from './playbooks/paths.js';
import { PlaybookError } from './playbooks/playbook.js';
import { styleFor } from './render/style.js';
import { redact } from './redact.js';
import { createTransportPool } from './transport/factory.js';
import { playbookRegistry } from './playbooks/registry-adapter.js';
import { accessTools } from './transport/access-tools.js';

/** Composition root: read config and playbooks, wire the pieces, pick the front end. */
async function main(argv: string[]): Promise<number> {
  const configFlag = flagValue(argv, '--config');
  const config = await loadConfig(resolveConfigPath(configFlag, process.env, process.cwd()));
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const pool = createTransportPool({ env: process.env });
  const runner = new CommandRunner({
    config,
    playbooks,
    checks: CHECKS,
    findCheck,
    transportFor: (t) => pool.get(t),
    access: accessTools({ env: process.env, transportFor: (t) => pool.get(t) }),
    out: (text) => stdout.write(`${text}\n`),
    progress: stderr.isTTY ? (text) => stderr.write(`${text}\n`) : undefined,
    style: styleFor(stdout),
  });
  try {
    if (argv.length > 0) return await runner.runWords(argv);
    if (process.env.SLACK_BOT_TOKEN || process.env.SLACK_APP_TOKEN) {
      stderr.write('Slack tokens are set, but this build has no Slack front end yet; opening the console instead.\n');
    }
    return await runConsole(runner, {
      input: stdin,
      output: stdout,
      interactive: Boolean(stdin.isTTY),
      greeting: `oms-chatops console — 目标 / target: ${config.defaultTarget} (${config.source}). Type \`help\`, \`diagnose login\`, or describe the problem. Ctrl-D to quit.`,
    });
  } finally {
    await pool.closeAll();
  }
}

function flagValue(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof ConfigError || e instanceof PlaybookError) {
      stderr.write(`${redact(e.message)}\n下一步 / Next: fix the file named above and start again\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    stderr.write(`内部错误 / internal error: ${redact((e as Error).stack ?? String(e))}\n`);
    process.exitCode = 70;
  },
);
