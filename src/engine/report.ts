import type { CheckStatus, FactValue } from '../checks/check.js';
import type { Severity } from '../playbooks/playbook.js';

/** Overall answer of a diagnosis. */
export type Verdict = 'ok' | 'warning' | 'problem' | 'inconclusive' | 'unreachable';

/** One check's observation as reported (redacted). */
export interface ReportObservation {
  check: string;
  title: string;
  status: CheckStatus;
  summary: string;
  evidence: string;
  facts: Record<string, FactValue>;
  signals: string[];
  durationMs: number;
  /** Some output was cut at the transport's cap. */
  truncated: boolean;
}

/** A ranked finding: root cause first. */
export interface ReportFinding {
  id: string;
  severity: Severity;
  title: string;
  /** Excerpts of the observations that triggered it (redacted). */
  evidence: string;
  /** Markdown from the playbook: explanation and fix. */
  fix: string;
  /** Action offered as the fix, if any. */
  action: { id: string; title: string; command: string[] } | null;
  /** `<check>:<signal>` that made it fire. */
  matched: string[];
  /** Ids of the findings listed under this one: it explains them (a causal chain, see src/engine/chains.ts). */
  explains?: string[];
  /** Id of the finding this one is listed under: the cause that explains it. */
  explainedBy?: string;
}

/** A check the engine ran after the playbook's own, following the evidence (src/engine/follow-up.ts). */
export interface ReportFollowUp {
  check: string;
  /** The cause of the catalogue it confirms or rules out. */
  cause: string;
  /** The `<check>:<signal>` observed that pointed at that cause. */
  because: string[];
}

/**
 * The stable JSON report (`--json`), documented in docs/json-report.md. The keys
 * listed under "Report" in docs/architecture.md must not change.
 */
export interface Report {
  target: { name: string; host: string; transport: string };
  playbook: { id: string; title: string; titleEn: string } | null;
  startedAt: string;
  finishedAt: string;
  verdict: Verdict;
  /** One line for humans, Chinese then English. */
  headline: string;
  findings: ReportFinding[];
  observations: ReportObservation[];
  /** Checks added in the one extra round, and why; absent when none were. */
  followUp?: ReportFollowUp[];
  /** Set when the target could not be reached at all. */
  error?: { code: string; message: string; hint: string };
}
