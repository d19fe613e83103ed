import { doctor, keyscan, sudoers, type AccessResult } from '../app/access.js';
import { queryAudit, verifyAudit } from '../app/audit.js';
import { formatVerify } from '../audit/chain.js';
import type { AppActor, AppDeps, Unavailable } from '../app/deps.js';
import { check, diagnose, type RunHooks } from '../app/run.js';
import { resolveTarget } from '../command/resolve.js';
import { bundleVerb, discoverVerb, layoutLine } from './layout-verbs.js';
import { compareVerb } from './compare-verb.js';
import { watchVerb } from './watch-verbs.js';
import { usersTarget } from '../app/users.js';
import { version } from '../app/version.js';
import type { Outcome } from '../approvals/outcome.js';
import { formatAuditRecord } from '../audit/query.js';
import { commandRef, type CommandFlags } from '../command/args.js';
import { terminalHelp } from '../command/help.js';
import { parseCommand, type ParsedCommand } from '../command/parse.js';
import { tokenize } from '../command/tokenize.js';
import type { Report } from '../engine/report.js';
import { matchIntent } from '../intent/match.js';
import * as say from '../messages/catalogue.js';
import { fromHint, toTerminal, type Message } from '../messages/message.js';
import { findPlaybook } from '../playbooks/find.js';
import { redact } from '../redact.js';
import { renderJson, renderText } from '../render/text.js';
import { PLAIN, type Style } from '../render/style.js';
import { TransportError } from '../transport/transport.js';
import { ActionFlow } from './action-flow.js';
import { EXIT_CODES } from './exit.js';
import { fleetVerb } from './fleet-verb.js';
import { checksText, listJson, listText, matchText, publicTarget, showJson, targetsText } from './render.js';

export type { AccessTools } from '../app/access.js';

import type { RunnerDeps } from './runner-deps.js';

export type { RunnerDeps } from './runner-deps.js';

/** Exit codes: 0 fine, 1 the diagnosis found a problem, 2 the request was refused or invalid, 3 target unreachable. */
export const EXIT = EXIT_CODES;

type Via = 'console' | 'cli';

/** Runs the same verbs for the command line and the console: parse, call the application, render the result. */
export class CommandRunner {
  private readonly actions: ActionFlow;

  constructor(private readonly deps: RunnerDeps) {
    this.actions = new ActionFlow(
      deps,
      (m, code) => this.say(m, code),
      (o) => this.outcome(o),
    );
  }

  /** Run one console line (free text falls through to diagnose). */
  runLine(line: string): Promise<number> {
    return this.actions.answerPending(line) ?? this.runWords(tokenize(line), true);
  }

  /** Run already split words (process.argv). */
  async runWords(words: readonly string[], freeText = false): Promise<number> {
    const via: Via = freeText ? 'console' : 'cli';
    const parsed = parseCommand(words, { freeTextFallsThrough: freeText, frontEnd: via });
    if (!parsed.ok) return this.say(fromHint(parsed.error, parsed.hint), EXIT.usage);
    try {
      return await this.run(parsed.command, parsed.flags, via);
    } catch (e) {
      if (e instanceof TransportError) return this.say(fromHint(e.message, e.hint), EXIT.unreachable);
      throw e;
    }
  }

  private get style(): Style {
    return this.deps.style ?? PLAIN;
  }

  private ref(via: Via): (words: string) => string {
    return (w) => commandRef(via, w);
  }

  private actor(via: Via): AppActor {
    return { id: this.deps.operator ?? 'console', via };
  }

  private say(m: Message, code: number = EXIT.ok): number {
    this.deps.out(toTerminal(m));
    return code;
  }

