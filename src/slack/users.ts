import type { App } from '@slack/bolt';
import { parseCommand } from '../command/parse.js';
import { resolveTarget } from '../command/resolve.js';
import { tokenize } from '../command/tokenize.js';
import { mrkdwnMessage, noticeMessage, safe } from '../render/blocks.js';
import { LIMITS } from '../users/fields.js';
import { readUserSheet } from '../users/read-sheet.js';
import { formatProblem, formatValidation, summaryLine } from '../users/report.js';
import { buildTemplate, TEMPLATE_FILE_NAME, templateAnswer } from '../users/template.js';
import { validateUsers } from '../users/validate.js';
import { writeWorkbook } from '../users/xlsx-write.js';
import type { SlackDeps } from './deps.js';
import { slackErrorCode } from './errors.js';
import type { Outbox } from './outbox.js';
import type { ChatEvent } from './phrases.js';
import { redactingLog } from './logger.js';

/** A file as Slack describes it in a message event. */
interface SlackFile {
  id?: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

interface FileEvent extends ChatEvent {
  channel_type?: string;
  files?: SlackFile[];
}

export interface UserImportOptions {
  deps: Pick<SlackDeps, 'config' | 'log'>;
  /** The bot token: file downloads send it as `Authorization: Bearer`. */
  botToken: string;
  /** SLACK_API_URL, if any: its host may serve files too (GovSlack, tests). */
  apiUrl?: string;
  fetch?: typeof fetch;
}

/** Lines of the validation answer posted in the thread; the rest goes in a text file there. */
const MAX_LINES_IN_MESSAGE = 25;
/** `@oms check users`, `@oms users validate`, `@oms 检查用户`. */
const CHECK_USERS = /\b(check|validate)\s+users?\b|\busers?\s+(check|validate)\b|检查用户|校验用户|用户表/i;

/**
 * Bulk user import in Slack: `/oms users template` uploads the template into
 * a thread; `@oms check users` with a file, or a file sent in a DM, is
 * downloaded with the bot token, checked, and answered in its thread (with
 * the corrected file when a fix is mechanical). Registered as one global
 * middleware, so the rest of the app is untouched; everything else passes on.
 */
export function registerUserImport(app: App, out: Outbox, options: UserImportOptions): void {
  const log = redactingLog(options.deps.log);
  app.use(async (args) => {
    const body = args.body as {
      command?: string;
      text?: string;
      channel_id?: string;
      user_id?: string;
      type?: string;
      event?: FileEvent;
    };
    if (body.command === '/oms' && /^\s*users\b/i.test(body.text ?? '')) {
      const a = args as unknown as {
        ack: (m?: Record<string, unknown>) => Promise<void>;
        respond: (m: Record<string, unknown>) => Promise<unknown>;
      };
      await slashUsers(body.text ?? '', body.channel_id ?? '', body.user_id ?? '', a, app, out, options, log);
      return;
    }
    const e = body.type === 'event_callback' ? body.event : undefined;
    if (e && !e.bot_id && e.user && e.channel && e.ts) {
      const mention = e.type === 'app_mention' && CHECK_USERS.test(e.text ?? '');
      const dmFile = e.type === 'message' && e.channel_type === 'im' && (e.files?.length ?? 0) > 0;
      if (mention || dmFile) {
        await checkSharedFiles(e, app, out, options, log);
        return;
      }
    }
    await args.next();
  });
}

async function slashUsers(
  text: string,
  channel: string,
  user: string,
  a: { ack: (m?: Record<string, unknown>) => Promise<void>; respond: (m: Record<string, unknown>) => Promise<unknown> },
  app: App,
  out: Outbox,
  options: UserImportOptions,
  log: (l: string) => void,
): Promise<void> {
  const parsed = parseCommand(tokenize(text));
  const ephemeral = (m: ReturnType<typeof noticeMessage>) => ({
    response_type: 'ephemeral',
    text: m.message.text,
    blocks: m.message.blocks,
  });
  if (!parsed.ok || parsed.command.verb !== 'users') {
    await a.ack(
      ephemeral(
        noticeMessage(parsed.ok ? 'users template | users validate' : parsed.error, {
          next: '`/oms users template`, or mention me with "check users" and the .xlsx/.csv attached',
        }),
      ),
    );
    return;
  }
  if (parsed.command.action === 'validate') {
    await a.ack(
      ephemeral(
        noticeMessage('在 Slack 里检查用户表：把文件发给我 / to check a sheet in Slack, send me the file', {
          next: 'mention me with "check users" and the .xlsx/.csv attached, or send it in a direct message (better: the sheet contains passwords)',
        }),
      ),
    );
    return;
  }
  const target = resolveTarget(parsed.flags.target, options.deps.config);
  if (!target) {
    await a.ack(
      ephemeral(
        noticeMessage(`未知目标 / unknown target "${parsed.flags.target}" — nothing was posted`, {
          next: `one of: ${[...options.deps.config.targets.keys()].join(', ')}`,
        }),
      ),
    );
    return;
  }
  await a.ack();
  try {
    const root = await out.post(
      channel,
      mrkdwnMessage(
        '用户导入模板 / user import template',
        safe(templateAnswer(target.publicUrl)).replace(/^(.*)$/m, '*$1*'),
      ),
    );
    await app.client.files.uploadV2({
      channel_id: channel,
      thread_ts: root.ts,
      filename: TEMPLATE_FILE_NAME,
      title: TEMPLATE_FILE_NAME,
      file: buildTemplate(target.publicUrl),
    });
  } catch (e) {
    const code = slackErrorCode(e) ?? (e as Error).message;
    log(`users template upload failed: ${code}`);
    await a.respond(
      ephemeral(
        noticeMessage(`没能发出模板 / could not post the template here (${code})`, {
          next:
            code === 'not_in_channel' || code === 'channel_not_found'
              ? `invite me first: /invite @oms-chatops — or DM me \`/oms users template\`; the CLI: \`oms-chatops users template\` (${user ? `<@${user}>` : ''})`
              : "try again, or run `oms-chatops users template` on the bot's machine",
        }),
      ),
    );
  }
}

async function checkSharedFiles(
  e: FileEvent,
  app: App,
  out: Outbox,
  options: UserImportOptions,
  log: (l: string) => void,
): Promise<void> {
  const channel = e.channel!;
  const thread = e.thread_ts ?? e.ts!;
  const say = (text: string, next?: string) =>
    out
      .post(channel, noticeMessage(text, next ? { next } : {}), thread)
      .catch((err) => log(`users: reply failed: ${slackErrorCode(err) ?? (err as Error).message}`));
  const files = (e.files ?? []).slice(0, 3);
  if (files.length === 0) {
    await say(
      '没有收到文件 / no file came with the message',
      'attach the filled .xlsx or .csv to the message that mentions me ("check users"), or send it to me in a DM',
    );
    return;
  }
  for (const f of files) {
    const name = (f.name ?? 'file').replace(/[\r\n]/g, ' ').slice(0, 120);
    try {
      const got = await download(f, options);
      if (!got.ok) {
        await say(`${name}: ${got.error}`, got.hint);
        continue;
      }
      const sheet = readUserSheet(got.data, name);
      if (!sheet.ok) {
        const [first, ...rest] = formatProblem(name, sheet.problem).split('\n');
        await say(first!, rest.join(' ').replace(/^下一步 \/ Next: /, ''));
        continue;
      }
      const v = validateUsers(sheet.value);
      const full = formatValidation(v, { fileName: name });
      const lines = full.split('\n');
      const shown =
        lines.length > MAX_LINES_IN_MESSAGE + 1
          ? [
              ...lines.slice(0, MAX_LINES_IN_MESSAGE),
              `… ${lines.length - MAX_LINES_IN_MESSAGE} more lines in the attached report`,
            ]
          : lines;
      await out.post(
        channel,
        mrkdwnMessage(`${name}: ${summaryLine(v)}`, `*${safe(lines[0]!)}*\n${safe(shown.slice(1).join('\n'))}`),
        thread,
      );
      if (shown !== lines)
        await out.upload(channel, thread, { filename: `${name}.report.txt`, title: `${name}: report`, content: full });
      // The corrected sheet still holds the new users' passwords: it goes back only in a DM, never into a channel.
      const inDm = e.channel_type === 'im' || (e.channel ?? '').startsWith('D');
      if (v.corrected && v.rows > 0 && v.fixes > 0 && !inDm) {
        await out.post(
          channel,
          noticeMessage(
            '修正后的文件包含密码，只在私聊中发送 / the corrected file holds passwords, so it is only sent in a direct message',
            {
              next: '把文件私聊发给机器人即可拿到修正版 / send the file to the bot in a DM to get the corrected version',
            },
          ),
          thread,
        );
      } else if (v.corrected && v.rows > 0 && v.fixes > 0) {
        const corrected = writeWorkbook([
          {
            name: '用户',
            rows: v.corrected,
            header: { required: [true, true, true, true, false, false, false] },
            textFormat: true,
          },
        ]);
        const correctedName = `${name.replace(/\.(xlsx|csv|txt|tsv)$/i, '')}.corrected.xlsx`;
        await app.client.files.uploadV2({
          channel_id: channel,
          thread_ts: thread,
          filename: correctedName,
          title: correctedName,
          file: corrected,
          initial_comment:
            '修正后的文件 / corrected file: empty and example rows removed, spaces trimmed, full-width fixed; passwords unchanged',
        });
      }
    } catch (err) {
      log(`users: checking ${name} failed: ${(err as Error)?.stack ?? String(err)}`);
      await say(
        `${name}: 检查失败 / the check failed (${slackErrorCode(err) ?? (err as Error).message})`,
        "try again; if it keeps failing, run `oms-chatops users validate FILE` on the bot's machine",
      );
    }
  }
}

type Downloaded = { ok: true; data: Buffer } | { ok: false; error: string; hint: string };

/** Download a shared file with the bot token, only from Slack's own hosts, at most the size limit. */
async function download(f: SlackFile, options: UserImportOptions): Promise<Downloaded> {
  if (typeof f.size === 'number' && f.size > LIMITS.maxFileBytes) {
    return {
      ok: false,
      error: `文件太大 / the file is too large: ${(f.size / 1024 / 1024).toFixed(1)} MB, at most ${LIMITS.maxFileBytes / 1024 / 1024} MB — nothing was downloaded`,
      hint: `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows`,
    };
  }
  const url = f.url_private_download ?? f.url_private;
  if (!url)
    return {
      ok: false,
      error: '拿不到文件 / Slack did not give me the file',
      hint: 'share the file again (in the same message that mentions me), or send it in a DM',
    };
  if (!trustedFileUrl(url, options.apiUrl))
    return {
      ok: false,
      error: '拒绝 / refused: the file link does not point to Slack — nothing was downloaded',
      hint: 'upload the file to Slack itself (not a link to another site)',
    };
  const res = await (options.fetch ?? fetch)(url, {
    headers: { authorization: `Bearer ${options.botToken}` },
    redirect: 'follow',
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok)
    return {
      ok: false,
      error: `下载失败 / the download failed (HTTP ${res.status})`,
      hint: 'the bot needs the files:read scope (reinstall the app from manifest.yml); then share the file again',
    };
  if (/text\/html/i.test(res.headers.get('content-type') ?? ''))
    return {
      ok: false,
      error: '下载到的是登录页 / Slack answered with a login page instead of the file',
      hint: 'the bot needs the files:read scope (reinstall the app from manifest.yml); then share the file again',
    };
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body ?? []) {
    total += (chunk as Uint8Array).length;
    if (total > LIMITS.maxFileBytes) {
      return {
        ok: false,
        error: `文件太大 / the file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB — the download was stopped`,
        hint: `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows`,
      };
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return { ok: true, data: Buffer.concat(chunks) };
}

/** Slack's file hosts (https), or the host of a configured SLACK_API_URL; the bot token goes nowhere else. */
export function trustedFileUrl(url: string, apiUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (apiUrl) {
    try {
      if (u.hostname === new URL(apiUrl).hostname) return true;
    } catch {
      // a bad SLACK_API_URL is reported at start-up
    }
  }
  return u.protocol === 'https:' && /(^|\.)(slack\.com|slack-gov\.com|slack-edge\.com)$/i.test(u.hostname);
}
