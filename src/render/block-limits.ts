import type { types } from '@slack/bolt';

/**
 * Block Kit's limits, enforced in this one module. Everything the bot sends
 * goes through {@link fitMessage}: text that does not fit is cut with a visible
 * note and handed back as `overflow`, which the Slack layer uploads as a file
 * into the thread — nothing is ever cut silently.
 */

/*
 * The Block Kit types are the Slack SDK's own (@slack/types, re-exported by
 * @slack/bolt as `types`; a type-only import, so nothing of Bolt is loaded
 * here), narrowed to the parts this bot sends: text objects in context
 * blocks, buttons in actions blocks, and confirm dialogs with every part set.
 */
export type PlainText = types.PlainTextElement;
export type MrkdwnText = types.MrkdwnElement;
export type TextObject = PlainText | MrkdwnText;

/** A confirm dialog with all of its parts (Slack wants title, text and both buttons sent). */
export type ConfirmDialog = types.ConfirmationDialog &
  Required<Pick<types.ConfirmationDialog, 'title' | 'confirm' | 'deny'>>;

/** A button with an action_id (every button of the bot has one). */
export type ButtonElement = Omit<types.Button, 'action_id' | 'confirm'> & {
  action_id: string;
  confirm?: ConfirmDialog;
};

export type Block =
  | types.HeaderBlock
  | types.SectionBlock
  | (Omit<types.ContextBlock, 'elements'> & { type: 'context'; elements: TextObject[] })
  | types.DividerBlock
  | (Omit<types.ActionsBlock, 'elements'> & { type: 'actions'; elements: ButtonElement[] });

/**
 * A message as sent to chat.postMessage / chat.update / response_url:
 * `text` is the notification and accessibility fallback.
 */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's documented limits (listed in docs/platform-facts.md). */
export const LIMITS = Object.freeze({
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** Slack truncates longer `text`; we keep the fallback far shorter. */
  fallbackText: 40_000,
  /**
   * Messages whose blocks are each within limits are still refused as
   * `msg_blocks_too_long` at around 13 k characters of text in total.
   */
  messageTextTotal: 12_000,
});

/** Shown where something was cut; the Slack layer attaches the full text as a file in the thread. */
export const CUT_NOTE = '…（完整内容见消息串中的附件 / full text in the file attached in the thread）';
const FALLBACK_MAX = 3000;

/** The result of fitting: the message, and the full text of whatever had to be cut. */
export interface Fitted {
  message: SlackMessage;
  overflow: string[];
}

/**
 * Cut `text` to `max` characters (at a line end when possible), keeping code
 * fences balanced, with `note` at the end.
 */
export function cutText(text: string, max: number, note = CUT_NOTE): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - note.length - 5);
  let head = text.slice(0, room);
  const nl = head.lastIndexOf('\n');
  if (nl > room * 0.6) head = head.slice(0, nl);
  // An odd number of ``` means we cut inside a code block: close it.
  if ((head.match(/```/g)?.length ?? 0) % 2 === 1) head = `${head}\n\`\`\``;
  return `${head}\n${note}`.slice(0, max);
}

/** Cut a short label (header, button) with an ellipsis; these carry no raw output. */
function cutLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Characters of text in a block (what counts towards msg_blocks_too_long). */
export function blockTextLength(b: Block): number {
  switch (b.type) {
    case 'header':
      return b.text.text.length;
    case 'section':
      return (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return b.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return b.elements.reduce((n, e) => n + e.text.text.length, 0);
    case 'divider':
      return 0;
  }
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'header':
      return b.text.text;
    case 'section':
      return [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)].filter(Boolean).join('\n');
    case 'context':
      return b.elements.map((e) => e.text).join(' ');
    default:
      return '';
  }
}

/**
 * Make a message fit every limit. Labels are shortened; section and context
 * text is cut with {@link CUT_NOTE}; surplus blocks are dropped from the end
 * (action blocks are kept) and replaced by a note. Everything cut is returned
 * in `overflow`. Button values and action ids are built by the bot, never from
 * free text: one that is too long is a bug and throws.
 */
export function fitMessage(input: SlackMessage, options: { maxBlocks?: number; maxText?: number } = {}): Fitted {
  const maxBlocks = options.maxBlocks ?? LIMITS.blocksPerMessage;
  const maxText = options.maxText ?? LIMITS.messageTextTotal;
  const overflow: string[] = [];
  const blocks: Block[] = [];
  for (const b of input.blocks) blocks.push(...fitBlock(b, overflow));

  const actions = blocks.filter((b) => b.type === 'actions');
  let body: Block[] = blocks.filter((b) => b.type !== 'actions');
  const fixed = actions.reduce((n, b) => n + blockTextLength(b), 0);
  const noteBlock = (n: number): Block => ({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `还有 ${n} 段未显示 / ${n} more section(s) not shown — ${CUT_NOTE}` }],
  });
  const fits = (list: Block[]) =>
    list.length + actions.length <= maxBlocks && list.reduce((n, b) => n + blockTextLength(b), 0) + fixed <= maxText;
  if (!fits(body)) {
    const dropped: Block[] = [];
    while (body.length > 0 && !fits([...body, noteBlock(dropped.length + 1)])) dropped.unshift(body.pop()!);
    // A single huge block: keep it, cut harder, so the reader still sees its start.
    if (body.length === 0 && dropped.length > 0) {
      const first = dropped.shift()!;
      const budget = Math.max(200, maxText - fixed - 400);
      if (first.type === 'section' && first.text) {
        overflow.push(first.text.text);
        body = [
          { ...first, text: { ...first.text, text: cutText(first.text.text, Math.min(budget, LIMITS.sectionText)) } },
        ];
      }
    }
    for (const d of dropped) {
      const t = blockText(d);
      if (t) overflow.push(t);
    }
    if (dropped.length > 0) body.push(noteBlock(dropped.length));
  }
  const out = [...body, ...actions];
  const fallbackSource = input.text || out.map(blockText).find((t) => t.trim()) || 'oms-chatops';
  const text = cutLabel(fallbackSource, FALLBACK_MAX);
  return { message: { text, blocks: out }, overflow };
}

