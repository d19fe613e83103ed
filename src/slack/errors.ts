/**
 * Web API failures in plain language. The WebClient throws coded errors
 * (`slack_webapi_platform_error` with `data.error`, `slack_webapi_rate_limited_error`
 * with `retryAfter`); users get what went wrong and what to do next.
 */
export interface SlackProblem {
  code: string;
  text: string;
  next: string;
}

/** Said to the asker when the bot cannot post in the channel and answers them privately instead. */
export const ONLY_YOU_SEE_IT =
  'oms-chatops 不在这个频道里，所以结果只发给你 / I am not in this channel, so only you will see the result.';

export const INVITE_HINT =
  '在频道里输入 `/invite @oms-chatops`（或 频道详情 → 集成 → 添加应用）/ ' +
  'type `/invite @oms-chatops` in the channel (or channel details → Integrations → Add apps), then try again';

/** The Slack error code of a WebClient failure (`not_in_channel`, `ratelimited` …), if any. */
export function slackErrorCode(e: unknown): string | undefined {
  const err = e as { code?: string; data?: { error?: string } };
  if (err?.code === 'slack_webapi_platform_error') return err.data?.error;
  if (err?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  if (err?.code === 'slack_webapi_request_error' && /rate limit was exceeded/i.test(String((e as Error).message)))
    return 'ratelimited';
  return undefined;
}

export function retryAfterSeconds(e: unknown): number | undefined {
  const r = (e as { retryAfter?: number }).retryAfter;
  if (typeof r === 'number') return r;
  const m = /retry-after: (\d+)/i.exec(String((e as Error)?.message ?? ''));
  return m ? Number(m[1]) : undefined;
}

/** True when the bot is not a member of (or cannot see) the channel. */
export function isNotInChannel(e: unknown): boolean {
  const code = slackErrorCode(e);
  return code === 'not_in_channel' || code === 'channel_not_found';
}

export function describeSlackError(e: unknown, where = '这个频道 / this channel'): SlackProblem {
  const code = slackErrorCode(e) ?? (e as { code?: string })?.code ?? 'unknown';
  switch (code) {
    case 'not_in_channel':
    case 'channel_not_found':
      return {
        code,
        text: `oms-chatops 不是 ${where} 的成员，无法在这里发消息 / the bot is not a member of ${where}, so it cannot post there`,
        next: INVITE_HINT,
      };
    case 'ratelimited': {
      const after = retryAfterSeconds(e);
      return {
        code,
        text: `Slack 正在限流 / Slack is rate-limiting the bot${after !== undefined ? ` (retry after ${after} s)` : ''}`,
        next: '等一分钟再试；诊断本身是只读的，可以放心重跑 / wait a minute and run it again; diagnoses are read-only and safe to repeat',
      };
    }
    case 'slack_webapi_http_error':
    case 'slack_webapi_request_error':
    case 'service_unavailable': {
      const status = (e as { statusCode?: number })?.statusCode;
      return {
        code,
        text: `Slack 暂时没有响应 / Slack is not answering${status ? ` (HTTP ${status})` : ''}`,
        next: '过几分钟再试；诊断是只读的，可以放心重跑 / try again in a few minutes; diagnoses are read-only and safe to repeat',
      };
    }
    case 'is_archived':
      return {
        code,
        text: `${where} 已归档 / ${where} is archived`,
        next: '选一个未归档的频道 / pick a channel that is not archived',
      };
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'account_inactive':
      return {
        code,
        text: `Slack 拒绝了 bot 的令牌 / Slack refused the bot token (${code})`,
        next:
          '检查 /etc/oms-chatops/env 中的 SLACK_BOT_TOKEN，然后重启服务 / ' +
          'check SLACK_BOT_TOKEN in /etc/oms-chatops/env, then restart the service (docs/slack.md)',
      };
    case 'missing_scope':
      return {
        code,
        text: 'bot 缺少所需权限 / the bot lacks a scope it needs (missing_scope)',
        next: '按 manifest.yml 重新安装应用 / reinstall the app from manifest.yml (docs/slack.md)',
      };
    default:
      return {
        code,
        text: `Slack API 出错 / the Slack API failed: ${code}`,
        next:
          '稍后重试；如果一直失败，查看 bot 的日志 (journalctl -u oms-chatops) / ' +
          "try again; if it keeps failing, read the bot's log (journalctl -u oms-chatops)",
      };
  }
}
