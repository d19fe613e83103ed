/**
 * Checking a message against Block Kit's limits (block-limits.ts): every limit it
 * breaks, as readable strings. The tests use it, and the outbox asserts with it
 * before sending.
 */
import { blockTextLength, LIMITS, type SlackMessage } from './block-limits.js';

/**
 * Every limit a message breaks, as readable strings (empty when it fits).
 * Used by the tests and as a last assertion before sending.
 */
export function limitViolations(message: SlackMessage, kind: 'message' | 'modal' = 'message'): string[] {
  const v: string[] = [];
  const maxBlocks = kind === 'modal' ? LIMITS.blocksPerModal : LIMITS.blocksPerMessage;
  if (!message.text || message.text.trim() === '') v.push('no text fallback');
  if (message.text.length > LIMITS.fallbackText)
    v.push(`text fallback ${message.text.length} > ${LIMITS.fallbackText}`);
  if (message.blocks.length > maxBlocks) v.push(`${message.blocks.length} blocks > ${maxBlocks}`);
  const total = message.blocks.reduce((n, b) => n + blockTextLength(b), 0);
  if (kind === 'message' && total > LIMITS.messageTextTotal)
    v.push(`${total} characters of block text > ${LIMITS.messageTextTotal}`);
  message.blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    if (b.block_id && b.block_id.length > LIMITS.blockId) v.push(`${at}: block_id too long`);
    switch (b.type) {
      case 'header':
        if (b.text.type !== 'plain_text') v.push(`${at}: header text must be plain_text`);
        if (b.text.text.length > LIMITS.headerText)
          v.push(`${at}: header ${b.text.text.length} > ${LIMITS.headerText}`);
        break;
      case 'section':
        if (!b.text && !b.fields) v.push(`${at}: section without text or fields`);
        if (b.text && b.text.text.length > LIMITS.sectionText)
          v.push(`${at}: section text ${b.text.text.length} > ${LIMITS.sectionText}`);
        if (b.text && b.text.text.length === 0) v.push(`${at}: empty section text`);
        if (b.fields && b.fields.length > LIMITS.sectionFields)
          v.push(`${at}: ${b.fields.length} fields > ${LIMITS.sectionFields}`);
        for (const f of b.fields ?? [])
          if (f.text.length > LIMITS.fieldText) v.push(`${at}: field ${f.text.length} > ${LIMITS.fieldText}`);
        break;
      case 'context':
        if (b.elements.length === 0 || b.elements.length > LIMITS.contextElements)
          v.push(`${at}: ${b.elements.length} context elements (1..${LIMITS.contextElements})`);
        for (const e of b.elements)
          if (e.text.length > LIMITS.contextText || e.text.length === 0) v.push(`${at}: context text ${e.text.length}`);
        break;
      case 'actions':
        if (b.elements.length === 0 || b.elements.length > LIMITS.actionsElements)
          v.push(`${at}: ${b.elements.length} elements (1..${LIMITS.actionsElements})`);
        for (const e of b.elements) {
          if (e.text.text.length > LIMITS.buttonText)
            v.push(`${at}: button text ${e.text.text.length} > ${LIMITS.buttonText}`);
          if (e.text.type !== 'plain_text') v.push(`${at}: button text must be plain_text`);
          if ((e.value?.length ?? 0) > LIMITS.buttonValue)
            v.push(`${at}: button value ${e.value!.length} > ${LIMITS.buttonValue}`);
          if (e.action_id.length > LIMITS.actionId) v.push(`${at}: action_id too long`);
          if (e.confirm) {
            if (e.confirm.title.text.length > LIMITS.confirmTitle) v.push(`${at}: confirm title too long`);
            if (e.confirm.text.text.length > LIMITS.confirmText) v.push(`${at}: confirm text too long`);
            if (
              e.confirm.confirm.text.length > LIMITS.confirmButton ||
              e.confirm.deny.text.length > LIMITS.confirmButton
            )
              v.push(`${at}: confirm button too long`);
          }
        }
        break;
      case 'divider':
        break;
    }
  });
  return v;
}