  private async run(cmd: ParsedCommand, flags: CommandFlags, via: Via): Promise<number> {
    const { out, playbooks, config } = this.deps;
    const json = (v: unknown) => (out(renderJson(v)), EXIT.ok);
    switch (cmd.verb) {
      case 'help':
        out(cmd.topic === 'check' || cmd.topic === 'checks' ? checksText(this.deps.checks) : terminalHelp(via));
        return EXIT.ok;
      case 'list':
        return flags.json ? json(listJson(playbooks)) : (out(listText(playbooks, this.style)), EXIT.ok);
      case 'targets':
        if (flags.json) return json([...config.targets.values()].map(publicTarget));
        {
          const found = new Map<string, string>();
          for (const t of config.targets.values()) found.set(t.name, await layoutLine(t, this.deps));
          out(targetsText(config, (t) => found.get(t.name) ?? ''));
        }
        return EXIT.ok;
      case 'show': {
        const p = findPlaybook(playbooks, cmd.playbook);
        if (!p) return this.unknownPlaybook(cmd.playbook, via);
        return flags.json ? json(showJson(p)) : (out(p.body.trim()), EXIT.ok);
      }
      case 'match': {
        const result = matchIntent(cmd.text, playbooks);
        out(flags.json ? renderJson(result) : matchText(result));
        return result.playbook ? EXIT.ok : EXIT.problem;
      }
      case 'diagnose':
        return this.diagnose(cmd, flags, via);
      case 'check':
        return this.check(cmd, flags, via);
      case 'compare':
        return compareVerb(cmd, flags, via, this.actor(via), { ...this.deps, ...this.appDeps() });
      case 'keyscan':
        return this.access(await keyscan(cmd, this.deps), cmd.verb, via);
      case 'sudoers':
        return this.access(await sudoers({ ...cmd, ...this.targetOf(flags) }, this.deps), cmd.verb, via);
      case 'doctor':
        return this.access(await doctor(cmd, this.deps), cmd.verb, via);
      case 'run':
        return this.actions.run(cmd, this.actor(via));
      case 'audit':
        return this.showAudit(cmd, flags, via);
      case 'discover':
      case 'bundle': {
        const target = resolveTarget(cmd.target, config);
        if (!target) return this.unknownTarget(cmd.target ?? config.defaultTarget, via);
        if (cmd.verb === 'discover') return discoverVerb(target, flags.json, this.deps);
        return bundleVerb(target, cmd.output, { ...this.deps, ...this.appDeps() }, this.actor(via));
      }
      case 'version': {
        const v = version(this.deps);
        out(flags.json ? renderJson(v) : `oms-chatops ${v.version} · node ${v.node} · config ${v.config}`);
        return EXIT.ok;
      }
      case 'watch':
        return watchVerb(cmd, flags.json, this.deps, this.ref(via), this.actor(via).id);
      case 'users': {
        const t = usersTarget(this.targetOf(flags), this.deps);
        if (t.kind === 'unknown-target') return this.unknownTarget(t.name, via);
        // The spreadsheet code is loaded only for this verb.
        const { runUsersCommand } = await import('../users/command.js');
        return runUsersCommand(cmd, { out, json: flags.json, publicUrl: t.publicUrl });
      }
    }
  }

  private targetOf(flags: CommandFlags): { target?: string } {
    return flags.target ? { target: flags.target } : {};
  }

  private async diagnose(cmd: { query: string; target?: string }, flags: CommandFlags, via: Via): Promise<number> {
    // The same resolution as Slack: a trailing target name, ids and aliases, then intent matching.
    const r = await diagnose(cmd, this.actor(via), this.appDeps(), {
      ...this.progressHooks(flags),
      onResolved: (p, confidence) => {
        if (confidence !== undefined && !flags.json)
          this.deps.progress?.(`→ ${p.id} (${p.title} / ${p.titleEn}), confidence ${confidence}`);
      },
    });
    switch (r.kind) {
      case 'unknown-target':
        return this.unknownTarget(r.name, via);
      case 'empty-group':
        return this.say(say.emptyGroup(r.name, this.deps.config.source, this.ref(via)), EXIT.usage);
      case 'fleet': {
        const what = { kind: 'diagnose' as const, playbook: r.playbook };
        return fleetVerb(
          this.deps,
          this.appDeps(),
          { what, group: r.group, targets: r.targets, actor: this.actor(via) },
          flags,
        );
      }
      case 'unknown-playbook':
        return this.unknownPlaybook(r.text, via);
      case 'ambiguous': {
        const list = r.candidates.map((c) => `  - ${c.id}: ${c.title} — ${c.reason}`).join('\n');
        this.deps.out(`你是想…? / did you mean… "${r.text}":\n${list}`);
        const next = { en: `run ${this.ref(via)(`diagnose <id>${r.group ? ` ${r.group}` : ''}`)} with one of them` };
        return this.say({ en: 'nothing was run', zh: '没有运行任何东西', next }, EXIT.usage);
      }
      case 'howto':
        this.deps.out(
          `${r.section.title} (${r.playbook.id})\n\n${r.section.markdown}\n\n` +
            `→ ${this.ref(via)(`show ${r.playbook.id}`)} for the whole playbook`,
        );
        return EXIT.ok;
      case 'cancelled':
        return EXIT.usage;
      case 'report':
        return this.emit(r.report, flags);
    }
  }

