import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
  type BlockAction,
  type ButtonAction,
  type Receiver,
  type RespondFn,
} from '@slack/bolt';
import { mrkdwnMessage, noticeMessage, safe } from '../render/blocks.js';
import { planClick, requestWithoutApprovals, type ClickOutcome } from './actions.js';
import { SlackApprovals } from './approvals.js';
import { planCommand, runCommandHook } from './command.js';
import type { Reply, SlackDeps } from './deps.js';
import type { SlackEnv } from './env.js';
import { mention } from './escape.js';
import { LagMonitor } from './lag-monitor.js';
import { boltLogger, redactingLog } from './logger.js';
import { Outbox, type Outgoing } from './outbox.js';
import type { RetryPolicy } from './web-api-retry.js';
import { decidePhrase, postSuggestion, type ChatEvent } from './phrases.js';
import { addressedAnswer, decideAddressed, registerTemplateButton } from './intent-answer.js';
import { ACTION } from './report-buttons.js';
import { handleOnce, httpRequestFingerprint } from './replay.js';
import { runAndReport } from './run-report.js';
import { parseShareMetadata, readShareForm, shareModal, shareReport, SHARE_CALLBACK } from './share.js';
import { reportTaskFailure } from './background.js';
import { requestLabel, TaskLabels } from './task-labels.js';
import { BackgroundTasks, type TaskKind, type TaskPlace } from './tasks.js';
import { ThreadMemory } from './thread-memory.js';

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
  logLevel?: LogLevel;
  /** Event-loop lag monitor settings (defaults: log past 200 ms, sampled every 50 ms). */
  lag?: { thresholdMs?: number; intervalMs?: number };
}

/** The HTTP path Slack posts to in HTTP mode. */
export const EVENTS_PATH = '/slack/events';

/**
 * The Slack front end: `/oms`, chat messages and mentions, buttons and the
 * share modal, on Bolt with either the Socket Mode or the HTTP receiver.
 * Long work runs in the background after the ack.
 */
export class SlackBot {
  readonly app: App;
  readonly out: Outbox;
  /** Approve-to-run, when `deps.approvals` is given. */
  readonly approvals: SlackApprovals | undefined;
  /** Every handler's background work goes through here; a failure is logged and told to the user. */
  readonly tasks: BackgroundTasks;
  /** What the bot is working on, for the lag monitor; handlers outside this class (user import) add theirs. */
  readonly labels = new TaskLabels();
  private readonly lag: LagMonitor;
  private readonly deps: SlackDeps;
  private readonly threads = new ThreadMemory();
  private readonly log: (line: string) => void;

