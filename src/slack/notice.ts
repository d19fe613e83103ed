import type { ButtonSpec } from '../render/blocks.js';
import { noticeMessage } from '../render/blocks.js';
import type { Fitted } from '../render/block-limits.js';
import { commandRef } from '../command/args.js';
import { bilingual, nextText, type Message } from '../messages/message.js';

/** A catalogue message (src/messages) as a Slack notice: the text, the valid choices, `下一步 / Next`. */
export function noticeFor(m: Message, buttons?: readonly ButtonSpec[]): Fitted {
  const next = nextText(m);
  return noticeMessage(bilingual(m), {
    ...(next ? { next } : {}),
    ...(m.choices ? { choices: m.choices } : {}),
    ...(buttons ? { buttons } : {}),
  });
}

/** A command reference as typed in Slack: `/oms list`. */
export const slackRef = (words: string): string => commandRef('slack', words);
