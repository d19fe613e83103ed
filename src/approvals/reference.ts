import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Approval } from './approval.js';

/** 128 random bits, base64url: unguessable, safe in file names, Redis keys and button values. */
export function newApprovalId(): string {
  return randomBytes(16).toString('base64url');
}

export const approvalIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not an approval id');

/**
 * What a button carries: the approval id plus the action and target it is
 * about. Nothing in it is trusted: the service loads the stored approval by id
 * and refuses the click when the action or target differ (a tampered value).
 */
export const approvalRefSchema = z
  .object({
    id: approvalIdSchema,
    action: z.string().max(64).optional(),
    target: z.string().max(64).optional(),
  })
  .strict();
export type ApprovalRef = z.infer<typeof approvalRefSchema>;

/** The button `value` for an approval (well under Slack's 2000 characters). */
export function approvalReference(approval: Pick<Approval, 'id' | 'action' | 'target'>): string {
  return JSON.stringify({ id: approval.id, action: approval.action, target: approval.target });
}

/** Parse a button value (JSON), a bare id, or an object; `undefined` when it is none of these. */
export function parseReference(value: unknown): ApprovalRef | undefined {
  let v = value;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.length > 2000) return undefined;
    if (s.startsWith('{')) {
      try {
        v = JSON.parse(s) as unknown;
      } catch {
        return undefined;
      }
    } else v = { id: s };
  }
  const parsed = approvalRefSchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
}
