import type { AppActor, AppDeps, Unavailable } from '../app/deps.js';
import { clearStop, decideAction, requestAction } from '../app/request-action.js';
import type { Outcome } from '../approvals/outcome.js';
import { formatCard, formatOutcome } from '../approvals/text.js';
import type { ParsedCommand } from '../command/parse.js';
import { noTerminalToConfirm } from '../messages/catalogue.js';
import type { Message } from '../messages/message.js';
import { EXIT_CODES as EXIT } from './exit.js';

const YES = /^(y|yes|是|确认)$/i;
const QUESTION = '确认执行？/ Run it? [y/N]';

/** What the terminal offers the `run` flow. */
export interface TerminalIo {
  out(text: string): void;
  /** Ask a yes/no question (one-shot CLI); absent when there is no terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** The console runs on a terminal: `run` asks, and the next line answers. */
  interactiveConsole?: boolean;
}

/**
 * `run <action> [target] --reason "…"` on a terminal: request through the
 * application, show the card, take the y/N (a prompt for the CLI, the next
 * line in the console), then approve or deny. The operator's confirmation is
 * the approval, where policy.consoleApproval allows it.
 */
export class ActionFlow {
  /** A console `run` waiting for its y/N on the next line. */
  private pending: { id: string; operator: AppActor } | undefined;

  constructor(
    private readonly deps: AppDeps & TerminalIo,
    private readonly say: (m: Message, code: number) => number,
    private readonly show: (o: Outcome | Unavailable) => number,
  ) {}

  /** The console's next line, when a `run` waits for it; else undefined. */
  answerPending(line: string): Promise<number> | undefined {
    const p = this.pending;
    if (!p) return undefined;
    this.pending = undefined;
    return this.decide(p.id, p.operator, YES.test(line.trim()));
  }

  async run(cmd: Extract<ParsedCommand, { verb: 'run' }>, operator: AppActor): Promise<number> {
    if (cmd.clear) {
      const c = await clearStop(cmd, operator, this.deps);
      if ('kind' in c) return this.show(c);
      if (c.ok) return (this.deps.out(c.message), EXIT.ok);
      return this.say({ zh: '拒绝', en: `refused: ${c.message}`, next: { en: c.hint } }, EXIT.usage);
    }
    const canAsk = operator.via === 'console' ? this.deps.interactiveConsole === true : this.deps.confirm !== undefined;
    if (this.deps.approvals && !cmd.yes && !canAsk) return this.say(noTerminalToConfirm(), EXIT.usage);
    const requested = await requestAction(cmd, operator, this.deps);
    if (requested.kind !== 'requested') return this.show(requested);
    this.deps.out(formatCard(requested.approval));
    const id = requested.approval.id;
    if (cmd.yes) return this.decide(id, operator, true);
    if (operator.via === 'console') {
      this.pending = { id, operator };
      this.deps.out(QUESTION);
      return EXIT.ok;
    }
    return this.decide(id, operator, await this.deps.confirm!(`${QUESTION} `));
  }

  private async decide(id: string, operator: AppActor, yes: boolean): Promise<number> {
    const decision = yes
      ? { approve: true as const }
      : { approve: false as const, reason: 'cancelled at the terminal' };
    return this.show(await decideAction(id, operator, decision, this.deps));
  }

  /** The outcome on the terminal, and its exit code. */
  render(o: Outcome): number {
    this.deps.out(formatOutcome(o));
    if (o.kind !== 'executed')
      return o.kind === 'refused' || o.kind === 'denied' || o.kind === 'expired' ? EXIT.usage : EXIT.ok;
    switch (o.result.verdict) {
      case 'succeeded':
        return EXIT.ok;
      case 'precondition-failed':
        return EXIT.usage;
      case 'unreachable':
        return EXIT.unreachable;
      default:
        return EXIT.problem;
    }
  }
}
