import type { Target } from '../config/target.js';
import { findAction } from '../actions/registry.js';
import { findPlaybook } from '../playbooks/find.js';
import { noticeMessage, playbookMessage } from '../render/blocks.js';
import { decodeButtonValue, type ButtonValue } from './button-value.js';
import type { RunRequest } from '../app/run.js';
import type { SlackDeps } from './deps.js';
import { BUTTON_ID, REQUEST_BUTTON_ID } from './report-buttons.js';

/**
 * Button clicks (Slack "interactions"; "actions" are the write whitelist in
 * src/actions): each click's value is validated and turned into what it does.
 */

/** A button click, reduced to what the handlers need. */
export interface Click {
  actionId: string;
  value: unknown;
  user: string;
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  triggerId?: string;
}

/** What a click comes to; the app performs it. */
export type ClickOutcome =
  | { kind: 'refuse'; reply: ReturnType<typeof noticeMessage> }
  | { kind: 'answer'; reply: ReturnType<typeof noticeMessage> }
  | { kind: 'run'; request: RunRequest; fromSuggestion: boolean }
  | {
      kind: 'share';
      value: Extract<ButtonValue, { k: 'share' }>;
      channel: string;
      messageTs: string;
      triggerId: string;
    }
  | {
      kind: 'request';
      actionId: string;
      playbookId: string;
      findingId: string;
      target: Target;
      channel: string;
      messageTs: string;
      threadTs: string;
    };

const refuse = (why: string): ClickOutcome => ({
  kind: 'refuse',
  reply: noticeMessage(`已拒绝这个按钮 / refused this button: ${why} — 没有运行任何东西 / nothing was run`, {
    next: '用 `/oms diagnose <playbook>` 重新开始 / start again with `/oms diagnose <playbook>`',
  }),
});

/** Validate a click (zod on the value, then the ids against the registries) and decide what it does. Pure. */
export function planClick(click: Click, deps: Pick<SlackDeps, 'config' | 'playbooks' | 'findCheck'>): ClickOutcome {
  const decoded = decodeButtonValue(click.value);
  if (!decoded.ok) return refuse(decoded.reason);
  const v = decoded.value;
  const target = 't' in v ? deps.config.targets.get(v.t) : undefined;
  if ('t' in v && !target) return refuse(`target "${v.t}" is not configured (any more)`);
  const isRun =
    click.actionId === BUTTON_ID.rerun ||
    click.actionId === BUTTON_ID.runSuggestion ||
    click.actionId.startsWith(`${BUTTON_ID.runSuggestion}_`);
  switch (v.k) {
    case 'diagnose': {
      if (!isRun) return refuse('the button does not match its value');
      const p = findPlaybook(deps.playbooks, v.p);
      if (!p || p.id !== v.p) return refuse(`playbook "${v.p}" does not exist (any more)`);
      return {
        kind: 'run',
        request: { kind: 'diagnose', playbook: p, target: target! },
        fromSuggestion: click.actionId !== BUTTON_ID.rerun,
      };
    }
    case 'check': {
      if (click.actionId !== BUTTON_ID.rerun) return refuse('the button does not match its value');
      const c = deps.findCheck(v.c);
      if (!c) return refuse(`check "${v.c}" does not exist (any more)`);
      return { kind: 'run', request: { kind: 'check', check: c, target: target! }, fromSuggestion: false };
    }
    case 'show': {
      if (click.actionId !== BUTTON_ID.show) return refuse('the button does not match its value');
      const p = findPlaybook(deps.playbooks, v.p);
      if (!p || p.id !== v.p) return refuse(`playbook "${v.p}" does not exist (any more)`);
      return { kind: 'answer', reply: playbookMessage(p) };
    }
    case 'share':
      if (click.actionId !== BUTTON_ID.share) return refuse('the button does not match its value');
      if (!click.channel || !click.messageTs || !click.triggerId)
        return refuse('the click did not say which message to share');
      return {
        kind: 'share',
        value: v,
        channel: click.channel,
        messageTs: click.messageTs,
        triggerId: click.triggerId,
      };
    case 'action': {
      if (!REQUEST_BUTTON_ID.test(click.actionId) || click.actionId !== `${BUTTON_ID.requestPrefix}${v.a}`)
        return refuse('the button does not match its value');
      if (!findAction(v.a)) return refuse(`action "${v.a}" is not on the whitelist`);
      const p = deps.playbooks.find((x) => x.id === v.p);
      if (!p || !p.actions.includes(v.a)) return refuse(`playbook "${v.p}" does not offer action "${v.a}"`);
      if (!click.channel || !click.messageTs) return refuse('the click did not say which report it belongs to');
      return {
        kind: 'request',
        actionId: v.a,
        playbookId: v.p,
        findingId: v.f,
        target: target!,
        channel: click.channel,
        messageTs: click.messageTs,
        threadTs: click.threadTs ?? click.messageTs,
      };
    }
  }
}
