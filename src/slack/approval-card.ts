import type { ModalView } from './block-kit.js';
import { approvalReference, commandText, type Approval, type Outcome } from '../approvals/index.js';
import { formatResult } from '../approvals/text.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { formatAuditRecord } from '../audit/query.js';
import { context, mrkdwn, section } from '../render/block-builders.js';
import { fitMessage, type Block, type ButtonElement, type Fitted } from '../render/block-limits.js';
import { noticeMessage, safe } from '../render/blocks.js';
import { codeBlock, escapeMrkdwn } from '../render/mrkdwn.js';
import { redact } from '../redact.js';
import { isSlackUserId } from './ids.js';

/**
 * The approval card and the other approval messages, as Block Kit. Pure: the
 * card is always rendered from the stored approval, so every instance draws
 * the same card for the same state. Every message passes fitMessage.
 */

/** action_ids of the card's buttons (outside the `oms_` prefix the report buttons use). */
export const APPROVAL_ACTION = { approve: 'approval_approve', deny: 'approval_deny' } as const;
/** callback_id of the optional-reason dialog opened by Deny. */
export const DENY_CALLBACK = 'approval_deny_reason';
export const DENY_REASON_BLOCK = 'deny_reason';
export const DENY_REASON_INPUT = 'reason';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

/** `<@U…>` for Slack users, the id as code otherwise (console operators). */
export function who(id: string): string {
  return isSlackUserId(id) ? `<@${id}>` : `\`${escapeMrkdwn(id)}\``;
}

