import type { App } from '@slack/bolt';
import { usersTarget } from '../app/users.js';
import type { ParsedCommand } from '../command/verbs.js';
import { mrkdwnMessage, noticeMessage, safe } from '../render/blocks.js';
import { formatProblem, formatValidation, summaryLine } from '../users/report.js';
import { SheetWorkers } from '../users/sheet-worker.js';
import { buildTemplate, TEMPLATE_FILE_NAME, templateAnswer } from '../users/template.js';
import { writeWorkbook } from '../users/xlsx-write.js';
import type { Reply, SlackDeps } from './deps.js';
import type { CommandPlace, CommandPlan, SlackContext, SlackFeature } from './feature.js';
import { download, type DownloadOptions, type SlackFile } from './file-download.js';

export { trustedFileUrl } from './file-download.js';
import { slackErrorCode } from './errors.js';
import type { Outbox } from './outbox.js';
import type { ChatEvent } from './phrases.js';
import { redactingLog } from './logger.js';
import type { TaskLabels } from './task-labels.js';

interface FileEvent extends ChatEvent {
  channel_type?: string;
  files?: SlackFile[];
}

export interface UserImportOptions extends DownloadOptions {
  deps: Pick<SlackDeps, 'config' | 'log'>;
  /** Where files are read and checked: off the main thread, with a budget (default: SheetWorkers' defaults). */
  sheets?: SheetWorkers;
  /** The app's task labels (SlackBot.labels), so a blocked loop names the file being checked. */
  labels?: TaskLabels;
}

/** Lines of the validation answer posted in the thread; the rest goes in a text file there. */
const MAX_LINES_IN_MESSAGE = 25;
/**
 * `@oms check users`, `@oms users validate`, `@oms 检查用户`. Built from a string: esbuild writes a string's
 * Chinese as \u escapes but keeps a regex literal's as is, and one such character makes V8 hold the whole Slack
 * chunk as two bytes per character (test/unit/scripts/build.test.ts).
 */
const CHECK_USERS = new RegExp(
  '\\b(check|validate)\\s+users?\\b|\\busers?\\s+(check|validate)\\b|检查用户|校验用户|用户表',
  'i',
);
/** The "next step" label formatProblem puts before its hint. */
const NEXT_LABEL = '下一步 / Next: ';

/**
 * Bulk user import in Slack: `/oms users template` uploads the template into
 * a thread; `@oms check users` with a file, or a file sent in a DM, is
 * downloaded with the bot token, checked, and answered in its thread (with
 * the corrected file when a fix is mechanical). The file events are taken by
 * one global middleware, so other listeners never see them. Files are read
 * and checked in a worker thread (src/users/sheet-worker.ts): `/oms` and
 * buttons are answered while a hostile file is being refused.
 */
export function usersFeature(
  ctx: SlackContext,
  inject: { fetch?: typeof fetch; sheets?: SheetWorkers } = {},
): SlackFeature {
  const sheets = inject.sheets ?? new SheetWorkers();
  const options: UserImportOptions & { sheets: SheetWorkers } = {
    deps: ctx.deps,
    botToken: ctx.botToken,
    ...(ctx.apiUrl ? { apiUrl: ctx.apiUrl } : {}),
    ...(inject.fetch ? { fetch: inject.fetch } : {}),
    sheets,
    labels: ctx.labels,
  };
  const log = redactingLog(ctx.deps.log);
  return {
    name: 'users',
    verbs: ['users'],
    command: (cmd, where) => planUsersCommand(cmd, where, ctx, options, log),
    // A sheet still being read is cancelled (its thread is told), so a file never holds up shutdown.
    stop: () => sheets.close(),
    register() {
      ctx.app.use(async (args) => {
        const body = args.body as { type?: string; event?: FileEvent };
        const e = body.type === 'event_callback' ? body.event : undefined;
        if (e && !e.bot_id && e.user && e.channel && e.ts) {
          const mention = e.type === 'app_mention' && CHECK_USERS.test(e.text ?? '');
          const dmFile = e.type === 'message' && e.channel_type === 'im' && (e.files?.length ?? 0) > 0;
          if (mention || dmFile) {
            // Checked after the ack; a failure is told in the file's thread (tasks.ts).
            const place = { channel: e.channel, user: e.user, threadTs: e.thread_ts ?? e.ts };
            ctx.tasks.run('user-sheet', place, () => checkSharedFiles(e, ctx.app, ctx.out, options, log));
            return;
          }
        }
        await args.next();
      });
    },
  };
}

