import { randomBytes } from 'node:crypto';
import { noticeMessage } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { redact } from '../redact.js';
import { clip } from './button-value.js';
import { slackErrorCode } from './errors.js';
import type { Outbox } from './outbox.js';
import type { TaskFailure, TaskKind, TaskPlace } from './tasks.js';

const LOG_HINT = 'bot 日志 / the bot log: journalctl -u oms-chatops';

/** What did not finish, and what to do next, per kind of task (Chinese first, English beside it). */
const WHAT: Record<TaskKind, { text: string; next: string }> = {
  diagnose: {
    text: '诊断没有完成 / the diagnosis did not finish',
    next: '再运行一次（诊断是只读的）/ run it again (diagnoses are read-only)',
  },
  check: {
    text: '检查没有完成 / the check did not finish',
    next: '再运行一次（检查是只读的）/ run it again (checks are read-only)',
  },
  compare: {
    text: '对比没有完成 / the comparison did not finish',
    next: '再运行一次（对比是只读的）/ run it again (comparisons are read-only)',
  },
  command: {
    text: '命令没有完成 / the command did not finish',
    next: '再试一次 / try again',
  },
  button: {
    text: '这个按钮没有完成 / this button did not finish',
    next: '再点一次 / click it again',
  },
  share: {
    text: '分享没有完成 / the share did not finish',
    next:
      '看一下事故频道里是否已有摘要，没有就再点一次 "分享" / ' +
      'look for the summary in the incident channel; if it is not there, click Share again',
  },
  'approval-request': {
    text: '审批请求没有完成 / the approval request did not go through',
    next:
      '没有审批就不会运行任何东西；如果频道里没有审批卡片，请重新申请 / ' +
      'nothing runs without an approval; if no approval card is in the channel, request it again',
  },
  'approval-click': {
    text: '你的批准/拒绝没有处理完 / your Approve/Deny click was not fully handled',
    next:
      '卡片显示当前状态；如果它仍在等待审批，再点一次 / ' +
      'the card shows the current state; if it still waits for approval, click again',
  },
  'user-sheet': {
    text: '用户表检查没有完成 / the user sheet check did not finish',
    next:
      '再发一次文件，或在 bot 的机器上运行 `oms-chatops users validate FILE` / ' +
      "send the file again, or run `oms-chatops users validate FILE` on the bot's machine",
  },
  suggestion: {
    text: '建议没有发出 / the suggestion was not posted',
    next: '用 `/oms diagnose …` / use `/oms diagnose …`',
  },
  sweep: { text: '过期检查失败 / the expiry sweep failed', next: LOG_HINT },
  discover: {
    text: '布局发现没有完成 / the layout discovery did not finish',
    next:
      '再运行一次（只读），或在 bot 的机器上运行 `oms-chatops discover` / ' +
      "run it again (read-only), or run `oms-chatops discover` on the bot's machine",
  },
  bundle: {
    text: '支持包没有完成 / the support bundle did not finish',
    next:
      '再运行一次（只读），或在 bot 的机器上运行 `oms-chatops bundle` / ' +
      "run it again (read-only), or run `oms-chatops bundle` on the bot's machine",
  },
};

/** The notice a user sees when a task failed: what, why (one line, redacted), what next, a reference for the log. */
export function failureNotice(kind: TaskKind, ref: string, error: unknown): Fitted {
  const w = WHAT[kind];
  const why = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
  return noticeMessage(`:warning: ${w.text}: ${clip(redact(why).replace(/\s+/g, ' '), 200)}`, {
    next: `${w.next}. 如果一直失败，把编号 ${ref} 告诉管理员 / if it keeps failing, give the admin the reference ${ref} (${LOG_HINT})`,
  });
}

/**
 * Log a failed background task and tell the person who started it, in the
 * best place that still works: replace the progress message, else post in
 * the thread, else answer privately. Each attempt that fails is logged and
 * the next one tried.
 */
export async function reportTaskFailure(out: Outbox, f: TaskFailure, log: (line: string) => void): Promise<void> {
  const ref = randomBytes(4).toString('hex');
  const p = f.place;
  const stack = f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error);
  log(`background task ${f.kind} failed (ref ${ref}, user ${p?.user ?? '-'}, channel ${p?.channel ?? '-'}): ${stack}`);
  if (!p) return;
  const notice = failureNotice(f.kind, ref, f.error);
  for (const [how, tell] of deliveries(out, p)) {
    try {
      await tell(notice);
      log(`told ${p.user ?? 'the channel'} about ${ref} (${how})`);
      return;
    } catch (e) {
      log(`could not tell about ${ref} (${how}): ${slackErrorCode(e) ?? (e as Error).message}`);
    }
  }
  log(`nobody could be told about ${ref}: no place left to answer`);
}

function deliveries(out: Outbox, p: TaskPlace): Array<[string, (m: Fitted) => Promise<void>]> {
  const ways: Array<[string, (m: Fitted) => Promise<void>]> = [];
  const progress = p.progress;
  if (progress) ways.push(['progress message', (m) => out.update(progress.channel, progress.ts, m)]);
  const { channel, threadTs, user, reply } = p;
  if (channel && threadTs) ways.push(['thread', async (m) => void (await out.post(channel, m, threadTs))]);
  if (reply) ways.push(['reply', reply]);
  if (channel && user) ways.push(['ephemeral', (m) => out.ephemeral(channel, user, m, threadTs)]);
  return ways;
}