  constructor(private readonly options: SlackAppOptions) {
    const { env, deps } = options;
    this.log = redactingLog(deps.log);
    const logger = boltLogger(this.log, options.logLevel ?? LogLevel.INFO);
    const clientOptions = {
      ...(env.apiUrl ? { slackApiUrl: env.apiUrl } : {}),
      // 429s surface at once; the Outbox waits them out where a message must arrive.
      rejectRateLimitedCalls: true,
      // Each call's own retries stay short (1 s, 2 s, 4 s): the Outbox decides how long a message is worth
      // waiting for (web-api-retry.ts), instead of the client's default of ten retries over half an hour.
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
            customPropertiesExtractor: (req) => httpRequestFingerprint(req as never),
          });
    this.app = new App({
      token: env.botToken,
      receiver,
      logger,
      clientOptions,
      tokenVerificationEnabled: options.tokenVerification ?? true,
      ...(options.botUserId ? { botUserId: options.botUserId } : {}),
      ...(options.botId ? { botId: options.botId } : {}),
    });
    this.out = new Outbox(this.app.client, {
      log: this.log,
      ...(options.webApiRetry ? { retry: options.webApiRetry } : {}),
    });
    this.lag = new LagMonitor({ log: this.log, labels: this.labels, ...options.lag });
    this.tasks = new BackgroundTasks((f) => reportTaskFailure(this.out, f, this.log), this.labels);
    this.approvals = deps.approvals
      ? new SlackApprovals({
          app: this.app,
          out: this.out,
          tasks: this.tasks,
          deps,
          config: deps.approvals,
          log: this.log,
        })
      : undefined;
    this.deps = this.approvals ? { ...deps, actionHooks: { ...deps.actionHooks, ...this.approvals.hooks } } : deps;
    this.register();
    this.approvals?.register();
  }

  /** Start listening. HTTP mode answers with the port it listens on. */
  async start(): Promise<{ port?: number }> {
    this.lag.start();
    this.approvals?.start();
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

  /** Stop receiving, then let running diagnoses finish. */
  async stop(): Promise<void> {
    this.approvals?.stop();
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
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: msg.text,
            blocks: msg.blocks as never,
          });
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
    const { app } = this;
    const deps = this.deps;

    // Every request runs under a label naming it, so a blocked event loop is logged with what was running.
    app.use(({ body, next }) => this.labels.track(requestLabel(body), next));

    // Slack retries, replayed signed requests and redelivered clicks: each delivery is handled once.
    app.use(handleOnce(deps.dedupe, this.log));

    app.command('/oms', async ({ command, ack, respond }) => {
      const plan = planCommand(command.text ?? '', deps);
      if (plan.kind === 'answer') {
        const msg = Outbox.prepare(plan.message);
        await ack({ response_type: 'ephemeral', text: msg.text, blocks: msg.blocks as never });
        return;
      }
      await ack();
      const reply = this.replyVia(respond);
      const where = { channel: command.channel_id, user: command.user_id };
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
      if (plan.kind === 'hook')
        this.tasks.run(plan.command.verb === 'run' ? 'approval-request' : 'command', place, () =>
          runCommandHook(deps, plan.command, where, reply),
        );
      else
        this.tasks.run(plan.request.kind, place, (at) => runAndReport(deps, this.out, plan.request, where, reply, at));
    });

    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: /^oms_/ },
      async ({ ack, body, action, respond }) => {
        await ack();
        const channel = body.channel?.id ?? body.container?.channel_id;
        const messageTs = body.message?.ts ?? body.container?.message_ts;
        const inThread = (body.message as { thread_ts?: string } | undefined)?.thread_ts;
        // A choice ("Did you mean…") posted as a channel message: its run goes into that message's thread.
        const isChoice = action.action_id.startsWith(`${ACTION.runSuggestion}_`);
        const ephemeral = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
        const threadTs = inThread ?? (isChoice && !ephemeral && body.message ? messageTs : undefined);
        const reply = this.replyVia(respond, { channel, user: body.user.id, threadTs });
        const outcome = planClick(
          {
            actionId: action.action_id,
            value: action.value,
            user: body.user.id,
            channel,
            messageTs,
            threadTs,
            triggerId: body.trigger_id,
          },
          deps,
        );
        // Everything after the ack is background work (tracked, so shutdown and tests can wait for it).
        const place: TaskPlace = {
          channel,
          user: body.user.id,
          ...(threadTs ? { threadTs } : {}),
          reply: this.replyVia(respond, undefined, true),
        };
        this.tasks.run(clickTaskKind(outcome), place, async (at) => {
          switch (outcome.kind) {
            case 'refuse':
            case 'answer':
              await reply(outcome.reply);
              return;
            case 'share':
              try {
                await this.out.openView(
                  outcome.triggerId,
                  shareModal(outcome.value, { channel: outcome.channel, ts: outcome.messageTs }),
                );
              } catch (e) {
                this.log(`views.open failed: ${(e as Error).message}`);
                await reply(
                  noticeMessage('没能打开分享窗口 / could not open the share dialog', {
                    next: '再点一次 "分享"（对话框需要在 3 秒内打开）/ click Share again (the dialog must open within 3 seconds)',
                  }),
                );
              }
              return;
            case 'request': {
              const hook = deps.actionHooks?.onActionRequest;
              await (hook ? hook({ ...outcome, user: body.user.id, reply }) : requestWithoutApprovals(outcome, reply));
              return;
            }
            case 'run': {
              const user = body.user.id;
              if (!channel) {
                await reply(
                  noticeMessage('这个按钮不在频道里，无法运行 / this button is not in a channel, nothing was run', {
                    next: '在频道里用 `/oms diagnose …` / use `/oms diagnose …` in a channel',
                  }),
                );
                return;
              }
              if (outcome.fromSuggestion && messageTs) {
                // The suggestion turns into a note, so the button cannot be clicked twice.
                const what = outcome.request.kind === 'diagnose' ? outcome.request.playbook.id : '';
                await this.out.update(
                  channel,
                  messageTs,
                  mrkdwnMessage(
                    `${user} 开始了诊断 / started the diagnosis: ${what}`,
                    `:arrow_forward: ${mention(user)} 开始了诊断 / started the diagnosis: \`${safe(what)}\``,
                  ),
                  { bestEffort: true },
                );
              }
              await runAndReport(
                deps,
                this.out,
                outcome.request,
                { channel, user, ...(threadTs ? { threadTs } : {}) },
                reply,
                at,
              );
              return;
            }
          }
        });
      },
    );

    app.view(SHARE_CALLBACK, async ({ ack, view, body }) => {
      const meta = parseShareMetadata(view.private_metadata);
      if (!meta) {
        await ack({
          response_action: 'errors',
          errors: {
            share_channel:
              '这个表单已失效，请在报告上重新点 "分享" / this form is no longer valid: click Share on the report again',
          },
        });
        return;
      }
      const form = readShareForm(view.state.values);
      if (!form.ok) {
        await ack({ response_action: 'errors', errors: form.errors });
        return;
      }
      await ack();
      this.tasks.run(
        'share',
        { channel: meta.c, threadTs: meta.ts, user: body.user.id },
        async () =>
          void (await shareReport(
            this.out,
            meta,
            { channel: form.channel, ...(form.threadTs ? { threadTs: form.threadTs } : {}) },
            body.user.id,
          )),
      );
    });

    const onChat = async ({ event, context }: { event: unknown; context: { botUserId?: string } }) => {
      const botUserId = context.botUserId ?? this.options.botUserId;
      const addressed = decideAddressed(event as ChatEvent, botUserId);
      if (addressed.kind === 'answer') {
        // Once I answered in a thread, passive listening stays quiet there.
        this.threads.remember(addressed.channel, addressed.threadTs);
        // Someone asked: a failure is told in their thread.
        const where = { channel: addressed.channel, threadTs: addressed.threadTs };
        this.tasks.run('command', where, async () => {
          const { message } = addressedAnswer(addressed.text, deps);
          await this.out.post(addressed.channel, message, addressed.threadTs);
        });
        return;
      }
      const d = decidePhrase(event as ChatEvent, botUserId, deps, this.threads);
      // Nobody asked for a suggestion: a failure is only logged.
      if (d.kind === 'suggest') this.tasks.run('suggestion', undefined, () => postSuggestion(this.out, deps, d));
    };
    app.event('message', onChat);
    app.event('app_mention', onChat);

    registerTemplateButton(app, deps, (work) => this.tasks.run('button', undefined, work), this.log);

    app.error(async (e) => {
      this.log(`Slack listener error: ${(e as Error)?.stack ?? String(e)}`);
    });
  }
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
