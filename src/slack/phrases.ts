import type { ChatEvent } from './chat-event.js';
import { addressedAnswer, decideAddressed, registerTemplateButton } from './intent-answer.js';
import { matchIntent } from '../intent/match.js';
import { suggestionMessage } from '../render/blocks.js';
import { encodeButtonValue } from './button-value.js';
import type { SlackDeps } from './deps.js';
import type { SlackContext, SlackFeature } from './feature.js';
import type { Outbox } from './outbox.js';
import { BUTTON_ID } from './report-buttons.js';
import type { ThreadMemory } from './thread-memory.js';

export type { ChatEvent } from './chat-event.js';

/** Why a message gets no suggestion (for tests and debug logs), or `suggest`. */
export type PhraseDecision =
  | { kind: 'ignore'; why: string }
  | { kind: 'suggest'; playbook: { id: string; title: string }; confidence: number; channel: string; threadTs: string };

/**
 * Decide whether a chat message deserves a suggestion. Bots (including this
 * one), edits and other subtypes, and anything not decisively matching a
 * playbook are ignored; each thread gets at most one suggestion.
 */
export function decidePhrase(
  event: ChatEvent,
  botUserId: string | undefined,
  deps: Pick<SlackDeps, 'playbooks'>,
  threads: ThreadMemory,
): PhraseDecision {
  if (event.subtype) return { kind: 'ignore', why: `subtype ${event.subtype}` };
  if (event.bot_id) return { kind: 'ignore', why: 'from a bot' };
  if (!event.user || (botUserId && event.user === botUserId)) return { kind: 'ignore', why: 'from the bot itself' };
  if (!event.channel || !event.ts) return { kind: 'ignore', why: 'no channel' };
  // Mentions and DMs are addressed to the bot and always answered (src/slack/intent-answer.ts).
  if (event.type === 'app_mention' || event.channel_type === 'im') return { kind: 'ignore', why: 'addressed' };
  if (botUserId && (event.text ?? '').includes(`<@${botUserId}>`)) return { kind: 'ignore', why: 'a mention' };
  // Mentions and channel links carry no meaning for matching.
  const text = (event.text ?? '').replace(/<[@#!][^>]*>/g, ' ').trim();
  if (!text) return { kind: 'ignore', why: 'empty' };
  const m = matchIntent(text, deps.playbooks);
  if (!m.playbook || !m.passive) return { kind: 'ignore', why: 'no decisive match' };
  const threadTs = event.thread_ts ?? event.ts;
  if (!threads.remember(event.channel, threadTs)) return { kind: 'ignore', why: 'thread already has a suggestion' };
  return { kind: 'suggest', playbook: m.playbook, confidence: m.confidence, channel: event.channel, threadTs };
}

/** Post the suggestion with a Run diagnosis button; nothing runs until someone clicks. */
export async function postSuggestion(
  out: Outbox,
  deps: SlackDeps,
  d: Extract<PhraseDecision, { kind: 'suggest' }>,
): Promise<void> {
  const value = encodeButtonValue({ v: 1, k: 'diagnose', p: d.playbook.id, t: deps.config.defaultTarget });
  await out.post(
    d.channel,
    suggestionMessage(d.playbook, d.confidence, {
      text: '运行诊断 / Run diagnosis',
      actionId: BUTTON_ID.runSuggestion,
      value,
      style: 'primary',
    }),
    d.threadTs,
  );
}

/** Listens to chat messages and mentions; a decisive match gets one threaded suggestion with a Run button. */
export function phrasesFeature(ctx: SlackContext): SlackFeature {
  return {
    name: 'phrases',
    register() {
      const onChat = async ({ event, context }: { event: unknown; context: { botUserId?: string } }) => {
        const botUserId = context.botUserId ?? ctx.botUserId;
        const addressed = decideAddressed(event as ChatEvent, botUserId);
        if (addressed.kind === 'answer') {
          // Once I answered in a thread, passive listening stays quiet there.
          ctx.threads.remember(addressed.channel, addressed.threadTs);
          // Someone asked: a failure is told in their thread.
          const where = { channel: addressed.channel, threadTs: addressed.threadTs };
          ctx.tasks.run('command', where, async () => {
            const { message } = addressedAnswer(addressed.text, ctx.deps);
            await ctx.out.post(addressed.channel, message, addressed.threadTs);
          });
          return;
        }
        const d = decidePhrase(event as ChatEvent, botUserId, ctx.deps, ctx.threads);
        // Nobody asked for a suggestion: a failure is only logged.
        if (d.kind === 'suggest') ctx.tasks.run('suggestion', undefined, () => postSuggestion(ctx.out, ctx.deps, d));
      };
      ctx.app.event('message', onChat);
      ctx.app.event('app_mention', onChat);
      registerTemplateButton(ctx.app, ctx.deps, (work) => ctx.tasks.run('button', undefined, work), ctx.log);
    },
  };
}
