import { hostname, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { stderr, stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { lazyApprovals } from './approvals/lazy.js';
import type { ApprovalService } from './approvals/service.js';
import { AuditLog } from './audit/audit-log.js';
import { StoreDedupe } from './store/dedupe.js';
import { FileStore } from './store/file-store.js';
import type { Store } from './store/store.js';
import { CHECKS, findCheck } from './checks/registry.js';
import { runConsole } from './cli/console.js';
import { CommandRunner, EXIT } from './cli/runner.js';
import { loadCachedConfig } from './config/config-cache.js';
import { ConfigError, resolveConfigPath } from './config/config-file.js';
import { cacheDirCandidates } from './store/cache-dir.js';
import { loadCompiledPlaybooks } from './playbooks/compiled.js';
import { defaultPlaybookDir } from './playbooks/paths.js';
import { PlaybookError } from './playbooks/playbook.js';
import { styleFor } from './render/style.js';
import { redact } from './redact.js';
import { createTransportPool } from './transport/factory.js';
import { playbookRegistry } from './app/playbook-registry.js';
import { accessTools } from './app/access.js';
import { wantsSlack } from './slack/wants-slack.js';
import { fixTheFile, internalError, redisUnreachable } from './messages/catalogue.js';
import { toTerminal } from './messages/message.js';
import { crashIfAsked } from './crash-test.js';
import { LayoutService, storeLayoutCache } from './discovery/layout-service.js';
import { WatchStore } from './watch/watch-store.js';
import { withWatchPlaybooks } from './watch/playbooks.js';

/** Composition root: read config and playbooks, wire the pieces, pick the front end. */
async function main(argv: string[]): Promise<number> {
  crashIfAsked(process.env);
  const configFlag = flagValue(argv, '--config');
  // Config and playbooks are read at once, each from its compiled form unless a file changed; the YAML and
  // markdown parsers (and zod) are loaded only then.
  const cacheDirs = cacheDirCandidates(process.env);
  const [{ config }, { playbooks }] = await Promise.all([
    loadCachedConfig(resolveConfigPath(configFlag, process.env, process.cwd()), parseConfigFile, cacheDirs),
    loadCompiledPlaybooks(defaultPlaybookDir(), playbookRegistry(), cacheDirs),
  ]);
  // Each watch's playbook must exist: refused at start with the config file's line, like the config's own errors.
  withWatchPlaybooks(config, playbooks);
  const pool = createTransportPool({ env: process.env });
  // State for approvals and the audit trail: Redis when REDIS_URL is set (several bot instances),
  // else files under dataDir.
  const dataDir = resolve(process.cwd(), config.dataDir);
  // ioredis is loaded only when it is needed, so the console starts fast.
  const redis = process.env.REDIS_URL
    ? new (await import('./store/redis-store.js')).RedisStore({ url: process.env.REDIS_URL })
    : undefined;
  const store: Store = redis ?? new FileStore({ dir: join(dataDir, 'store') });
  const audit = new AuditLog({
    file: join(dataDir, 'audit.jsonl'),
    mirrors: redis ? [redis] : [],
    onMirrorError: (e) =>
      stderr.write(`警告 / warning: the audit record is in the file but not in Redis: ${redact(e.message)}\n`),
  });
  /**
   * One approval service per front end, sharing the store and the audit log; Slack adds its user-group lookup.
   * The machinery is loaded on first use (src/approvals/lazy.ts): most commands never ask for an approval.
   */
  const approvalService =
    (Service: typeof ApprovalService) => (isInGroup?: (userId: string, groupId: string) => Promise<boolean>) =>
      new Service({
        config,
        store,
        audit,
        findCheck,
        ...(isInGroup ? { isInGroup } : {}),
        transportFor: (t) => pool.get(t),
        onAuditError: (e) =>
          stderr.write(`警告 / warning: could not write the audit log ${audit.file}: ${redact(e.message)}\n`),
      });
  const loadApprovalService = async () => (await import('./approvals/service.js')).ApprovalService;
  const approvals = lazyApprovals(async () => approvalService(await loadApprovalService())());
  // Discovered layouts in the store: the command line, the console and every bot instance share them.
  const layout = new LayoutService({
    transportFor: (t) => pool.get(t),
    cache: storeLayoutCache(store, (line) => stderr.write(`${redact(line)}\n`)),
  });
  const watchStore = new WatchStore(store, Date.now);
  const oneShot = argv.length > 0;
  const runner = new CommandRunner({
    config,
    playbooks,
    checks: CHECKS,
    findCheck,
    transportFor: (t) => pool.get(t),
    access: accessTools({ env: process.env, transportFor: (t) => pool.get(t) }),
    layout,
    // Every console/CLI answer passes through redact once more: one choke point for secrets.
    out: (text) => stdout.write(`${redact(text)}\n`),
    progress: stderr.isTTY ? (text) => stderr.write(`${text}\n`) : undefined,
    style: styleFor(stdout),
    approvals,
    audit,
    watchStore,
    operator: `console:${safeLogin()}`,
    confirm: oneShot && stdin.isTTY ? askYesNo : undefined,
    interactiveConsole: !oneShot && Boolean(stdin.isTTY),
    oneShot,
  });
  try {
    if (oneShot) return await runner.runWords(argv);
    if (wantsSlack(process.env)) {
      // Loaded only here, so the console never pays for Bolt.
      const { runSlackFromEnv } = await import('./slack/start.js');
      const slackApprovals = approvalService(await loadApprovalService());
      if (redis) {
        // Several instances share approvals through Redis: a wrong REDIS_URL is reported now, not at the first click.
        try {
          await redis.connect();
        } catch (e) {
          stderr.write(`${toTerminal(redisUnreachable(redis.describe, redact((e as Error).message)))}\n`);
          return EXIT.usage;
        }
      }
      const shared = redis
        ? ' (shared by every instance with this REDIS_URL)'
        : ' (this machine only; set REDIS_URL to run several instances)';
      stderr.write(`oms-chatops: approvals in ${store.describe}${shared}, audit log ${audit.file}\n`);
      return await runSlackFromEnv(
        process.env,
        {
          config,
          playbooks,
          checks: CHECKS,
          findCheck,
          transportFor: (t) => pool.get(t),
          audit,
          layout,
          // Slack retries and replayed requests are dropped across every instance sharing the store.
          dedupe: new StoreDedupe(store),
          // The same store and audit log as the CLI; approverGroups checked with usergroups.users.list.
          approvals: { service: (isInGroup) => slackApprovals(isInGroup) },
          // Exactly one instance runs each watch: leases in the same store (Redis shares them).
          watch: { store: watchStore, holder: `${hostname()}:${process.pid}` },
        },
        stderr,
      );
    }
    stderr.write('oms-chatops: console (no SLACK_* variables set)\n');
    return await runConsole(runner, {
      input: stdin,
      output: stdout,
      interactive: Boolean(stdin.isTTY),
      greeting:
        `oms-chatops console — 目标 / target: ${config.defaultTarget} (${config.source}). ` +
        'Type `help`, `diagnose login`, or describe the problem. Ctrl-D to quit.',
    });
  } finally {
    await pool.closeAll();
    await store.close();
  }
}

/** The config parser (YAML + zod), loaded only when the compiled config is missing or stale. */
async function parseConfigFile(text: string, file: string | undefined) {
  const { loadConfig, parseConfig } = await import('./config/config.js');
  return file === undefined ? loadConfig(undefined) : parseConfig(text, file);
}

/** y/N on the terminal (stderr, so stdout stays the answer). */
async function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: stdin, output: stderr });
  try {
    return /^(y|yes|是|确认)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function safeLogin(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
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
      stderr.write(`${toTerminal(fixTheFile(redact(e.message)))}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    stderr.write(`${toTerminal({ ...internalError(redact((e as Error).stack ?? String(e))), next: undefined })}\n`);
    process.exitCode = 70;
  },
);