/** A time as Slack shows it in the reader's time zone, with the ISO time as fallback. */
export function when(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return escapeMrkdwn(iso);
  return `<!date^${Math.floor(t / 1000)}^{date_short_pretty} {time}|${escapeMrkdwn(iso)}>`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const STATUS_TITLE: Record<Approval['status'], string> = {
  pending: ':hourglass: 等待审批 / waiting for approval',
  executing: ':gear: 已批准，执行中 / approved, running now',
  succeeded: ':white_check_mark: 已执行，验证通过 / executed and verified',
  failed: ':x: 已执行，但失败了 / executed, but it failed',
  refused: ':no_entry: 已批准，但被拒绝执行 / approved, but refused before running',
  denied: ':no_entry_sign: 已拒绝 / denied',
  expired: ':hourglass_flowing_sand: 已过期 / expired',
  unknown: ':warning: 结果未知 / outcome unknown — 请在服务器上检查 / check the server',
};

function approvedByLine(a: Approval): string {
  return a.approvedBy.map((d) => `${who(d.by)} ${when(d.at)}`).join(', ');
}

/** What happened to it, for the card (empty while nobody has acted). */
function statusLines(a: Approval): string[] {
  const lines: string[] = [];
  switch (a.status) {
    case 'pending':
      if (a.approvedBy.length > 0)
        lines.push(
          `*已批准 / approved by* ${approvedByLine(a)} (${a.approvedBy.length} of ${a.approvalsNeeded}) ` +
            '— 还需要另一位审批人 / waiting for another approver',
        );
      break;
    case 'executing':
      lines.push(`*批准人 / approved by* ${approvedByLine(a)}`);
      break;
    case 'succeeded':
    case 'failed':
    case 'refused': {
      lines.push(`*批准人 / approved by* ${approvedByLine(a)}`);
      const r = a.result;
      if (r) {
        lines.push(`*结果 / result:* \`${r.verdict}\` — ${safe(r.summary)}`);
        const pid = r.mainPid ? ` · MainPID ${r.mainPid.before ?? '-'} → ${r.mainPid.after ?? '-'}` : '';
        lines.push(`*退出码 / exit code:* ${r.exitCode ?? '-'} · *耗时 / duration:* ${seconds(r.durationMs)}${pid}`);
        if (r.postChecks.length > 0) {
          const ok = r.postChecks.every((c) => c.status === 'ok' || c.status === 'warn');
          const checks = r.postChecks.map((c) => `\`${escapeMrkdwn(c.check)}\` ${c.status}`).join(', ');
          lines.push(`*验证 / post-checks:* ${ok ? 'passed' : 'FAILED'} — ${checks}`);
        }
        const refusal = r.steps.find((s) => s.sudoRefusal)?.sudoRefusal;
        if (refusal)
          lines.push(
            `*sudo 拒绝了 / sudo refused:* ${safe(refusal.message)}\n` +
              `*在 sudoers 中加入 / add to sudoers (\`oms-chatops sudoers\`):* \`${escapeMrkdwn(refusal.sudoersLine)}\``,
          );
        if (r.hint && r.verdict !== 'succeeded') lines.push(`*下一步 / Next:* ${safe(r.hint)}`);
      } else if (a.statusReason) lines.push(safe(a.statusReason));
      break;
    }
    case 'unknown':
      lines.push(`*批准人 / approved by* ${approvedByLine(a)}`);
      lines.push(
        `命令可能已执行，也可能没有 / the command may or may not have run: ${safe(a.statusReason ?? a.result?.summary ?? '')}`,
      );
      if (a.verify?.length)
        lines.push(`*请检查 / check on the server:* ${a.verify.map((c) => `\`${escapeMrkdwn(c)}\``).join(' · ')}`);
      break;
    case 'denied':
      lines.push(
        `*拒绝人 / denied by* ${a.deniedBy ? `${who(a.deniedBy.by)} ${when(a.deniedBy.at)}` : '-'}: ` +
          `${safe(a.deniedBy?.reason ?? a.statusReason ?? '')} — 没有运行任何东西 / nothing was run`,
      );
      break;
    case 'expired':
      lines.push(
        `${when(a.expiresAt)} 之前没有人批准 / nobody approved it in time — 没有运行任何东西 / nothing was run. ` +
          '如仍需要，请重新申请 / request it again if it is still needed',
      );
      break;
  }
  return lines;
}

function buttonsFor(a: Approval): ButtonElement[] {
  const value = approvalReference(a);
  const command = commandText(a.command);
  return [
    {
      type: 'button',
      text: plain('批准并执行 / Approve'),
      action_id: APPROVAL_ACTION.approve,
      value,
      style: 'primary',
      confirm: {
        title: plain('批准并执行？/ Approve and run?'),
        text: plain(redact(`${a.target} (${a.host}): ${command}`)),
        confirm: plain('批准执行 / Approve'),
        deny: plain('取消 / Cancel'),
        style: 'primary',
      },
    },
    {
      type: 'button',
      text: plain('拒绝 / Deny'),
      action_id: APPROVAL_ACTION.deny,
      value,
      style: 'danger',
      confirm: {
        title: plain('拒绝这个请求？/ Deny this request?'),
        text: plain('不会运行任何东西；下一步可以填写原因 / Nothing will be run; you can give a reason next.'),
        confirm: plain('拒绝 / Deny'),
        deny: plain('取消 / Cancel'),
        style: 'danger',
      },
    },
  ];
}

/**
 * The approval card: requester, target and host, the exact command, the finding or reason, expiry;
 * buttons while it is pending.
 */
export function approvalCard(a: Approval): Fitted {
  const command = commandText(a.command);
  const blocks: Block[] = [
    { type: 'header', text: plain(redact(`审批请求 / Approval request: ${a.action} @ ${a.target}`)) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*申请人 / Requested by*\n${who(a.requester.id)}`),
        mrkdwn(`*目标 / Target*\n\`${escapeMrkdwn(a.target)}\` (${safe(a.host)})`),
        mrkdwn(`*过期 / Expires*\n${when(a.expiresAt)}`),
        mrkdwn(`*需要审批 / Approvals needed*\n${a.approvedBy.length} of ${a.approvalsNeeded}`),
      ],
    },
    section(`*${safe(a.actionTitle)}* — 命令 / command (each with \`sudo -n\`):\n${codeBlock(command)}`),
    section(
      [
        a.finding ? `*发现 / Finding:* ${safe(a.finding.title)} (\`${escapeMrkdwn(a.finding.id)}\`)` : '',
        a.reason && a.reason !== a.finding?.title ? `*原因 / Reason:* ${safe(a.reason)}` : '',
      ]
        .filter(Boolean)
        .join('\n') || `*原因 / Reason:* ${safe(a.reason || '-')}`,
    ),
    section(
      `*状态 / Status:* ${STATUS_TITLE[a.status]}${statusLines(a)
        .map((l) => `\n${l}`)
        .join('')}`,
    ),
  ];
  if (a.status === 'pending') blocks.push({ type: 'actions', block_id: `approval_${a.id}`, elements: buttonsFor(a) });
  blocks.push(
    context(
      `审批编号 / approval \`${a.id}\` · 申请于 / requested ${when(a.createdAt)} · ` +
        '批准时重新检查前置条件，只执行一次 / preconditions are re-checked at approval; it runs once',
    ),
  );
  return fitMessage({
    text: redact(`审批请求 / approval request: ${command} on ${a.target} (${a.host}) — ${a.status}`),
    blocks,
  });
}

