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
import { noticeMessage } from '../render/blocks.js';
import { planClick, requestWithoutApprovals } from './actions.js';
import { SlackApprovals } from './approvals.js';
import { planCommand, runCommandHook } from './command.js';
import type { Reply, SlackDeps } from './deps.js';
import type { SlackEnv } from './env.js';
import { boltLogger, redactingLog } from './logger.js';
import { Outbox, type Outgoing } from './outbox.js';
import { decidePhrase, postSuggestion, type ChatEvent } from './phrases.js';
import { runAndReport } from './run-report.js';
import { parseShareMetadata, readShareForm, shareModal, shareReport, SHARE_CALLBACK } from './share.js';
import { BackgroundTasks } from './tasks.js';
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
  /** WebClient retries (default Bolt's; tests use 0). */
  retries?: number;
  logLevel?: LogLevel;
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
  private readonly deps: SlackDeps;
  private readonly tasks: BackgroundTasks;
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
      ...(options.retries !== undefined ? { retryConfig: { retries: options.retries } } : {}),
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
    this.out = new Outbox(this.app.client, { log: this.log });
    this.tasks = new BackgroundTasks((e) => this.log(`background task failed: ${(e as Error)?.stack ?? String(e)}`));
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
  }

  /** Resolves when no background work (diagnoses, shares, suggestions) is running. */
  idle(): Promise<void> {
    return this.tasks.idle();
  }

  private replyVia(
    respond: RespondFn | undefined,
    fallback?: { channel?: string; user: string; threadTs?: string },
  ): Reply {
    return async (m: Outgoing) => {
      try {
        if (respond) {
          const msg = Outbox.prepare(m);
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: msg.text,
            blocks: msg.blocks,
          });
        } else if (fallback?.channel) {
          await this.out.ephemeral(fallback.channel, fallback.user, m, fallback.threadTs);
        }
      } catch (e) {
        this.log(`could not answer the user: ${(e as Error).message}`);
      }
    };
  }

  private register(): void {
    const { app } = this;
    const deps = this.deps;

    // Slack re-sends events it thinks were lost; handle each event id once.
    app.use(async ({ body, context, next }) => {
      const b = body as { type?: string; event_id?: string };
      if (b.type === 'event_callback' && b.event_id && !(await deps.dedupe.claim(`event:${b.event_id}`))) {
        this.log(
          `dropped a repeated delivery of ${b.event_id} (retry ${context.retryNum ?? '?'}, ${context.retryReason ?? 'no reason'})`,
        );
        return;
      }
      await next();
    });

    app.command('/oms', async ({ command, ack, respond }) => {
      const plan = planCommand(command.text ?? '', deps);
      if (plan.kind === 'answer') {
        const msg = Outbox.prepare(plan.message);
        await ack({ response_type: 'ephemeral', text: msg.text, blocks: msg.blocks });
        return;
      }
      await ack();
      const reply = this.replyVia(respond);
      const where = { channel: command.channel_id, user: command.user_id };
      if (plan.kind === 'hook') this.tasks.run(() => runCommandHook(deps, plan.command, where, reply));
      else this.tasks.run(async () => void (await runAndReport(deps, this.out, plan.request, where, reply)));
    });

    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: /^oms_/ },
      async ({ ack, body, action, respond }) => {
        await ack();
        const channel = body.channel?.id ?? body.container?.channel_id;
        const messageTs = body.message?.ts ?? body.container?.message_ts;
        const threadTs = (body.message as { thread_ts?: string } | undefined)?.thread_ts;
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
        this.tasks.run(async () => {
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
                await this.out.update(
                  channel,
                  messageTs,
                  noticeMessage(
                    `:arrow_forward: <@${user}> 开始了诊断 / started the diagnosis: ${outcome.request.kind === 'diagnose' ? outcome.request.playbook.id : ''}`,
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
      const d = decidePhrase(event as ChatEvent, context.botUserId ?? this.options.botUserId, deps, this.threads);
      if (d.kind === 'suggest') this.tasks.run(() => postSuggestion(this.out, deps, d));
    };
    app.event('message', onChat);
    app.event('app_mention', onChat);

    app.error(async (e) => {
      this.log(`Slack listener error: ${(e as Error)?.stack ?? String(e)}`);
    });
  }
}