  private async check(cmd: { check: string; target?: string }, flags: CommandFlags, via: Via): Promise<number> {
    const r = await check(cmd, this.actor(via), this.appDeps(), this.progressHooks(flags));
    if (r.kind === 'unknown-check') {
      const ids = this.deps.checks.map((c) => c.id);
      return this.say(say.unknownCheck(r.id, ids, this.ref(via)), EXIT.usage);
    }
    if (r.kind === 'unknown-target') return this.unknownTarget(r.name, via);
    if (r.kind === 'empty-group')
      return this.say(say.emptyGroup(r.name, this.deps.config.source, this.ref(via)), EXIT.usage);
    if (r.kind === 'fleet') {
      const what = { kind: 'check' as const, check: r.check };
      return fleetVerb(
        this.deps,
        this.appDeps(),
        { what, group: r.group, targets: r.targets, actor: this.actor(via) },
        flags,
      );
    }
    return r.kind === 'report' ? this.emit(r.report, flags) : EXIT.usage;
  }

  /** The application's deps, with audit-write failures reported on the terminal. */
  private appDeps(): AppDeps {
    return { ...this.deps, onAuditError: (e) => this.deps.progress?.(toTerminal(say.auditWriteFailed(e.message))) };
  }

  /** Progress lines for humans (never with --json). */
  private progressHooks(flags: CommandFlags): RunHooks {
    const progress = flags.json ? undefined : this.deps.progress;
    return {
      onStart: (s) => {
        if (s.what.startsWith('diagnose '))
          progress?.(
            `诊断中 / diagnosing ${s.what.slice(9)} on ${s.target} (${s.transport}): ${s.checks.length} checks…`,
          );
      },
      onObservation: (o, done, total) => progress?.(`  [${done}/${total}] ${o.status.padEnd(5)} ${o.check}`),
      // Said before the report, never silently: `discover` shows the whole layout with sources.
      onLayoutNotices: (target, notices) => {
        if (!flags.json)
          this.deps.out(
            `布局 / layout of ${target} (\`discover ${target}\`):\n${notices.map((n) => `  ${n}`).join('\n')}`,
          );
      },
    };
  }

  private emit(report: Report, flags: CommandFlags): number {
    this.deps.out(flags.json ? renderJson(report) : renderText(report, this.style, { verbose: flags.verbose }));
    if (report.verdict === 'unreachable') return EXIT.unreachable;
    return report.verdict === 'problem' ? EXIT.problem : EXIT.ok;
  }

  /** `audit [--since 1h|ISO] [--target T]`. */
  private async showAudit(
    cmd: { since?: string; target?: string; verify?: true },
    flags: CommandFlags,
    via: Via,
  ): Promise<number> {
    if (cmd.verify) {
      const v = await verifyAudit(this.deps);
      if (v.kind === 'unavailable') return this.unavailable(v, 'audit verify', via);
      if (v.kind === 'no-chain')
        return this.say(
          { en: 'audit verify is not available: this audit log has no hash chain — nothing was checked' },
          EXIT.usage,
        );
      this.deps.out(formatVerify(v.verdict));
      return v.verdict.ok ? EXIT.ok : EXIT.problem;
    }
    const r = await queryAudit(cmd, this.deps);
    if (r.kind === 'unavailable') return this.unavailable(r, 'audit', via);
    if (r.kind === 'invalid') return this.say(say.invalidSince(r.error, this.ref(via)), EXIT.usage);
    if (flags.json) this.deps.out(renderJson(r.records));
    else if (r.records.length) this.deps.out(r.records.map(formatAuditRecord).join('\n'));
    else this.say(say.noAuditRecords(r.what));
    return EXIT.ok;
  }

  private access(r: AccessResult, verb: string, via: Via): number {
    if (r.kind === 'unavailable') return this.unavailable(r, verb, via);
    if (r.kind === 'unknown-target') return this.unknownTarget(r.name, via);
    this.deps.out(r.text);
    return r.ok ? EXIT.ok : EXIT.problem;
  }

  private outcome(o: Outcome | Unavailable): number {
    if (o.kind === 'unavailable') return this.unavailable(o, 'run', 'cli');
    return this.actions.render(o);
  }

  private unavailable(u: Unavailable, verb: string, via: Via): number {
    return this.say(say.unavailable(u.what, verb, this.ref(via)), EXIT.usage);
  }

  private unknownTarget(name: string, via: Via): number {
    const { config } = this.deps;
    const targets = [...config.targets.keys()];
    return this.say(say.unknownTarget(name, targets, config.source, this.ref(via), config.groups), EXIT.usage);
  }

  private unknownPlaybook(text: string, via: Via): number {
    const ids = this.deps.playbooks.map((p) => p.id);
    return this.say(say.unknownPlaybook(redact(text), ids, this.ref(via)), EXIT.usage);
  }
}
