import { redact } from '../redact.js';
import { fitMessage, type Block, type ButtonElement, type Fitted } from './block-limits.js';
import type { ButtonSpec } from './blocks.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';

/**
 * The answers to an addressed message that is not a confident diagnosis
 * (src/intent/match.ts): choices ("你是想…? / Did you mean…"), a how-to
 * section, or the list of playbooks when nothing matched. Pure: the Slack
 * layer supplies the buttons; every string is redacted and escaped here.
 */

/** A playbook offered as a choice, with its one-line reason. */
export interface ChoiceView {
  id: string;
  title: string;
  reason: string;
}

const safe = (text: string) => escapeMrkdwn(redact(text));
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

function actions(specs: readonly ButtonSpec[]): Block[] {
  if (specs.length === 0) return [];
  const elements: ButtonElement[] = specs.map((b) => ({
    type: 'button',
    text: { type: 'plain_text', text: redact(b.text).slice(0, 75), emoji: true },
    action_id: b.actionId,
    value: b.value,
    ...(b.style ? { style: b.style } : {}),
  }));
  return [{ type: 'actions', elements }];
}

/** "你是想…? / Did you mean…": the best playbooks, a reason each, a button each (one per choice, same order). */
export function choicesMessage(choices: readonly ChoiceView[], run: readonly ButtonSpec[]): Fitted {
  const lines = choices.map((c, i) => `${i + 1}. *${safe(c.title)}* (\`${escapeMrkdwn(c.id)}\`) — ${safe(c.reason)}`);
  return fitMessage({
    text: redact(`你是想…? / Did you mean… ${choices.map((c) => c.id).join(', ')}`),
    blocks: [
      section(`:thinking_face: *你是想…? / Did you mean…*\n${lines.join('\n')}`),
      context(
        '点一个按钮运行只读诊断；不点不会运行任何东西 / click one to run its read-only diagnosis; nothing runs otherwise',
      ),
      ...actions(run),
    ],
  });
}

/** A how-to question answered with the playbook section that says how. */
export function howtoMessage(
  playbook: { id: string; title: string },
  howto: { title: string; markdown: string },
  extra: readonly ButtonSpec[] = [],
): Fitted {
  const body = markdownToMrkdwn(redact(howto.markdown));
  return fitMessage({
    text: redact(`${howto.title} (${playbook.title})`),
    blocks: [
      section(`:books: *${safe(howto.title)}*`),
      ...body
        .split('\n\n')
        .filter((p) => p.trim())
        .map((p) => section(p)),
      context(
        `摘自排查手册 / from the playbook *${safe(playbook.title)}* · ` +
          `\`/oms show ${escapeMrkdwn(playbook.id)}\` 看全文 / for all of it`,
      ),
      ...actions(extra),
    ],
  });
}

/**
 * Nothing matched an addressed message: say so, and list what there is — the playbooks that came nearest first,
 * with their reason — with a button per playbook (same order as `run`) so that one click runs it.
 */
export function noMatchMessage(
  playbooks: readonly { id: string; title: string; titleEn: string }[],
  nearest: readonly ChoiceView[] = [],
  run: readonly ButtonSpec[] = [],
): Fitted {
  const first = nearest.map((c) => `• *${safe(c.title)}* (\`${escapeMrkdwn(c.id)}\`) — ${safe(c.reason)}`);
  const rest = playbooks.filter((p) => !nearest.some((c) => c.id === p.id));
  const list = rest.map((p) => `• \`${escapeMrkdwn(p.id)}\` ${safe(p.title)} / ${safe(p.titleEn)}`);
  const near = first.length > 0 ? `最接近的 / nearest:\n${first.join('\n')}\n其他排查手册 / the other playbooks:` : '';
  return fitMessage({
    text: redact('没看出是哪类问题 / I could not tell which problem this is — the playbooks'),
    blocks: [
      section(
        ':wave: 没看出是哪类问题 / I could not tell which problem this is。' +
          `${near || '这些是排查手册 / these are the playbooks:'}\n${list.join('\n')}`,
      ),
      context(
        (run.length > 0 ? '点一个按钮运行它的只读诊断 / click one to run its read-only diagnosis; ' : '') +
          '用 `/oms diagnose <id>` 运行一个，或换个说法描述问题、贴一行报错 / ' +
          'run one with `/oms diagnose <id>`, or describe the problem another way, or paste an error line',
      ),
      ...actions(run),
    ],
  });
}
