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
  /** Markdown of the cause's body section: explanation and fix (the playbook's own wording when it has one). */
  fix: string;
  /** Where the text comes from: `causes/<file>` of the catalogue, or the playbook whose body words it. */
  source: string;
  /** Cause ids this one explains when both are confirmed (listed under it in the report). */
  explains?: string[];
  /** Signals that point at this cause without confirming it: the engine then runs its checks too. */
  suspect?: SignalRef[];
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
  /** Every cause of the catalogue (playbooks/causes/), in the catalogue's order, with this playbook's wording. */
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
