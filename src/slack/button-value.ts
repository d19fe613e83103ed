import { z } from 'zod';
import { slackUserId } from './ids.js';

/**
 * What a button carries. Values are JSON built by the bot and come back in
 * block_actions payloads, so they are validated like any other input: ids
 * only (never free text that would be run), version-tagged, strict.
 */
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'an id');
const v = z.literal(1);

export const buttonValueSchema = z.discriminatedUnion('k', [
  /** Run (or re-run) a playbook on a target. */
  z.object({ v, k: z.literal('diagnose'), p: id, t: id }).strict(),
  /** Re-run one check on a target. */
  z.object({ v, k: z.literal('check'), c: id, t: id }).strict(),
  /** Show a playbook (ephemeral). */
  z.object({ v, k: z.literal('show'), p: id }).strict(),
  /** Share a report's summary to an incident thread. */
  z
    .object({
      v,
      k: z.literal('share'),
      w: z.string().min(1).max(80),
      t: id,
      d: z.enum(['ok', 'warning', 'problem', 'inconclusive', 'unreachable']),
      h: z.string().max(300),
      r: z.string().max(300).optional(),
      u: slackUserId,
    })
    .strict(),
  /** Ask for a whitelisted action offered by a finding (the approvals flow decides). */
  z.object({ v, k: z.literal('action'), a: id, t: id, p: id, f: id }).strict(),
]);

export type ButtonValue = z.infer<typeof buttonValueSchema>;

export function encodeButtonValue(value: ButtonValue): string {
  return JSON.stringify(buttonValueSchema.parse(value));
}

/** Parse a value coming back from Slack; anything forged or garbled is refused with the reason. */
export function decodeButtonValue(raw: unknown): { ok: true; value: ButtonValue } | { ok: false; reason: string } {
  if (typeof raw !== 'string' || raw.length > 2000) return { ok: false, reason: 'the button carried no valid value' };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'the button value is not JSON' };
  }
  const parsed = buttonValueSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `the button value is invalid (${issue.path.join('.') || 'value'}: ${issue.message})` };
  }
  return { ok: true, value: parsed.data };
}

/** Shorten text for a value field (headlines and titles in share buttons). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
