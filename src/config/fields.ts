import { z } from 'zod';
import { parseSpan } from '../duration.js';

/** Field schemas shared by several parts of the config file (policy, watch). */

/** `90s`, `15m`, `2h` → milliseconds. */
export const durationSchema = z
  .string()
  .regex(/^\d+\s*(s|m|h)$/, 'must be a duration like 90s, 15m or 2h')
  .transform((v) => parseSpan(v, { units: ['s', 'm', 'h'] })!);

export const slackUserId = z.string().regex(/^[UW][A-Z0-9]+$/, 'must be a Slack user ID such as U0123ABCD');
export const slackGroupId = z.string().regex(/^S[A-Z0-9]+$/, 'must be a Slack user group ID such as S0456EFGH');
export const slackChannelId = z.string().regex(/^[CG][A-Z0-9]+$/, 'must be a Slack channel ID such as C0123ABCD');
