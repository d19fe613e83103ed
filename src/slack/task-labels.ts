import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the bot is working on, as short labels ("/oms help", "users: checking
 * a.xlsx"), so a blocked event loop can be reported with what was running
 * (src/slack/lag-monitor.ts). Labels follow async work: a background task
 * started inside a labelled request knows the request's label.
 */
export class TaskLabels {
  private readonly active = new Map<number, string>();
  /** Labels active at the last `drain()`, plus every label begun since. */
  private seen = new Set<string>();
  private nextId = 0;
  private readonly context = new AsyncLocalStorage<string>();

  /** Run `work` under `label` (nested labels read "outer › inner"). */
  async track<T>(label: string, work: () => Promise<T> | T): Promise<T> {
    const outer = this.context.getStore();
    const full = outer && outer !== label ? `${outer} › ${label}` : label;
    const id = this.nextId++;
    this.active.set(id, full);
    this.seen.add(full);
    try {
      return await this.context.run(full, work);
    } finally {
      this.active.delete(id);
    }
  }

  /** The label of the async context this is called from, if any. */
  current(): string | undefined {
    return this.context.getStore();
  }

  /** What ran since the last call (still running, or begun and ended meanwhile); starts a new period. */
  drain(): string[] {
    const out = [...this.seen];
    this.seen = new Set(this.active.values());
    return out;
  }
}

/** "/oms help", "button oms_approve", "event app_mention": what a request is, without the user's text. */
export function requestLabel(body: unknown): string {
  const b = body as {
    command?: string;
    text?: string;
    type?: string;
    event?: { type?: string };
    actions?: Array<{ action_id?: string }>;
    view?: { callback_id?: string };
  };
  if (b.command) return `${b.command} ${/^\s*([\w-]{1,20})/.exec(b.text ?? '')?.[1] ?? ''}`.trim();
  if (b.type === 'event_callback') return `event ${b.event?.type ?? '?'}`;
  if (b.type === 'block_actions') return `button ${b.actions?.[0]?.action_id ?? '?'}`;
  if (b.type === 'view_submission') return `view ${b.view?.callback_id ?? '?'}`;
  return b.type ?? 'request';
}
