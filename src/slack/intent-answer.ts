import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { matchIntent, type MatchResult } from '../intent/match.js';
import type { ButtonSpec } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { choicesMessage, howtoMessage, noMatchMessage } from '../render/intent.js';
import { suggestionMessage } from '../render/blocks.js';
import { buildTemplate, TEMPLATE_FILE_NAME } from '../users/template.js';
import { encodeButtonValue } from './button-value.js';
import type { SlackDeps } from './deps.js';
import type { ChatEvent } from './chat-event.js';
import { BUTTON_ID } from './report-buttons.js';

/**
 * Addressed means answered: an @mention, a DM or `/oms <text>` always gets
 * one of four answers (src/intent/match.ts): a confident match, choices,
 * a how-to section, or the list of playbooks. Passive listening in a channel
 * stays in phrases.ts (a confident match only).
 */

/** action_id of the "import template" button under the bulk-import section (not `oms_`: its own listener). */
export const TEMPLATE_ACTION = 'users_template';

/** Buttons under the list of playbooks answering an unmatched message (Slack allows 25 in one actions block). */
const MAX_LIST_BUTTONS = 10;

/** The section whose answer carries the template button. */
const TEMPLATE_SECTION = { playbook: 'admin', section: 'bulk-import' };

/** An @mention or a DM, reduced to what to answer and where; anything else is left to passive listening. */
export type AddressedDecision =
  { kind: 'pass'; why: string } | { kind: 'answer'; text: string; channel: string; threadTs: string };

/** Is this chat event addressed to the bot (a mention, a DM from a person)? Pure. */
export function decideAddressed(event: ChatEvent, botUserId: string | undefined): AddressedDecision {
  const mention = event.type === 'app_mention';
  const dm = event.type === 'message' && event.channel_type === 'im';
  if (!mention && !dm) return { kind: 'pass', why: 'not addressed' };
  if (event.subtype || event.bot_id) return { kind: 'pass', why: 'not from a person' };
  if (!event.user || (botUserId && event.user === botUserId)) return { kind: 'pass', why: 'from the bot itself' };
  if (!event.channel || !event.ts) return { kind: 'pass', why: 'no channel' };
  const text = (event.text ?? '').replace(/<[@#!][^>]*>/g, ' ').trim();
  return { kind: 'answer', text, channel: event.channel, threadTs: event.thread_ts ?? event.ts };
}

/** The message answering an addressed text, built from the match. Pure. */
export function addressedAnswer(
  text: string,
  deps: Pick<SlackDeps, 'playbooks' | 'config'>,
): { result: MatchResult; message: Fitted } {
  const result = matchIntent(text, deps.playbooks);
  return { result, message: answerFor(result, deps) };
}

/** Render a match result as the answer to an addressed message. Pure. */
export function answerFor(result: MatchResult, deps: Pick<SlackDeps, 'playbooks' | 'config'>): Fitted {
  const target = deps.config.defaultTarget;
  const run = (id: string, suffix = ''): ButtonSpec => ({
    text: `诊断 / Diagnose ${id}`,
    actionId: `${BUTTON_ID.runSuggestion}${suffix}`,
    value: encodeButtonValue({ v: 1, k: 'diagnose', p: id, t: target }),
  });
  switch (result.outcome) {
    case 'match':
      return suggestionMessage(result.playbook!, result.confidence, {
        ...run(result.playbook!.id),
        text: '运行诊断 / Run diagnosis',
        style: 'primary',
      });
    case 'choices': {
      const choices = result.choices ?? [];
      return choicesMessage(
        choices,
        choices.map((c) => run(c.id, `_${c.id}`)),
      );
    }
    case 'howto': {
      const p = deps.playbooks.find((q) => q.id === result.playbook!.id)!;
      const section = p.howto.find((h) => h.id === result.howto!.section)!;
      return howtoMessage(p, section, templateButtons(p.id, section.id, target));
    }
    default: {
      // The list of playbooks, those that came nearest first, each with a button (issue 11: never silence).
      const nearest = result.nearest ?? [];
      const order = [
        ...nearest.map((c) => c.id),
        ...deps.playbooks.map((p) => p.id).filter((id) => !nearest.some((c) => c.id === id)),
      ];
      return noMatchMessage(
        deps.playbooks,
        nearest,
        order.slice(0, MAX_LIST_BUTTONS).map((id) => run(id, `_${id}`)),
      );
    }
  }
}

/** The template button, for the bulk-import section only. */
export function templateButtons(playbookId: string, sectionId: string, target: string): ButtonSpec[] {
  if (playbookId !== TEMPLATE_SECTION.playbook || sectionId !== TEMPLATE_SECTION.section) return [];
  return [
    { text: '下载导入模板 / Get the import template', actionId: TEMPLATE_ACTION, value: target, style: 'primary' },
  ];
}

/** A click on the template button uploads the template into the message's thread. */
export function registerTemplateButton(
  app: App,
  deps: Pick<SlackDeps, 'config'>,
  run: (work: () => Promise<void>) => void,
  log: (line: string) => void,
): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: TEMPLATE_ACTION }, async (args) => {
    const { ack, body, action, respond } = args;
    await ack();
    const target = deps.config.targets.get(action.value ?? '');
    const channel = body.channel?.id ?? body.container?.channel_id;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    run(async () => {
      if (!target || !channel) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text:
            '没有发出模板 / no template was posted: ' +
            `${!target ? `目标 "${action.value}" 未配置 / target not configured` : '不在频道里 / not in a channel'}` +
            ` — 用 \`/oms users template\` / use \`/oms users template\``,
        });
        return;
      }
      const threadTs = message?.thread_ts ?? message?.ts;
      try {
        // A binary file: uploaded as src/slack/users.ts does for `/oms users template`.
        const file = { channel_id: channel, filename: TEMPLATE_FILE_NAME, title: TEMPLATE_FILE_NAME };
        const body = buildTemplate(target.publicUrl);
        await (threadTs
          ? app.client.files.uploadV2({ ...file, thread_ts: threadTs, file: body })
          : app.client.files.uploadV2({ ...file, file: body }));
      } catch (e) {
        log(`template upload failed: ${(e as Error).message}`);
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text:
            '没能发出模板 / could not post the template — ' +
            '用 `/oms users template` 或在机器人所在机器上运行 `oms-chatops users template` / ' +
            "use `/oms users template`, or run `oms-chatops users template` on the bot's machine",
        });
      }
    });
  });
}
