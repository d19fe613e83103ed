import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { CHECKS, findCheck } from '../../src/checks/registry.js';
import { FileStore } from '../../src/store/file-store.js';
import type { SheetWorkers } from '../../src/users/sheet-worker.js';
import { parseConfig, type Config } from '../../src/config/config.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import type { Playbook } from '../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { SlackBot, EVENTS_PATH, type SlackAppOptions } from '../../src/slack/app.js';
import type { SlackApprovalsConfig, SlackDeps } from '../../src/slack/deps.js';
import { LogLevel } from '../../src/slack/logger.js';
import { MemoryDedupe } from '../../src/store/dedupe.js';
import type { ExecOptions, ExecResult, Transport } from '../../src/transport/transport.js';
import { FakeSlack } from './fake-slack.js';
import { ReplayTransport } from './replay-transport.js';
import {
  eventBody,
  interactionBody,
  postSigned,
  slashCommandBody,
  blockActionPayload,
  type SignedPost,
} from './slack-sign.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** A transport that answers like ReplayTransport, each command after `delayMs` (checks "still running"). */
export class SlowTransport implements Transport {
  readonly describe: string;
  private readonly inner: ReplayTransport;
  constructor(
    scenario: string,
    private readonly delayMs: number,
  ) {
    this.inner = new ReplayTransport(scenario);
    this.describe = `slow:${scenario}`;
  }
  async exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    return this.inner.exec(argv, options);
  }
  async close(): Promise<void> {}
}

const CONFIG_YAML = `
targets:
  prod:
    host: 172.29.91.61
    user: omsbot
    privateKey: /etc/oms-chatops/id_ed25519
defaultTarget: prod
`;

export function testConfig(): Config {
  return parseConfig(CONFIG_YAML, 'test-config.yml');
}

/** Approve-to-run as main.ts wires it, on a file store and audit log in a fresh temp dir. */
export function testApprovals(
  config: Config,
  transportFor: () => Transport,
): { approvals: SlackApprovalsConfig; audit: AuditLog } {
  const dir = mkdtempSync(join(tmpdir(), 'oms-slack-'));
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const store = new FileStore({ dir: join(dir, 'store') });
  return {
    audit,
    approvals: {
      service: (isInGroup) => new ApprovalService({ config, store, audit, findCheck, isInGroup, transportFor }),
      sweepIntervalMs: 0,
    },
  };
}

let cachedPlaybooks: Playbook[] | undefined;
export async function realPlaybooks(): Promise<Playbook[]> {
  cachedPlaybooks ??= await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  return cachedPlaybooks;
}

/** The real Bolt app in HTTP mode on a free 127.0.0.1 port, talking to the fake Web API at `apiUrl`. */
export async function startTestBot(
  deps: SlackDeps,
  apiUrl: string,
  extra: Partial<SlackAppOptions> = {},
): Promise<{ bot: SlackBot; url: string }> {
  const bot = new SlackBot({
    env: { mode: 'http', botToken: 'xoxb-test-token-000000', signingSecret: SIGNING_SECRET, port: 0, apiUrl },
    deps,
    host: '127.0.0.1',
    port: 0,
    botUserId: 'U0BOT',
    botId: 'B0BOT',
    tokenVerification: false,
    retries: 0,
    logLevel: LogLevel.ERROR,
    ...extra,
  });
  const { port } = await bot.start();
  return { bot, url: `http://127.0.0.1:${port}${EVENTS_PATH}` };
}

export interface HarnessOptions {
  /** Capture scenario the transport answers from (default `healthy`). */
  scenario?: string;
  /** Delay per command (ms); 0 = ReplayTransport as is. */
  delayMs?: number;
  updateIntervalMs?: number;
  /** A transport of the test's own (overrides scenario/delay). */
  makeTransport?: () => Transport;
  /** The user import's sheet checks (budgets, a test reader). */
  sheets?: SheetWorkers;
  /** Dependencies of the test's own (a failing clock, an audit log), over the defaults. */
  deps?: Partial<SlackDeps>;
  /** Options of the bot itself (e.g. a short `webApiRetry` for outage tests). */
  bot?: Partial<SlackAppOptions>;
}

/**
 * The real Bolt app with its HTTP receiver on 127.0.0.1, the real playbooks,
 * checks and engine on replayed captures, and a fake Slack on loopback.
 */
export class SlackHarness {
  slack!: FakeSlack;
  bot!: SlackBot;
  url!: string;
  transports: Transport[] = [];
  logs: string[] = [];
  private responseCount = 0;

  static async start(options: HarnessOptions = {}): Promise<SlackHarness> {
    const h = new SlackHarness();
    h.slack = await new FakeSlack().start();
    const scenario = options.scenario ?? 'healthy';
    const config = testConfig();
    const transportFor = (): Transport => {
      const t = options.makeTransport
        ? options.makeTransport()
        : options.delayMs
          ? new SlowTransport(scenario, options.delayMs)
          : new ReplayTransport(scenario);
      h.transports.push(t);
      return t;
    };
    const deps: SlackDeps = {
      config,
      playbooks: await realPlaybooks(),
      checks: CHECKS,
      findCheck,
      transportFor,
      dedupe: new MemoryDedupe(),
      updateIntervalMs: options.updateIntervalMs ?? 1000,
      log: (l) => h.logs.push(l),
      ...testApprovals(config, transportFor),
      ...options.deps,
    };
    const extra = { ...options.bot, ...(options.sheets ? { sheets: options.sheets } : {}) };
    ({ bot: h.bot, url: h.url } = await startTestBot(deps, h.slack.apiUrl, extra));
    return h;
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.slack.stop();
  }

  /** A new response_url on the fake. */
  newResponseUrl(): { url: string; id: string } {
    const id = `r${++this.responseCount}`;
    return { url: this.slack.responseUrl(id), id };
  }

  command(
    text: string,
    extra: { channel?: string; user?: string; responseId?: string; triggerId?: string } = {},
  ): Promise<SignedPost> {
    const url = extra.responseId ? this.slack.responseUrl(extra.responseId) : this.slack.responseUrl('cmd');
    return postSigned(
      this.url,
      slashCommandBody({
        text,
        responseUrl: url,
        ...(extra.channel ? { channel: extra.channel } : {}),
        ...(extra.user ? { user: extra.user } : {}),
        ...(extra.triggerId ? { triggerId: extra.triggerId } : {}),
      }),
      { secret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' },
    );
  }

  event(event: Record<string, unknown>, eventId: string, headers: Record<string, string> = {}): Promise<SignedPost> {
    return postSigned(this.url, eventBody(event, eventId), {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
      headers,
    });
  }

  click(
    p: Omit<Parameters<typeof blockActionPayload>[0], 'responseUrl'> & { responseId?: string },
  ): Promise<SignedPost> {
    return postSigned(
      this.url,
      interactionBody(blockActionPayload({ ...p, responseUrl: this.slack.responseUrl(p.responseId ?? 'click') })),
      { secret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' },
    );
  }

  interaction(payload: Record<string, unknown>): Promise<SignedPost> {
    return postSigned(this.url, interactionBody(payload), {
      secret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
  }

  idle(): Promise<void> {
    return this.bot.idle();
  }
}
