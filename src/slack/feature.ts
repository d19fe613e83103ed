import type { App } from '@slack/bolt';
import type { CommandFlags } from '../command/args.js';
import type { ParsedCommand, VerbName } from '../command/verbs.js';
import type { SlackDeps, Reply } from './deps.js';
import type { ClickOutcome } from './interactions.js';
import type { Outbox, Outgoing } from './outbox.js';
import type { BackgroundTasks } from './tasks.js';
import type { TaskLabels } from './task-labels.js';
import type { TaskKind, TaskPlace } from './tasks.js';
import type { ThreadMemory } from './thread-memory.js';

/** What every Slack feature is built with: the Bolt app, the outbox, background work, the deps. */
export interface SlackContext {
  app: App;
  out: Outbox;
  tasks: BackgroundTasks;
  deps: SlackDeps;
  threads: ThreadMemory;
  /** What the bot is working on, for the lag monitor. */
  labels: TaskLabels;
  /** The bot's user id, when known in advance (tests); else Bolt's context has it. */
  botUserId?: string;
  /** The bot token and API URL (file downloads send the token, only to Slack's hosts). */
  botToken: string;
  apiUrl?: string;
  log(line: string): void;
}

/** Who typed a `/oms` command, and where. */
export interface CommandPlace {
  channel: string;
  user: string;
  flags: CommandFlags;
}

/**
 * A `/oms` command's plan: an answer in the ack (ephemeral), or background work after the ack that may reply
 * privately. `task` names the work for its failure notice; `at` is where that notice goes, which the work
 * updates as it posts (tasks.ts).
 */
export type CommandPlan =
  | { kind: 'answer'; message: Outgoing }
  /** Posted in the channel (choices for a middle-score text: a click runs the playbook in its thread). */
  | { kind: 'post'; message: Outgoing }
  | { kind: 'work'; task: TaskKind; run(reply: Reply, at: TaskPlace): Promise<unknown> };

/** Where a click happened and how to answer the clicker. */
export interface ClickPlace {
  user: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  reply: Reply;
  /** Where a failure of the click's work is told (tasks.ts); the work updates it as it posts. */
  at: TaskPlace;
}

/**
 * One Slack feature (diagnose, share, approvals, user import, phrases): the
 * `/oms` verbs and button clicks it answers, and any listeners of its own.
 * SlackBot routes commands and clicks to the feature that claims them.
 */
export interface SlackFeature {
  readonly name: string;
  /** The `/oms` verbs it plans (parsed and validated by the router first). */
  readonly verbs?: readonly VerbName[];
  command?(cmd: ParsedCommand, place: CommandPlace): CommandPlan;
  /** The kinds of validated click ({@link ClickOutcome}) it performs. */
  readonly clicks?: readonly ClickOutcome['kind'][];
  click?(outcome: ClickOutcome, place: ClickPlace): Promise<void>;
  /** Listeners of its own (views, events, middleware, other buttons). */
  register?(): void;
  start?(): void;
  stop?(): void | Promise<void>;
}
