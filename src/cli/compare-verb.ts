import { compareRefusal, compareTargets, type CompareRequest, type CompareResult } from '../app/compare.js';
import type { AppActor, AppDeps } from '../app/deps.js';
import { commandRef, type CommandFlags } from '../command/args.js';
import { compareJson } from '../compare/json.js';
import { compareText } from '../compare/text.js';
import * as say from '../messages/catalogue.js';
import { toTerminal, type Message } from '../messages/message.js';
import { redact } from '../redact.js';
import { renderJson } from '../render/text.js';
import { PLAIN } from '../render/style.js';
import { EXIT_CODES as EXIT } from './exit.js';
import type { RunnerDeps } from './runner-deps.js';

/**
 * `compare <playbook> <target-a> <target-b>`. Exit codes: 0 compared, and no difference explains a
 * finding; 1 at least one difference explains a finding (the twin shows what is wrong); 2 refused
 * (unknown or repeated names); 3 a side could not be reached (the other side is still shown).
 */
export async function compareVerb(
  cmd: CompareRequest,
  flags: CommandFlags,
  via: 'console' | 'cli',
  actor: AppActor,
  deps: RunnerDeps & AppDeps,
): Promise<number> {
  const ref = (w: string) => commandRef(via, w);
  const answer = (m: Message) => (deps.out(toTerminal(m)), EXIT.usage);
  const progress = flags.json ? undefined : deps.progress;
  const r: CompareResult = await compareTargets(cmd, actor, deps, {
    onStart: (s) =>
      progress?.(`对比中 / comparing ${cmd.playbook} on ${s.a} and ${s.b}: ${s.checks.length} checks each…`),
  });
  switch (r.kind) {
    case 'unknown-playbook':
      return answer(
        say.unknownPlaybook(
          redact(r.text),
          deps.playbooks.map((p) => p.id),
          ref,
        ),
      );
    case 'unknown-target':
      // Targets only: compare takes no group, so groups are not offered as choices.
      return answer(say.unknownTarget(r.name, [...deps.config.targets.keys()], deps.config.source, ref));
    case 'same-target':
    case 'group':
      return answer(compareRefusal(r, cmd.playbook, ref));
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
