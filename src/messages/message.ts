/**
 * A user-facing message: what happened (Chinese first, English beside it) and
 * what to do next. Built by the catalogue (catalogue.ts), rendered for the
 * terminal here and as Block Kit by src/render/blocks.ts (`noticeFor`).
 */
export interface Message {
  /** The Chinese text; absent where only English exists so far. */
  zh?: string;
  en: string;
  next?: { zh?: string; en: string };
  /** Valid choices (targets, checks, playbooks) the user can pick from. */
  choices?: readonly string[];
}

/** `zh / en`, or `en` alone. */
export function bilingual(t: { zh?: string; en: string }): string {
  return t.zh ? `${t.zh} / ${t.en}` : t.en;
}

/** The "what to do next" line's text, without its label. */
export function nextText(m: Message): string | undefined {
  return m.next ? bilingual(m.next) : undefined;
}

export const NEXT_LABEL = '下一步 / Next';

export const CHOICES_LABEL = '可选 / Valid choices';

/** For the terminal: the message, the valid choices, then `下一步 / Next: …`, each on its own line. */
export function toTerminal(m: Message): string {
  const next = nextText(m);
  return [
    bilingual(m),
    ...(m.choices?.length ? [`${CHOICES_LABEL}: ${m.choices.join(', ')}`] : []),
    ...(next ? [`${NEXT_LABEL}: ${next}`] : []),
  ].join('\n');
}

/** A parse failure or any `{ error, hint }` pair as a message. */
export function fromHint(error: string, hint: string): Message {
  return { en: error, next: { en: hint } };
}
