import type { Playbook } from '../playbooks/playbook.js';
import { isDecisive, matchIntent } from './match.js';

/** One labelled message: the playbook it must lead to, or null for unrelated chatter. */
export interface EvalExample {
  text: string;
  label: string | null;
  /** Where it comes from: notes, log, zh, en, mixed, typo, chatter. */
  kind?: string;
}

/** A message the matcher got wrong (or left ambiguous). */
export interface Confusion {
  text: string;
  expected: string | null;
  got: string | null;
  confidence: number;
  ambiguous: boolean;
}

export interface EvalReport {
  labelled: number;
  unrelated: number;
  /** Labelled messages whose best candidate is the label. */
  top1: number;
  /** Labelled messages matched to the label decisively (acted on without asking). */
  decisive: number;
  /** Unrelated messages that produced any candidate (a suggestion in passive listening). */
  falseAlarms: number;
  /** Messages answered with choices instead of one playbook. */
  ambiguous: number;
  confusions: Confusion[];
  top1Rate: number;
  falseAlarmRate: number;
}

/** Parse the evaluation set (JSON lines; `#` lines are comments). */
export function parseEvalSet(source: string): EvalExample[] {
  return source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l, i) => {
      const e = JSON.parse(l) as EvalExample;
      if (typeof e.text !== 'string' || (e.label !== null && typeof e.label !== 'string'))
        throw new Error(`eval line ${i + 1}: needs "text" and "label" (string or null)`);
      return e;
    });
}

/** Run the matcher over the set. Pure. */
export function evaluate(examples: readonly EvalExample[], playbooks: readonly Playbook[]): EvalReport {
  let labelled = 0;
  let unrelated = 0;
  let top1 = 0;
  let decisive = 0;
  let falseAlarms = 0;
  let ambiguous = 0;
  const confusions: Confusion[] = [];
  for (const e of examples) {
    const r = matchIntent(e.text, playbooks);
    const sure = isDecisive(r) || r.outcome === 'howto';
    // Passive listening answers only a confident match: "got" is what it would suggest (or choices offered).
    const got = sure || r.outcome === 'choices' ? (r.playbook?.id ?? null) : null;
    if (got && !sure) ambiguous++;
    if (e.label === null) {
      unrelated++;
      if (sure) falseAlarms++;
    } else {
      labelled++;
      if (got === e.label) top1++;
      if (got === e.label && sure) decisive++;
    }
    if (got !== e.label || (got && !sure))
      confusions.push({
        text: e.text,
        expected: e.label,
        got,
        confidence: r.confidence,
        ambiguous: Boolean(got) && !sure,
      });
  }
  return {
    labelled,
    unrelated,
    top1,
    decisive,
    falseAlarms,
    ambiguous,
    confusions,
    top1Rate: labelled ? top1 / labelled : 0,
    falseAlarmRate: unrelated ? falseAlarms / unrelated : 0,
  };
}
