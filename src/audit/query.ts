import { parseSpan } from '../duration.js';
import type { AuditQuery, AuditRecord } from './audit-log.js';

export type SinceResult = { ok: true; since: Date } | { ok: false; error: string };

/**
 * `--since` as typed: a span back from now (`90s`, `15m`, `1h`, `7d`) or an
 * ISO date/time (`2026-11-22`, `2026-11-22T21:00:00Z`).
 */
export function parseSince(text: string, now: Date): SinceResult {
  const span = parseSpan(text, { maxDigits: 6 });
  if (span !== undefined) return { ok: true, since: new Date(now.getTime() - span) };
  if (/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const t = Date.parse(text.trim());
    if (Number.isFinite(t)) return { ok: true, since: new Date(t) };
  }
  return {
    ok: false,
    error: `--since "${text}" is neither a span like 15m, 1h, 7d nor an ISO date like 2026-11-22T21:00:00Z`,
  };
}

/** What `audit [--since …] [--target …]` asks the log for, and how the answer names it (` since 1h for prod`). */
export type AuditRequest = { ok: true; query: AuditQuery; what: string } | { ok: false; error: string };

/** The `audit` verb's arguments as the console, the CLI and Slack read them. Pure. */
export function auditRequest(args: { since?: string; target?: string }, now: Date): AuditRequest {
  let since: Date | undefined;
  if (args.since !== undefined) {
    const s = parseSince(args.since, now);
    if (!s.ok) return s;
    since = s.since;
  }
  return {
    ok: true,
    query: { ...(since ? { since } : {}), ...(args.target ? { target: args.target } : {}) },
    what: `${args.since ? ` since ${args.since}` : ''}${args.target ? ` for ${args.target}` : ''}`,
  };
}

/** One line per record for the terminal (and `/oms audit`). */
export function formatAuditRecord(r: AuditRecord): string {
  const parts = [r.ts, r.event.padEnd(16), r.target ?? '-', r.user ?? '-'];
  const what = r.action ?? r.playbook ?? r.check;
  if (what) parts.push(what);
  if (r.approvalId) parts.push(`#${r.approvalId.slice(0, 8)}`);
  if (r.command) parts.push(`\`${r.command.map((c) => `sudo -n ${c.join(' ')}`).join(' && ')}\``);
  if (r.exitCode !== undefined) parts.push(`exit=${r.exitCode}`);
  if (r.durationMs !== undefined) parts.push(`${r.durationMs}ms`);
  if (r.verdict) parts.push(`verdict=${r.verdict}`);
  if (r.reason) parts.push(`reason: ${r.reason}`);
  return parts.join('  ');
}
