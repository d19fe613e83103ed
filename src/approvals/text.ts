import type { Approval, ExecutionResult } from './approval.js';
import { commandText } from './command-text.js';
import type { Outcome } from './outcome.js';

/** The approval card as plain text (console, CLI, and the Slack fallback `text`). */
export function formatCard(a: Approval): string {
  return [
    `操作 / action:   ${a.action} — ${a.actionTitle}`,
    `目标 / target:   ${a.target} (${a.host})`,
    `命令 / command:  ${commandText(a.command)}`,
    `申请 / by:       ${a.requester.id} via ${a.requester.via}`,
    `原因 / reason:   ${a.reason}${a.finding ? ` (finding ${a.finding.id}: ${a.finding.title})` : ''}`,
    `过期 / expires:  ${a.expiresAt}`,
    `编号 / id:       ${a.id}`,
  ].join('\n');
}

/** What happened, for the terminal: the result lines, then `下一步 / Next:` when there is something to do. */
export function formatOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'refused':
      return `拒绝 / refused: ${o.message}\n下一步 / Next: ${o.hint}`;
    case 'requested':
    case 'waiting':
    case 'denied':
    case 'expired':
    case 'unknown':
      return o.message;
    case 'executed':
      return formatResult(o.approval, o.result);
  }
}

export function formatResult(a: Approval, r: ExecutionResult): string {
  const lines = [`${r.verdict === 'succeeded' ? '✔' : '✘'} ${r.summary}`];
  lines.push(
    `  approved by ${a.approvedBy.map((d) => `${d.by} (${d.via}) at ${d.at}`).join(', ')}; took ${r.durationMs} ms`,
  );
  for (const c of r.preconditions) lines.push(`  precondition ${c.status.padEnd(5)} ${c.check}: ${c.summary}`);
  for (const s of r.steps) {
    lines.push(
      `  $ sudo -n ${s.argv.join(' ')}  → exit ${s.exitCode ?? s.signal ?? '?'}${s.timedOut ? ' (timed out)' : ''}` +
        `, ${s.durationMs} ms`,
    );
    if (s.sudoRefusal) lines.push(`    sudoers: ${s.sudoRefusal.sudoersLine}`);
    else if (s.exitCode !== 0 && s.stderr.trim())
      lines.push(`    ${s.stderr.trim().split('\n').slice(-3).join('\n    ')}`);
  }
  for (const c of r.postChecks) lines.push(`  post-check   ${c.status.padEnd(5)} ${c.check}: ${c.summary}`);
  if (r.hint) lines.push(`下一步 / Next: ${r.hint}`);
  return lines.join('\n');
}