function fitBlock(b: Block, overflow: string[]): Block[] {
  switch (b.type) {
    case 'header':
      return [{ ...b, text: { ...b.text, text: cutLabel(b.text.text.replace(/\s+/g, ' '), LIMITS.headerText) } }];
    case 'section': {
      const out: Block = { ...b };
      if (b.text && b.text.text.length > LIMITS.sectionText) {
        overflow.push(b.text.text);
        out.text = { ...b.text, text: cutText(b.text.text, LIMITS.sectionText) };
      }
      if (b.fields) {
        const fields = b.fields.slice(0, LIMITS.sectionFields);
        for (const f of b.fields.slice(LIMITS.sectionFields)) overflow.push(f.text);
        out.fields = fields.map((f) => {
          if (f.text.length <= LIMITS.fieldText) return f;
          overflow.push(f.text);
          return { ...f, text: cutText(f.text, LIMITS.fieldText) };
        });
      }
      return [out];
    }
    case 'context': {
      const elements = b.elements.slice(0, LIMITS.contextElements).map((e) => {
        if (e.text.length <= LIMITS.contextText) return e;
        overflow.push(e.text);
        return { ...e, text: cutText(e.text, LIMITS.contextText) };
      });
      for (const e of b.elements.slice(LIMITS.contextElements)) overflow.push(e.text);
      return [{ ...b, elements }];
    }
    case 'actions': {
      const buttons = b.elements.map(fitButton);
      const out: Block[] = [];
      for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
        out.push({
          type: 'actions',
          elements: buttons.slice(i, i + LIMITS.actionsElements),
          ...(i === 0 && b.block_id ? { block_id: b.block_id } : {}),
        });
      }
      return out;
    }
    case 'divider':
      return [b];
  }
}

function fitButton(e: ButtonElement): ButtonElement {
  if (e.action_id.length > LIMITS.actionId)
    throw new Error(
      `button action_id is ${e.action_id.length} characters (limit ${LIMITS.actionId}): ${e.action_id.slice(0, 40)}…`,
    );
  if (e.value !== undefined && e.value.length > LIMITS.buttonValue) {
    throw new Error(
      `button value for ${e.action_id} is ${e.value.length} characters (limit ${LIMITS.buttonValue}); ` +
        'values must carry ids, not text',
    );
  }
  const out: ButtonElement = { ...e, text: { ...e.text, text: cutLabel(e.text.text, LIMITS.buttonText) } };
  if (e.confirm) {
    out.confirm = {
      ...e.confirm,
      title: { ...e.confirm.title, text: cutLabel(e.confirm.title.text, LIMITS.confirmTitle) },
      text: { ...e.confirm.text, text: cutLabel(e.confirm.text.text, LIMITS.confirmText) },
      confirm: { ...e.confirm.confirm, text: cutLabel(e.confirm.confirm.text, LIMITS.confirmButton) },
      deny: { ...e.confirm.deny, text: cutLabel(e.confirm.deny.text, LIMITS.confirmButton) },
    };
  }
  return out;
}