/** The reply in the card's thread once the action ran: the full result (steps, stderr tail, post-checks). */
export function resultReply(a: Approval): Fitted {
  const r = a.result!;
  const ok = r.verdict === 'succeeded';
  return fitMessage({
    text: redact(`${ok ? '执行成功 / succeeded' : `失败 / ${r.verdict}`}: ${r.summary}`),
    blocks: [
      section(
        `${ok ? ':white_check_mark:' : ':x:'} *${safe(a.action)} @ ${escapeMrkdwn(a.target)}:* ${safe(r.summary)}`,
      ),
      section(codeBlock(redact(formatResult(a, r)))),
    ],
  });
}

/** The note in the card's thread when someone denied it: who (a real mention), the reason as escaped text. */
export function deniedReply(a: Approval, by: string): Fitted {
  const reason = a.deniedBy?.reason ?? '';
  return fitMessage({
    text: redact(`${by} 拒绝了 / denied ${a.action} @ ${a.target}: ${reason} — 没有运行任何东西 / nothing was run`),
    blocks: [
      section(
        `:no_entry_sign: ${who(by)} 拒绝了 / denied \`${escapeMrkdwn(a.action)}\` @ \`${escapeMrkdwn(a.target)}\`: ` +
          `${safe(reason)} — 没有运行任何东西 / nothing was run`,
      ),
    ],
  });
}

/** A refused click or request: for the clicker only. */
export function refusalMessage(o: Extract<Outcome, { kind: 'refused' }>): Fitted {
  return noticeMessage(`拒绝 / refused: ${o.message}`, { next: o.hint });
}

/**
 * The dialog Deny opens: an optional reason. The approval reference and the card's place travel in private_metadata.
 */
export function denyModal(
  value: string,
  place: { channel?: string; messageTs?: string; threadTs?: string },
  a?: Pick<Approval, 'action' | 'target'>,
): ModalView {
  return {
    type: 'modal',
    callback_id: DENY_CALLBACK,
    private_metadata: JSON.stringify({ v: value, ...place }),
    title: plain('拒绝 / Deny request'),
    submit: plain('拒绝 / Deny'),
    close: plain('取消 / Cancel'),
    blocks: [
      section(
        `拒绝${a ? ` \`${escapeMrkdwn(a.action)}\` @ \`${escapeMrkdwn(a.target)}\`` : ''} / deny it: ` +
          '不会运行任何东西 / nothing will be run. 关闭此窗口则不拒绝 / closing this dialog denies nothing.',
      ),
      {
        type: 'input',
        block_id: DENY_REASON_BLOCK,
        optional: true,
        label: plain('原因 / Reason (optional)'),
        element: {
          type: 'plain_text_input',
          action_id: DENY_REASON_INPUT,
          max_length: 500,
          placeholder: plain('e.g. not during business hours'),
        },
      },
    ],
  };
}

/** `/oms audit`: the newest records that fit one message, oldest first. */
export function auditMessage(records: readonly AuditRecord[], what: string): Fitted {
  if (records.length === 0)
    return noticeMessage(`没有审计记录 / no audit records${what}`, {
      next: 'try a longer span, e.g. `/oms audit --since 7d`',
    });
  const lines: string[] = [];
  let size = 0;
  for (let i = records.length - 1; i >= 0; i--) {
    const line = formatAuditRecord(records[i]!);
    if (size + line.length + 1 > 2600 || lines.length >= 40) break;
    lines.unshift(line);
    size += line.length + 1;
  }
  const more = records.length - lines.length;
  const blocks: Block[] = [
    section(
      `*审计日志 / audit log*${safe(what)}: ${records.length} record(s)` +
        `${more > 0 ? `, the newest ${lines.length} shown` : ''}\n${codeBlock(redact(lines.join('\n')))}`,
    ),
  ];
  if (more > 0)
    blocks.push(
      context(
        `更早的 ${more} 条 / ${more} older record(s): \`oms-chatops audit --since …\` on the bot's machine ` +
          'shows them all (or narrow with `--since` / `--target`)',
      ),
    );
  return fitMessage({ text: redact(`audit log${what}: ${records.length} record(s)`), blocks });
}
