/**
 * The real Bolt app (HTTP receiver on 127.0.0.1) with approve-to-run turned
 * on: an ApprovalService on a real store (file or Redis) and audit log, a
 * scripted OMS server that records every sudo argv, and a fake Slack Web API
 * on loopback (shareable by two bot instances).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalService } from '../../src/approvals/service.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { CHECKS, findCheck } from '../../src/checks/registry.js';
import type { SlackBot } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { StoreDedupe } from '../../src/store/dedupe.js';
import { FileStore } from '../../src/store/file-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeServer, testConfig } from '../unit/approvals/fake-server.js';
import { realPlaybooks, SIGNING_SECRET, startTestBot } from './fake-slack-harness.js';
import { FakeSlack, type ApiCall } from './fake-slack.js';
import { ReplayTransport } from './replay-transport.js';
import {
  blockActionPayload,
  interactionBody,
  newTriggerId,
  postSigned,
  slashCommandBody,
  type SignedPost,
} from './slack-sign.js';

export const T0 = Date.parse('2026-11-22T10:00:00.000Z');

/** A clock the test moves. */
export class TestClock {
  constructor(public ms = T0) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface ApprovalHarnessOptions {
  /** Extra policy lines (YAML, two-space indented) under `policy:`. */
  policy?: string;
  /** Share a fake Slack (two instances). */
  slack?: FakeSlack;
  /** Share a scripted server (two instances). */
  server?: ReturnType<typeof fakeServer>;
  /** Default: a FileStore in a fresh temp dir. */
  store?: Store;
  auditFile?: string;
  clock?: TestClock;
  /** Capture scenario the read-only diagnosis replays (default backend-stopped). */
  scenario?: string;
  /** Deterministic approval ids (snapshots). */
  newId?: () => string;
  sweepIntervalMs?: number;
}

let clicks = 0;

export class ApprovalHarness {
  slack!: FakeSlack;
  bot!: SlackBot;
  url!: string;
  server!: ReturnType<typeof fakeServer>;
  store!: Store;
  audit!: AuditLog;
  auditFile!: string;
  clock!: TestClock;
  service!: ApprovalService;
  logs: string[] = [];
  private ownSlack = false;

  static async start(options: ApprovalHarnessOptions = {}): Promise<ApprovalHarness> {
    const h = new ApprovalHarness();
    h.ownSlack = !options.slack;
    h.slack = options.slack ?? (await new FakeSlack().start());
    h.server = options.server ?? fakeServer();
    h.clock = options.clock ?? new TestClock();
    const dir = mkdtempSync(join(tmpdir(), 'oms-slack-approvals-'));
    h.store = options.store ?? new FileStore({ dir: join(dir, 'store') });
    h.auditFile = options.auditFile ?? join(dir, 'audit.jsonl');
    h.audit = new AuditLog({ file: h.auditFile, now: h.clock.now });
    const config = testConfig(options.policy ?? '');
    const scenario = options.scenario ?? 'backend-stopped';
    const deps: SlackDeps = {
      config,
      playbooks: await realPlaybooks(),
      checks: CHECKS,
      findCheck,
      // Diagnoses replay a captured server; approved actions run on the scripted one.
      transportFor: () => new ReplayTransport(scenario),
      // As main.ts does it: Slack deliveries are de-duplicated in the shared store (file or Redis).
      dedupe: new StoreDedupe(h.store),
      updateIntervalMs: 20,
      now: h.clock.now,
      log: (l) => h.logs.push(l),
      audit: h.audit,
      approvals: {
        service: (isInGroup) => {
          h.service = new ApprovalService({
            config,
            store: h.store,
            audit: h.audit,
            findCheck,
            isInGroup,
            transportFor: () => h.server.transport,
            now: h.clock.now,
            postCheckAttempts: 1,
            postCheckDelayMs: 0,
            ...(options.newId ? { newId: options.newId } : {}),
          });
          return h.service;
        },
        sweepIntervalMs: options.sweepIntervalMs ?? 0,
      },
    };
    ({ bot: h.bot, url: h.url } = await startTestBot(deps, h.slack.apiUrl));
    return h;
  }

  async stop(): Promise<void> {
    await this.bot.stop();
    await this.store.close();
    if (this.ownSlack) await this.slack.stop();
  }

  idle(): Promise<void> {
    return this.bot.idle();
  }

  command(text: string, extra: { user?: string; channel?: string; responseId?: string } = {}): Promise<SignedPost> {
    return postSigned(
      this.url,
      slashCommandBody({
        text,
        user: extra.user,
        channel: extra.channel,
        responseUrl: this.slack.responseUrl(extra.responseId ?? 'cmd'),
      }),
      { secret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' },
    );
  }

  /** The payload of one click (so a test can send the very same payload twice, as a Slack retry would). */
  clickPayload(p: {
    actionId: string;
    value: string;
    user: string;
    channel?: string;
    messageTs?: string;
    threadTs?: string;
    actionTs?: string;
    triggerId?: string;
  }): Record<string, unknown> {
    const payload = blockActionPayload({ ...p, responseUrl: this.slack.responseUrl(`click-${p.user}`) });
    const actions = payload.actions as Array<Record<string, unknown>>;
    actions[0]!.action_ts = p.actionTs ?? `1700000${String(++clicks).padStart(3, '0')}.000001`;
    return payload;
  }

  send(payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<SignedPost> {
    return postSigned(this.url, interactionBody(payload), {
      secret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
      headers,
    });
  }

  click(p: Parameters<ApprovalHarness['clickPayload']>[0]): Promise<SignedPost> {
    return this.send(this.clickPayload(p));
  }

  /** Submit the Deny dialog opened by views.open `open`, with a reason. */
  submitDeny(open: ApiCall, user: string, reason: string | null): Promise<SignedPost> {
    const view = open.body.view as Record<string, unknown>;
    return this.send({
      type: 'view_submission',
      team: { id: 'T0TEST', domain: 'oms' },
      user: { id: user, username: user.toLowerCase(), team_id: 'T0TEST' },
      api_app_id: 'A0OMS',
      token: 'unused',
      trigger_id: newTriggerId(),
      view: {
        id: 'V0DENY',
        team_id: 'T0TEST',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        hash: '1.abc',
        blocks: view.blocks,
        state: { values: { deny_reason: { reason: { type: 'plain_text_input', value: reason } } } },
      },
    });
  }
}

/** The blocks of a recorded call as one string (for `toContain`). */
export function textOf(call: ApiCall | undefined): string {
  return call ? JSON.stringify({ text: call.body.text, blocks: call.body.blocks }) : '';
}
