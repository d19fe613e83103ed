import type { AppDeps } from '../app/deps.js';
import type { ApprovalService } from '../approvals/service.js';
import type { IsInGroup } from '../approvals/policy.js';
import type { Dedupe } from '../store/dedupe.js';
import type { Outgoing } from './outbox.js';
import type { Clock } from './throttle.js';
import type { SlackWatchConfig } from './watch-config.js';

/** Answer only the person who asked (response_url or chat.postEphemeral). */
export type Reply = (message: Outgoing) => Promise<void>;

/** What main.ts (or a test) hands the Slack layer for approve-to-run. */
export interface SlackApprovalsConfig {
  /**
   * Build the approvals service with Slack's user-group lookup plugged in
   * (`isInGroup`, backed by usergroups.users.list). main.ts gives it the same
   * store and audit log as the CLI.
   */
  service(isInGroup: IsInGroup): ApprovalService;
  /** How often pending approvals are checked for expiry (default 30 s; 0 = never: tests call `sweep()`). */
  sweepIntervalMs?: number;
  /** How long a user group's member list is cached (default 60 s). */
  groupCacheMs?: number;
}

/** What the Slack layer needs, injected (main.ts wires the real ones): the application's deps plus Slack's own. */
export interface SlackDeps extends Pick<
  AppDeps,
  'config' | 'playbooks' | 'checks' | 'findCheck' | 'transportFor' | 'audit' | 'now' | 'layout'
> {
  /** Remembers Slack deliveries already handled (retries are dropped). */
  dedupe: Dedupe;
  /** Approve-to-run: Request buttons, `/oms run`, the approval cards. */
  approvals: SlackApprovalsConfig;
  /** Minimum time between two updates of one message (default 1000 ms). */
  updateIntervalMs?: number;
  clock?: Clock;
  /** The watches' store and this instance's lease name; without it the watches do not run here. */
  watch?: SlackWatchConfig;
  /** Operational log (stderr in production); lines are redacted before they get here. */
  log?(line: string): void;
}
