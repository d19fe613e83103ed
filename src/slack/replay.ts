import { createHash } from 'node:crypto';
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Dedupe } from '../store/dedupe.js';

/**
 * Each Slack delivery is handled once. Slack re-sends events it thinks were
 * lost (same `event_id`), and a signed request can be replayed by anyone who
 * captured it for as long as its timestamp is accepted (5 minutes): a second
 * `/oms run` would post a second approval card, a second click would run a
 * second diagnosis. So before any listener runs, the request is claimed in the
 * shared store (file or Redis, see `src/store/dedupe.ts`) by
 *
 * - `event:<event_id>` for Events API deliveries;
 * - `trigger:<trigger_id>` for slash commands and interactions (Slack makes a
 *   new trigger_id for every command and click);
 * - `signed:<sha256 of timestamp and raw body>` for HTTP requests: the same
 *   signed bytes are one request, whatever they carry.
 *
 * A repeat is acknowledged with nothing (the first delivery answers) and logged.
 */

/** The context key carrying an HTTP request's fingerprint (set by {@link httpRequestFingerprint}). */
export const FINGERPRINT_KEY = 'requestFingerprint';

/** For HTTPReceiver's `customPropertiesExtractor`: a hash of the signed timestamp and raw body. */
export function httpRequestFingerprint(req: {
  headers: Record<string, string | string[] | undefined>;
  rawBody?: Buffer;
}): Record<string, string> {
  const ts = req.headers['x-slack-request-timestamp'];
  if (!req.rawBody || typeof ts !== 'string') return {};
  const hash = createHash('sha256').update(`${ts}:`).update(req.rawBody).digest('hex');
  return { [FINGERPRINT_KEY]: hash };
}

/** The keys under which one delivery is claimed (empty: nothing to de-duplicate on). */
export function deliveryKeys(body: unknown, context: Record<string, unknown>): string[] {
  const b = (body ?? {}) as { type?: string; event_id?: unknown; trigger_id?: unknown };
  const keys: string[] = [];
  if (b.type === 'event_callback' && typeof b.event_id === 'string') keys.push(`event:${b.event_id}`);
  if (typeof b.trigger_id === 'string' && b.trigger_id) keys.push(`trigger:${b.trigger_id}`);
  const fp = context[FINGERPRINT_KEY];
  if (typeof fp === 'string') keys.push(`signed:${fp}`);
  return keys;
}

/**
 * The global middleware. Every key is claimed (so a later copy matching any
 * of them is caught); a store that cannot answer lets the request through
 * and says so in the log: an answer that may come twice is better than none,
 * and actions stay protected by their own once-only claim at approval.
 */
export function handleOnce(dedupe: Dedupe, log: (line: string) => void): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    const keys = deliveryKeys(body, context as Record<string, unknown>);
    let repeatOf: string | undefined;
    for (const key of keys) {
      try {
        if (!(await dedupe.claim(key))) repeatOf ??= key;
      } catch (e) {
        log(`de-duplication store failed for ${key}; handling the request anyway: ${(e as Error).message}`);
      }
    }
    if (!repeatOf) {
      await next();
      return;
    }
    const retry = `retry ${context.retryNum ?? '-'}, ${context.retryReason ?? 'no reason'}`;
    log(`dropped a repeated delivery of ${describeDelivery(body)} (${retry}) — same ${repeatOf.split(':')[0]}`);
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}

/** A delivery in a few words, for the log line of a dropped repeat. */
function describeDelivery(body: unknown): string {
  const b = (body ?? {}) as {
    type?: string;
    event_id?: string;
    command?: string;
    user_id?: string;
    user?: { id?: string };
    actions?: Array<{ action_id?: string }>;
    view?: { callback_id?: string };
  };
  const by = b.user?.id ?? b.user_id ?? '?';
  if (b.type === 'event_callback') return String(b.event_id);
  if (b.command) return `the ${b.command} command by ${by}`;
  if (b.type === 'block_actions') return `the click on ${b.actions?.[0]?.action_id ?? '?'} by ${by}`;
  if (b.type === 'view_submission') return `the ${b.view?.callback_id ?? '?'} dialog by ${by}`;
  return `a ${b.type ?? 'request'} by ${by}`;
}