function planUsersCommand(
  cmd: ParsedCommand,
  where: CommandPlace,
  ctx: SlackContext,
  options: UserImportOptions,
  log: (l: string) => void,
): CommandPlan {
  if (cmd.verb !== 'users') return { kind: 'answer', message: noticeMessage('users template | users validate') };
  if (cmd.action === 'validate')
    return {
      kind: 'answer',
      message: noticeMessage('在 Slack 里检查用户表：把文件发给我 / to check a sheet in Slack, send me the file', {
        next:
          'mention me with "check users" and the .xlsx/.csv attached, or send it in a direct message ' +
          '(better: the sheet contains passwords)',
      }),
    };
  const target = usersTarget(where.flags.target ? { target: where.flags.target } : {}, options.deps);
  if (target.kind === 'unknown-target')
    return {
      kind: 'answer',
      message: noticeMessage(`未知目标 / unknown target "${target.name}" — nothing was posted`, {
        next: `one of: ${[...options.deps.config.targets.keys()].join(', ')}`,
      }),
    };
  return { kind: 'work', task: 'command', run: (reply) => postTemplate(target.publicUrl, where, ctx, reply, log) };
}

async function postTemplate(
  publicUrl: string,
  where: CommandPlace,
  ctx: SlackContext,
  reply: Reply,
  log: (l: string) => void,
): Promise<void> {
  const { channel, user } = where;
  try {
    const root = await ctx.out.post(
      channel,
      mrkdwnMessage('用户导入模板 / user import template', safe(templateAnswer(publicUrl)).replace(/^(.*)$/m, '*$1*')),
    );
    await ctx.app.client.files.uploadV2({
      channel_id: channel,
      thread_ts: root.ts,
      filename: TEMPLATE_FILE_NAME,
      title: TEMPLATE_FILE_NAME,
      file: buildTemplate(publicUrl),
    });
  } catch (e) {
    const code = slackErrorCode(e) ?? (e as Error).message;
    log(`users template upload failed: ${code}`);
    const notIn = code === 'not_in_channel' || code === 'channel_not_found';
    await reply(
      noticeMessage(`没能发出模板 / could not post the template here (${code})`, {
        next: notIn
          ? 'invite me first: /invite @oms-chatops — or DM me `/oms users template`; ' +
            `the CLI: \`oms-chatops users template\` (${user ? `<@${user}>` : ''})`
          : "try again, or run `oms-chatops users template` on the bot's machine",
      }),
    );
  }
}

async function checkSharedFiles(
  e: FileEvent,
  app: App,
  out: Outbox,
  options: UserImportOptions & { sheets: SheetWorkers },
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
      const check = () => options.sheets.check(got.data, name);
      const sheet = await (options.labels ? options.labels.track(`users: checking ${name}`, check) : check());
      if (!sheet.ok) {
        if (sheet.problem.code === 'too-complex' || sheet.problem.code === 'check-failed')
          log(`users: ${name} refused: ${sheet.problem.message}`);
        const [first, ...rest] = formatProblem(name, sheet.problem).split('\n');
        const next = rest.join(' ');
        await say(first!, next.startsWith(NEXT_LABEL) ? next.slice(NEXT_LABEL.length) : next);
        continue;
      }
      const v = sheet.value.validation;
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
            '修正后的文件 / corrected file: empty and example rows removed, spaces trimmed, full-width fixed; ' +
            'passwords unchanged',
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
