import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, BlockAction, ButtonAction, LogLevel as BoltLogLevel, Receiver, RespondFn } from '@slack/bolt';
import { App as BoltApp, HTTPReceiver, LogLevel, SocketModeReceiver } from './bolt.js';
import { SlackApprovals } from './approvals.js';
import { planCommand } from './command.js';
import type { Reply, SlackDeps } from './deps.js';
import { compareFeature } from './compare.js';
import { diagnoseFeature } from './diagnose.js';
import type { SlackEnv } from './env.js';
import { LagMonitor } from './lag-monitor.js';
import { layoutFeature } from './layout.js';
import type { SlackContext, SlackFeature } from './feature.js';
import { planClick, type ClickOutcome } from './interactions.js';
import { BUTTON_ID } from './report-buttons.js';
import { reportTaskFailure } from './background.js';
import { handleOnce, httpRequestFingerprint } from './replay.js';
import type { RetryPolicy } from './web-api-retry.js';
import { boltLogger, redactingLog } from './logger.js';
import { Outbox, type Outgoing } from './outbox.js';
import { phrasesFeature } from './phrases.js';
import { shareFeature } from './share.js';
import { requestLabel, TaskLabels } from './task-labels.js';
import { BackgroundTasks, type TaskKind, type TaskPlace } from './tasks.js';
import { ThreadMemory } from './thread-memory.js';
import type { SheetWorkers } from '../users/sheet-worker.js';
import { usersFeature } from './users.js';
import { watchFeature } from './watch.js';

export interface SlackAppOptions {
  env: SlackEnv;
  deps: SlackDeps;
  /** HTTP mode: where to listen (default all interfaces; tests use 127.0.0.1). Port 0 picks a free one. */
  host?: string;
  port?: number;
  /** Known bot ids (skip auth.test; tests). */
  botUserId?: string;
  botId?: string;
  /** auth.test at start (default true). */
  tokenVerification?: boolean;
  /** WebClient retries of one call (default 3 within about 7 s; tests use 0). */
  retries?: number;
  /** How the bot's own messages are sent again while Slack answers 429/5xx (default: up to 2 minutes). */
  webApiRetry?: RetryPolicy;
  logLevel?: BoltLogLevel;
  /** Event-loop lag monitor settings (defaults: log past 200 ms, sampled every 50 ms). */
  lag?: { thresholdMs?: number; intervalMs?: number };
  /** The user import's file downloads and sheet checks (tests inject their own). */
  fetch?: typeof fetch;
  sheets?: SheetWorkers;
}

/** The HTTP path Slack posts to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/**
 * The Slack front end on Bolt (Socket Mode or HTTP receiver). It owns the plumbing — the retry filter, `/oms`
 * and button routing, background work — and hands each command and click to the feature that claims it.
 */
export class SlackBot {
  readonly app: App;
  readonly out: Outbox;
  /** Approve-to-run (tests drive its expiry sweep). */
  readonly approvals: SlackApprovals;
  readonly features: readonly SlackFeature[];
  /** What the bot is working on, for the lag monitor. */
  readonly labels = new TaskLabels();
  private readonly lag: LagMonitor;
  /** Every handler's background work goes through here; a failure is logged and told to the user. */
  readonly tasks: BackgroundTasks;
  private readonly deps: SlackDeps;
  private readonly log: (line: string) => void;

