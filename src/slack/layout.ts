import { collectBundle, discoverLayout, type Unreachable } from '../app/layout.js';
import { resolveTarget } from '../command/resolve.js';
import type { ParsedCommand } from '../command/verbs.js';
import { noticeMessage } from '../render/blocks.js';
import type { Reply } from './deps.js';
import { describeSlackError, isNotInChannel, INVITE_HINT, slackErrorCode } from './errors.js';
import type { CommandPlace, CommandPlan, SlackContext, SlackFeature } from './feature.js';
import { unknownTarget } from './help.js';
import { bundleDoneMessage, bundleProgressMessage, layoutMessage } from './layout-message.js';
import type { TaskPlace } from './tasks.js';

const NOT_WIRED = noticeMessage('这个 bot 没有启用布局发现 / layout discovery is not wired in this bot', {
  next: "在 bot 的机器上运行 `oms-chatops discover` / run `oms-chatops discover` on the bot's machine",
});

function unreachableNotice(r: Unreachable, verb: string) {
  return noticeMessage(`无法连接 / cannot reach ${r.target}: ${r.message} — 什么也没有收集 / nothing was collected`, {
    next: `${r.hint}; 然后再运行 / then run \`/oms ${verb} ${r.target}\` again (\`oms-chatops doctor ${r.target}\`)`,
  });
}

/**
 * `/oms discover [target]` answers the asker with the layout the server
 * reports (and refreshes the cache diagnoses use); `/oms bundle [target]`
 * posts a progress message, collects the support bundle in the background and
 * uploads the .tar.gz into that message's thread, asking for what only the
 * browser can give.
 */
export function layoutFeature(ctx: SlackContext): SlackFeature {
  const { deps } = ctx;
  const answer = (message: ReturnType<typeof noticeMessage>): CommandPlan => ({ kind: 'answer', message });
  return {
    name: 'layout',
    verbs: ['discover', 'bundle'],
    command(cmd, where) {
      if (cmd.verb !== 'discover' && cmd.verb !== 'bundle') return answer(NOT_WIRED);
      const target = resolveTarget(cmd.target, deps.config);
      if (!target) return answer(unknownTarget(cmd.target ?? deps.config.defaultTarget, deps.config));
      if (cmd.verb === 'discover') {
        if (!deps.layout) return answer(NOT_WIRED);
        return { kind: 'work', task: 'discover', run: (reply) => discover(ctx, target.name, reply) };
      }
      if (cmd.output)
        return answer(
          noticeMessage(
            '在 Slack 里支持包会上传到消息串，不写文件 / in Slack the bundle goes into the thread, not a file',
            {
              next: `去掉 -o：\`/oms bundle ${target.name}\` / drop -o; \`-o FILE\` is for \`oms-chatops bundle\``,
            },
          ),
        );
      return { kind: 'work', task: 'bundle', run: (reply, at) => bundle(ctx, cmd, where, reply, at) };
    },
  };
}

async function discover(ctx: SlackContext, target: string, reply: Reply): Promise<void> {
  const r = await discoverLayout({ target }, ctx.deps);
  switch (r.kind) {
    case 'layout':
      return reply(layoutMessage(r.target.name, r.layout));
    case 'unreachable':
      return reply(unreachableNotice(r, 'discover'));
    case 'unknown-target':
      return reply(unknownTarget(r.name, ctx.deps.config));
    case 'no-discovery':
      return reply(NOT_WIRED);
  }
}

async function bundle(
  ctx: SlackContext,
  cmd: Extract<ParsedCommand, { verb: 'bundle' }>,
  where: CommandPlace,
  reply: Reply,
  at: TaskPlace,
): Promise<void> {
  const { out, deps } = ctx;
  const name = cmd.target ?? deps.config.defaultTarget;
  let root: { channel: string; ts: string };
  try {
    root = await out.post(where.channel, bundleProgressMessage(name, where.user));
  } catch (e) {
    const p = describeSlackError(e);
    // The bundle belongs in a thread everyone working the incident can see: nothing is collected without one.
    await reply(
      noticeMessage(`${p.text} — 支持包没有收集 / the bundle was not collected`, {
        next: isNotInChannel(e)
          ? `${INVITE_HINT}; 或在 bot 的机器上 / or on the bot's machine: \`oms-chatops bundle ${name}\``
          : p.next,
      }),
    );
    return;
  }
  // From here a failure replaces the progress message (background.ts).
  at.progress = root;
  const actor = { id: where.user, via: 'slack' as const, channel: where.channel };
  const r = await collectBundle({ target: name }, actor, {
    ...deps,
    onAuditError: (e) => deps.log?.(`could not write the audit log: ${e.message}`),
  });
  if (r.kind === 'unknown-target') {
    await out.update(root.channel, root.ts, unknownTarget(r.name, deps.config));
    return;
  }
  if (r.kind === 'unreachable') {
    await out.update(root.channel, root.ts, unreachableNotice(r, 'bundle'));
    return;
  }
  try {
    await out.uploadBinary(
      root.channel,
      root.ts,
      { filename: r.fileName, title: `support bundle ${r.target.name}`, data: r.bundle.archive },
      '支持包（已脱敏）/ the support bundle (redacted); MANIFEST.txt lists each file',
    );
  } catch (e) {
    const code = slackErrorCode(e) ?? (e as Error).message;
    deps.log?.(`bundle upload failed: ${code}`);
    const p = describeSlackError(e);
    await out.update(
      root.channel,
      root.ts,
      noticeMessage(`支持包没能上传 / the bundle could not be uploaded (${code})`, {
        next:
          `${p.next}; 或在 bot 的机器上运行 / or run on the bot's machine: \`oms-chatops bundle ${r.target.name}\` ` +
          '(needs the files:write scope)',
      }),
    );
    return;
  }
  const verdict = r.report ? `${r.report.verdict} (${r.report.findings.length} findings)` : undefined;
  await out.update(
    root.channel,
    root.ts,
    bundleDoneMessage(r.target.name, where.user, {
      bundle: r.bundle,
      fileName: r.fileName,
      ...(verdict ? { verdict } : {}),
    }),
  );
}
