import { z } from 'zod';

/**
 * The held-out evaluation (test/fixtures/intent/heldout/): messages written by
 * someone who never saw the matcher, each with the kind of message, the
 * playbook it must lead to (null for unrelated chatter) and, for how-to
 * questions, the playbook section that answers it.
 */
const KINDS = ['symptom', 'howto', 'pinyin', 'paste', 'unrelated'] as const;
export type HeldoutKind = (typeof KINDS)[number];

const lineSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  kind: z.enum(KINDS),
  expect: z.string().min(1).nullable(),
  section: z
    .string()
    .regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be "<playbook>#<section-id>"')
    .nullable(),
  hard: z.boolean().optional(),
});
export type HeldoutExample = z.infer<typeof lineSchema>;

/** Parse JSON lines; a bad line throws with its file line number. */
export function parseHeldout(source: string, file = 'heldout'): HeldoutExample[] {
  const out: HeldoutExample[] = [];
  source.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON: ${(e as Error).message}`);
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** What an answer to an addressed message (`/oms <text>`, @mention, DM) comes to, as the evaluation sees it. */
export interface AnswerSummary {
  /** match | choices | howto | none. */
  outcome: string;
  /** The playbook the answer leads with (the run, the section's playbook, the first choice), or null. */
  top: string | null;
  /** Every playbook the answer offers (one for match and how-to, two or three for choices). */
  offered: string[];
  /** `<playbook>#<section>` for a how-to answer. */
  section: string | null;
  /** Passive listening in a channel would reply (a confident match only). */
  passive: boolean;
}

export interface KindFigures {
  kind: string;
  n: number;
  /** Unrelated messages among them. */
  unrelated: number;
  /** Labelled messages whose answer leads with the expected playbook. */
  top1: number;
  /** Labelled messages whose answer offers the expected playbook. */
  offered: number;
  /** Messages expecting a section that got that section. */
  sections: number;
  sectionsAsked: number;
  /** Unrelated messages that got any playbook offered (match, how-to or choices). */
  falseAlarms: number;
  /** Unrelated messages passive listening would answer. */
  passiveReplies: number;
  /** Labelled messages answered with choices rather than one playbook. */
  choices: number;
}

export interface HeldoutMiss {
  id: string;
  kind: string;
  text: string;
  expect: string | null;
  section: string | null;
  got: AnswerSummary;
}

export interface HeldoutReport {
  total: KindFigures;
  byKind: KindFigures[];
  misses: HeldoutMiss[];
}

function empty(kind: string): KindFigures {
  return {
    kind,
    n: 0,
    unrelated: 0,
    top1: 0,
    offered: 0,
    sections: 0,
    sectionsAsked: 0,
    falseAlarms: 0,
    passiveReplies: 0,
    choices: 0,
  };
}

/** Score answers against the labels. Pure. */
export function scoreHeldout(
  examples: readonly HeldoutExample[],
  answer: (text: string) => AnswerSummary,
): HeldoutReport {
  const total = empty('all');
  const byKind = new Map<string, KindFigures>(KINDS.map((k) => [k, empty(k)]));
  const misses: HeldoutMiss[] = [];
  for (const e of examples) {
    const a = answer(e.text);
    const k = byKind.get(e.kind)!;
    let miss = false;
    for (const f of [total, k]) {
      f.n++;
      if (e.expect === null) {
        f.unrelated++;
        if (a.offered.length > 0) f.falseAlarms++;
        if (a.passive) f.passiveReplies++;
      } else {
        if (a.top === e.expect) f.top1++;
        if (a.offered.includes(e.expect)) f.offered++;
        if (a.outcome === 'choices') f.choices++;
      }
      if (e.section !== null) {
        f.sectionsAsked++;
        if (a.section === e.section) f.sections++;
      }
    }
    if (e.expect === null) miss = a.offered.length > 0 || a.passive;
    else miss = a.top !== e.expect || (e.section !== null && a.section !== e.section) || a.outcome === 'choices';
    if (miss) misses.push({ id: e.id, kind: e.kind, text: e.text, expect: e.expect, section: e.section, got: a });
  }
  return { total, byKind: [...byKind.values()].filter((f) => f.n > 0), misses };
}

/** Labelled messages of a figures row. */
export function labelled(f: KindFigures): number {
  return f.n - f.unrelated;
}
