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

/** A body section that answers a how-to question ("how do I create the superuser?"). */
export interface HowtoSection {
  /** The heading's `{#anchor}`. */
  id: string;
  /** The heading text, without the anchor. */
  title: string;
  /** Concept combinations that ask for it (src/intent/lexicon.ts). */
  concepts: string[][];
  /** The section's markdown, sub-headings included. */
  markdown: string;
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
  /** Concept combinations the playbook answers (src/intent/lexicon.ts). */
  concepts: string[][];
  /** Its how-to sections. */
  howto: HowtoSection[];
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
