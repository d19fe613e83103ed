/** Block Kit building blocks shared by the message builders: buttons, sections, context lines, headers. */
import { redact } from '../redact.js';
import type { Block, ButtonElement } from './block-limits.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** A button as the Slack layer describes it. */
export interface ButtonSpec {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** Redact, then escape: the only way free text enters mrkdwn. */
export function safe(text: string): string {
  return escapeMrkdwn(redact(text));
}

export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
export const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
export const context = (...texts: string[]): Block => ({ type: 'context', elements: texts.map(mrkdwn) });
export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: redact(text), emoji: true },
});

export function buttons(specs: readonly ButtonSpec[]): Block[] {
  if (specs.length === 0) return [];
  const elements: ButtonElement[] = specs.map((b) => ({
    type: 'button',
    text: { type: 'plain_text', text: redact(b.text), emoji: true },
    action_id: b.actionId,
    value: b.value,
    ...(b.style ? { style: b.style } : {}),
  }));
  return [{ type: 'actions', elements }];
}