  constructor(private readonly options: SlackAppOptions) {
    const { env, deps } = options;
    this.deps = deps;
    this.log = redactingLog(deps.log);
    this.app = createApp(options, boltLogger(this.log, options.logLevel ?? LogLevel.INFO));
    this.out = new Outbox(this.app.client, {
      log: this.log,
      ...(options.webApiRetry ? { retry: options.webApiRetry } : {}),
    });
    this.lag = new LagMonitor({ log: this.log, labels: this.labels, ...options.lag });
    this.tasks = new BackgroundTasks((f) => reportTaskFailure(this.out, f, this.log), this.labels);
    const ctx: SlackContext = {
      app: this.app,
      out: this.out,
      tasks: this.tasks,
      deps,
      threads: new ThreadMemory(),
      labels: this.labels,
      botToken: env.botToken,
      ...(env.apiUrl ? { apiUrl: env.apiUrl } : {}),
      ...(options.botUserId ? { botUserId: options.botUserId } : {}),
      log: this.log,
    };
    this.approvals = new SlackApprovals(ctx);
    // The user import's middleware first: it takes the file events before the phrase listener sees them.
    this.features = [
      usersFeature(ctx, {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.sheets ? { sheets: options.sheets } : {}),
      }),
      diagnoseFeature(ctx),
      compareFeature(ctx),
      layoutFeature(ctx),
      shareFeature(ctx),
      this.approvals,
      phrasesFeature(ctx),
      watchFeature(ctx),
    ];
    this.register();
  }

  /** Start listening. HTTP mode answers with the port it listens on. */
  async start(): Promise<{ port?: number }> {
    this.lag.start();
    for (const f of this.features) f.start?.();
    if (this.options.env.mode === 'socket') {
      await this.app.start();
      return {};
    }
    const server = (await this.app.start({
      port: this.options.port ?? this.options.env.port,
      host: this.options.host ?? '0.0.0.0',
    })) as Server;
    return { port: (server.address() as AddressInfo).port };
  }

  /** Stop receiving (and the watches' schedule), then let running diagnoses finish. */
  async stop(): Promise<void> {
    await Promise.all(this.features.map((f) => f.stop?.()));
    await this.app.stop();
    await this.tasks.idle();
    this.lag.stop();
  }

  /** Resolves when no background work (diagnoses, shares, suggestions) is running. */
  idle(): Promise<void> {
    return this.tasks.idle();
  }

  /**
   * Answer the user privately. Handlers get a reply that logs its own failure; the background wrapper
   * gets one that throws (`rethrow`), so it can try the next place instead.
   */
  private replyVia(
    respond: RespondFn | undefined,
    fallback?: { channel?: string; user: string; threadTs?: string },
    rethrow = false,
  ): Reply {
    return async (m: Outgoing) => {
      try {
        if (respond) {
          const msg = Outbox.prepare(m);
          await respond({ response_type: 'ephemeral', replace_original: false, text: msg.text, blocks: msg.blocks });
        } else if (fallback?.channel) {
          await this.out.ephemeral(fallback.channel, fallback.user, m, fallback.threadTs);
        }
      } catch (e) {
        if (rethrow) throw e;
        this.log(`could not answer the user: ${(e as Error).message}`);
      }
    };
  }

  private register(): void {
    const { app, deps } = this;

    // Every request runs under a label naming it, so a blocked event loop is logged with what was running.
    app.use(({ body, next }) => this.labels.track(requestLabel(body), next));
    // Slack retries, replayed signed requests and redelivered clicks: each delivery is handled once.
    app.use(handleOnce(deps.dedupe, this.log));

    app.command('/oms', async ({ command, ack, respond }) => {
      const where = { channel: command.channel_id, user: command.user_id };
      const plan = planCommand(command.text ?? '', where, deps, this.features);
      if (plan.kind === 'answer') {
        const msg = Outbox.prepare(plan.message);
        await ack({ response_type: 'ephemeral', text: msg.text, blocks: msg.blocks });
        return;
      }
      await ack();
      const reply = this.replyVia(respond);
      const place: TaskPlace = { ...where, reply: this.replyVia(respond, undefined, true) };
      if (plan.kind === 'post') {
        // Choices go into the channel so a click can run the playbook in their thread; privately if I am not in it.
        this.tasks.run('command', place, async () => {
          try {
            await this.out.post(where.channel, plan.message);
          } catch (e) {
            this.log(`could not post the choices in the channel: ${(e as Error).message}`);
            await reply(plan.message);
          }
        });
        return;
      }
      this.tasks.run(plan.task, place, (at) => plan.run(reply, at));
    });

    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: /^oms_/ },
      async ({ ack, body, action, respond }) => {
        await ack();
        const channel = body.channel?.id ?? body.container?.channel_id;
        const messageTs = body.message?.ts ?? body.container?.message_ts;
        const inThread = (body.message as { thread_ts?: string } | undefined)?.thread_ts;
        // A choice ("Did you mean…") posted as a channel message: its run goes into that message's thread.
        const isChoice = action.action_id.startsWith(`${BUTTON_ID.runSuggestion}_`);
        const ephemeral = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
        const threadTs = inThread ?? (isChoice && !ephemeral && body.message ? messageTs : undefined);
        const user = body.user.id;
        const reply = this.replyVia(respond, { channel, user, threadTs });
        const click = { actionId: action.action_id, value: action.value, user, channel, messageTs, threadTs };
        const outcome = planClick({ ...click, triggerId: body.trigger_id }, deps);
        const feature = this.features.find((f) => f.clicks?.includes(outcome.kind));
        // Everything after the ack is background work (tracked, so shutdown and tests can wait for it).
        const place: TaskPlace = {
          channel,
          user,
          ...(threadTs ? { threadTs } : {}),
          reply: this.replyVia(respond, undefined, true),
        };
        if (feature?.click)
          this.tasks.run(clickTaskKind(outcome), place, (at) =>
            feature.click!(outcome, { user, channel, messageTs, threadTs, reply, at }),
          );
        else this.log(`no feature handles a ${outcome.kind} click (${action.action_id})`);
      },
    );

    for (const f of this.features) f.register?.();
    app.error(async (e) => {
      this.log(`Slack listener error: ${(e as Error)?.stack ?? String(e)}`);
    });
  }
}

/** The Bolt app on the receiver the environment picks. */
function createApp(options: SlackAppOptions, logger: ReturnType<typeof boltLogger>): App {
  const { env } = options;
  const clientOptions = {
    ...(env.apiUrl ? { slackApiUrl: env.apiUrl } : {}),
    // 429s surface at once; the Outbox waits them out where a message must arrive.
    rejectRateLimitedCalls: true,
    // Each call's own retries stay short (1 s, 2 s, 4 s); the Outbox decides how long to wait (web-api-retry.ts).
    retryConfig:
      options.retries !== undefined
        ? { retries: options.retries }
        : { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 8000 },
  };
  const receiver: Receiver =
    env.mode === 'socket'
      ? // A copy: the Socket Mode client writes its own retry policy (100 retries, for reconnecting) into the
        // options it is given, which would otherwise become the bot's Web API policy too.
        new SocketModeReceiver({
          appToken: env.appToken,
          logger,
          installerOptions: { clientOptions: { ...clientOptions } },
        })
      : new HTTPReceiver({
          signingSecret: env.signingSecret,
          endpoints: EVENTS_PATH,
          logger,
          processBeforeResponse: false,
          // The signed bytes' fingerprint: a replay of the same request is dropped (replay.ts).
          customPropertiesExtractor: (req) => httpRequestFingerprint(req),
        });
  return new BoltApp({
    token: env.botToken,
    receiver,
    logger,
    clientOptions,
    tokenVerificationEnabled: options.tokenVerification ?? true,
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
    ...(options.botId ? { botId: options.botId } : {}),
  });
}

/** What a click's background work is, for its failure notice. */
function clickTaskKind(o: ClickOutcome): TaskKind {
  switch (o.kind) {
    case 'run':
      return o.request.kind;
    case 'request':
      return 'approval-request';
    case 'share':
      return 'share';
    default:
      return 'button';
  }
}
