import type { Check } from '../checks/check.js';
import type { ParsedCommand } from '../command/parse.js';
import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Dedupe } from '../store/dedupe.js';
import type { Transport } from '../transport/transport.js';
import type { Outgoing } from './outbox.js';
import type { SlackApprovalsConfig, SlackAudit } from './approvals.js';
import type { Clock } from './throttle.js';

/** Answer only the person who asked (response_url or chat.postEphemeral). */
export type Reply = (message: Outgoing) => Promise<void>;

/** A click on "Request <action>", handed to the approvals flow. */
export interface ActionRequest {
  actionId: string;
  playbookId: string;
  findingId: string;
  target: Target;
  /** Who clicked. */
  user: string;
  channel: string;
  /** The report's root message, where the request card can be threaded. */
  messageTs: string;
  threadTs: string;
  reply: Reply;
}

/** A `/oms audit` or `/oms run …` command, handed to the approvals flow. */
export interface CommandRequest {
  /** Parsed and validated by the shared parser (`run <action> [target] --reason "…"`, `audit --since 1h`). */
  command: Extract<ParsedCommand, { verb: 'run' | 'audit' }>;
  user: string;
  channel: string;
  reply: Reply;
}

/**
 * Hooks the approvals issue fills in. Without them, "Request <action>" and
 * `/oms audit`/`run` answer that approvals are not available yet.
 */
export interface ActionHooks {
  onActionRequest?(request: ActionRequest): Promise<void>;
  onCommand?(request: CommandRequest): Promise<void>;
}

/** What the Slack layer needs from the core, injected (main.ts wires the real ones). */
export interface SlackDeps {
  config: Config;
  playbooks: readonly Playbook[];
  checks: readonly Check[];
  findCheck(id: string): Check | undefined;
  /** One (pooled) transport per target. */
  transportFor(target: Target): Transport;
  /** Remembers Slack deliveries already handled (retries are dropped). */
  dedupe: Dedupe;
  actionHooks?: ActionHooks;
  /** Approve-to-run: fills in `actionHooks` (Request buttons, `/oms run`, `/oms audit`) and handles the approval cards. */
  approvals?: SlackApprovalsConfig;
  /** The audit log: Slack diagnoses and checks are recorded, `/oms audit` reads it. */
  audit?: SlackAudit;
  /** Minimum time between two updates of one message (default 1000 ms). */
  updateIntervalMs?: number;
  clock?: Clock;
  now?: () => Date;
  /** Operational log (stderr in production); lines are redacted before they get here. */
  log?(line: string): void;
}
