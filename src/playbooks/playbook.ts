/** A loaded, validated playbook (see docs/playbooks.md for the file format). */

export type Severity = 'critical' | 'error' | 'warning' | 'info';

/** `<check id>:<signal>` parsed. */
export interface SignalRef {
  check: string;
  signal: string;
}

export interface FindingRule {
  id: string;
  severity: Severity;
  title: string;
  /** Fires when any of these is present … */
  when: SignalRef[];
  /** … and all of these … */
  all: SignalRef[];
  /** … and none of these. */
  unless: SignalRef[];
  /** Action id offered as the fix. */
  action?: string;
  /** Markdown of the finding's body section: explanation and fix. */
  fix: string;
  /** Playbook the finding was written in (differs from the playbook for included findings). */
  source: string;
}

export interface Playbook {
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  aliases: string[];
  phrases: string[];
  signatures: RegExp[];
  /** Its own checks followed by those of included playbooks, without duplicates. */
  checks: string[];
  actions: string[];
  /** Its own findings followed by those of included playbooks (root-cause order). */
  findings: FindingRule[];
  /** The whole markdown body (without front matter). */
  body: string;
  /** Absolute path of the file it came from. */
  file: string;
}

/** A playbook that failed validation: file, line (1-based) and what is wrong. */
export class PlaybookError extends Error {
  override readonly name = 'PlaybookError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}
