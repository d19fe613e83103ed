import type { Actor } from '../approvals/approval.js';
import type { ApprovalDesk } from '../approvals/lazy.js';
import type { AuditStore } from '../audit/audit-store.js';
import type { Check } from '../checks/check.js';
import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { Transport } from '../transport/transport.js';
import type { LayoutService } from '../discovery/layout-service.js';
import type { AccessTools } from './access.js';
import type { WatchStore } from '../watch/watch-store.js';

export type { Actor } from '../approvals/approval.js';

/**
 * What the application functions need, injected by main.ts (or a test). The
 * front ends (CLI, console, Slack) hold one of these and render the results.
 */
export interface AppDeps {
  config: Config;
  playbooks: readonly Playbook[];
  checks: readonly Check[];
  findCheck(id: string): Check | undefined;
  /** One (pooled) transport per target. */
  transportFor(target: Target): Transport;
  /** The audit log: diagnoses and checks are recorded, `audit` reads it. */
  audit?: AuditStore;
  /** Approve-to-run (`run`, Request buttons). */
  approvals?: ApprovalDesk;
  /** Layout discovery: unset paths filled before a run (cached per target); `discover` and `bundle`. */
  layout?: LayoutService;
  /** `keyscan`, `sudoers`, `doctor` (SSH side). */
  access?: AccessTools;
  now?: () => Date;
  /** The watches' state, leases and pauses in the store (`watch` verbs). */
  watchStore?: WatchStore;
  /** An audit record could not be written: the answer still goes out; the front end says so its own way. */
  onAuditError?(error: Error): void;
}

/** Who asked, as the audit log and the approvals policy see them. */
export type AppActor = Actor;

export type { Unavailable, UnknownTarget } from './results.js';
