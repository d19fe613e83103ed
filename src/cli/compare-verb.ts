import { compareRefusal, compareTargets, type CompareRequest, type CompareResult } from '../app/compare.js';
import type { AppActor, AppDeps } from '../app/deps.js';
import type { CommandFlags } from '../command/args.js';
import { compareJson } from '../compare/json.js';
import { compareText } from '../compare/text.js';
import type { Message } from '../messages/message.js';
import { renderJson } from '../render/text.js';
import { PLAIN } from '../render/style.js';
import { EXIT_CODES as EXIT } from './exit.js';
import type { RunnerDeps } from './runner-deps.js';

/** How the runner answers names that are not configured (the same messages as every other verb). */
export interface CompareAnswers {
  unknownTarget(name: string): number;
  unknownPlaybook(text: string): number;
  say(m: Message, code: number): number;
  ref(words: string): string;
}

/**
 * `compare <playbook> <target-a> <target-b>`. Exit codes: 0 compared, and no difference explains a
 * finding; 1 at least one difference explains a finding (the twin shows what is wrong); 2 refused
 * (unknown or repeated names); 3 a side could not be reached (the other side is still shown).
 */
export async function compareVerb(
  cmd: CompareRequest,
  flags: CommandFlags,
  actor: AppActor,
  deps: RunnerDeps & AppDeps,
  answers: CompareAnswers,
): Promise<number> {
  const progress = flags.json ? undefined : deps.progress;
  const r: CompareResult = await compareTargets(cmd, actor, deps, {
    onStart: (s) =>
      progress?.(`对比中 / comparing ${cmd.playbook} on ${s.a} and ${s.b}: ${s.checks.length} checks each…`),
  });
  switch (r.kind) {
    case 'unknown-playbook':
      return answers.unknownPlaybook(r.text);
    case 'unknown-target':
      return answers.unknownTarget(r.name);
    case 'same-target':
    case 'group':
      return answers.say(compareRefusal(r, cmd.playbook, answers.ref), EXIT.usage);
    case 'cancelled':
      return EXIT.usage;
    case 'compared': {
      const { comparison: c } = r;
      deps.out(flags.json ? renderJson(compareJson(c, r.reports)) : compareText(c, deps.style ?? PLAIN));
      if (c.unreachable.length > 0) return EXIT.unreachable;
      return c.differences.some((d) => d.explains.length > 0) ? EXIT.problem : EXIT.ok;
    }
  }
}
