import type { Check } from '../checks/check.js';
import { checkSignals } from '../checks/signals.js';
import type { ParsedCommand, CommandFlags } from '../command/parse.js';
import { parseCommand } from '../command/parse.js';
import { tokenize } from '../command/tokenize.js';
import type { Config } from '../config/config.js';
import type { Target } from '../config/target.js';
import { runPlaybook, runSingleChecks } from '../engine/engine.js';
import type { Report } from '../engine/report.js';
import { isDecisive, matchIntent } from '../intent/match.js';
import type { Playbook } from '../playbooks/playbook.js';
import { renderJson, renderText } from '../render/text.js';
import { PLAIN, type Style } from '../render/style.js';
import { redact } from '../redact.js';
import type { Transport } from '../transport/transport.js';
import { TransportError } from '../transport/transport.js';
import { findPlaybook } from '../playbooks/find.js';
import { resolveCheck, resolveDiagnose, resolveTarget } from '../command/resolve.js';
import type { Actor } from '../approvals/approval.js';
import type { Outcome } from '../approvals/outcome.js';
import type { ApprovalService } from '../approvals/service.js';
import { formatCard, formatOutcome } from '../approvals/text.js';
import type { AuditEntry, AuditQuery, AuditRecord } from '../audit/audit-log.js';
import { formatVerify, type ChainVerdict } from '../audit/chain.js';
import { auditRequest, formatAuditRecord } from '../audit/query.js';
import { reportAuditEntry } from '../audit/report-entry.js';
import type { AccessTools } from '../access/access-tools.js';
import type { LayoutService } from '../discovery/layout-service.js';
import { renderLayout } from '../discovery/render-layout.js';

export interface RunnerDeps {
  config: Config;
  playbooks: readonly Playbook[];
  checks: readonly Check[];
  findCheck(id: string): Check | undefined;
  /** One (pooled) transport per target. */
  transportFor(target: Target): Transport;
  access?: AccessTools;
  /** Where answers go (stdout for the CLI and console). */
  out(text: string): void;
  /** Progress lines (stderr), only for humans. */
  progress?(text: string): void;
  style?: Style;
  now?: () => Date;
  /** Approve-to-run (`run`); absent: the verb says it is not available. */
  approvals?: ApprovalService;
  /** The audit log: diagnoses and checks are recorded; `audit` reads it. */
  audit?: {
    append(entry: AuditEntry): Promise<unknown>;
    read(query: AuditQuery): Promise<AuditRecord[]>;
    /** `audit verify`: check the hash chain (src/audit/chain.ts). */
    verify?(): Promise<ChainVerdict>;
  };
  /** Who is at this terminal (e.g. `console:alice`). */
  operator?: string;
  /** Ask a yes/no question on the terminal (one-shot CLI); absent when there is no terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** The console runs on a terminal: `run` asks, and the next line answers. */
  interactiveConsole?: boolean;
  /** Layout discovery (`discover`, and unset paths filled before a diagnosis); absent: configured paths only. */
  layout?: LayoutService;
}

/** Exit codes: 0 fine, 1 the diagnosis found a problem, 2 the request was refused or invalid, 3 target unreachable. */
export const EXIT = { ok: 0, problem: 1, usage: 2, unreachable: 3 } as const;

/** Runs the same verbs for the command line and the console. */
export class CommandRunner {
  /** A console `run` waiting for its y/N on the next line. */
  private pendingRun: { id: string; operator: Actor } | undefined;

  constructor(private readonly deps: RunnerDeps) {}

  /** Run one console line (free text falls through to diagnose). */
  runLine(line: string): Promise<number> {
    const pending = this.pendingRun;
    if (pending) {
      this.pendingRun = undefined;
      return this.decide(pending.id, pending.operator, /^(y|yes|是|确认)$/i.test(line.trim()));
    }
    return this.runWords(tokenize(line), true);
  }

  /** Run already split words (process.argv). */
  async runWords(words: readonly string[], freeText = false): Promise<number> {
    const parsed = parseCommand(words, { freeTextFallsThrough: freeText });
    if (!parsed.ok) {
      this.deps.out(`${parsed.error}\n下一步 / Next: ${parsed.hint}`);
      return EXIT.usage;
    }
    try {
      return await this.run(parsed.command, parsed.flags, freeText ? 'console' : 'cli');
    } catch (e) {
      if (e instanceof TransportError) {
        this.deps.out(`${e.message}\n下一步 / Next: ${e.hint}`);
        return EXIT.unreachable;
      }
      throw e;
    }
  }

  private get style(): Style {
    return this.deps.style ?? PLAIN;
  }

  private async run(cmd: ParsedCommand, flags: CommandFlags, via: 'console' | 'cli'): Promise<number> {
    const { out } = this.deps;
    switch (cmd.verb) {
      case 'help':
        out(this.help(cmd.topic));
        return EXIT.ok;
      case 'list':
        out(
          flags.json
            ? renderJson(
                this.deps.playbooks.map((p) => ({
                  id: p.id,
                  title: p.title,
                  titleEn: p.titleEn,
                  aliases: p.aliases,
                  checks: p.checks,
                })),
              )
            : this.list(),
        );
        return EXIT.ok;
      case 'targets':
        out(flags.json ? renderJson([...this.deps.config.targets.values()].map(publicTarget)) : this.targets());
        return EXIT.ok;
      case 'show': {
        const p = findPlaybook(this.deps.playbooks, cmd.playbook);
        if (!p) return this.unknownPlaybook(cmd.playbook);
        out(
          flags.json
            ? renderJson({
                id: p.id,
                title: p.title,
                titleEn: p.titleEn,
                aliases: p.aliases,
                checks: p.checks,
                actions: p.actions,
                findings: p.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
                body: p.body,
              })
            : p.body.trim(),
        );
        return EXIT.ok;
      }
      case 'match': {
        const result = matchIntent(cmd.text, this.deps.playbooks);
        out(flags.json ? renderJson(result) : this.describeMatch(result));
        return result.playbook ? EXIT.ok : EXIT.problem;
      }
      case 'diagnose':
        return this.diagnose(cmd.query, cmd.target, flags, via);
      case 'check': {
        const r = resolveCheck(cmd.check, cmd.target, this.deps.findCheck, this.deps.config);
        if (r.kind === 'unknown-check') {
          out(
            `unknown check "${r.id}" — nothing was run\n下一步 / Next: one of: ${this.deps.checks.map((c) => c.id).join(', ')}`,
          );
          return EXIT.usage;
        }
        if (r.kind === 'unknown-target') return this.unknownTarget(r.name);
        const { check } = r;
        const target = await this.withLayout(r.target, flags);
        const report = await runSingleChecks([check], target, this.deps.transportFor(target), { now: this.deps.now });
        this.deps.layout?.afterReport(target, report);
        await this.recordReport(report, via, check.id);
        return this.emit(report, flags);
      }
      case 'keyscan':
      case 'sudoers':
      case 'doctor':
        return this.access(cmd, flags);
      case 'run':
        return this.runAction(cmd, via);
      case 'audit':
        return this.showAudit(cmd, flags);
      case 'discover':
        return this.discover(cmd.target, flags);
      case 'bundle':
        return this.bundle(cmd, via);
      case 'users': {
        const target = this.resolveTarget(flags.target);
        if (!target) return this.unknownTarget(flags.target!);
        // The spreadsheet code is loaded only for this verb.
        const { runUsersCommand } = await import('../users/command.js');
        return runUsersCommand(cmd, { out, json: flags.json, publicUrl: target.publicUrl });
      }
    }
  }

  /** `run <action> [target] --reason "…"`: request, confirm on the terminal, execute through the approvals service. */
  private async runAction(cmd: Extract<ParsedCommand, { verb: 'run' }>, via: 'console' | 'cli'): Promise<number> {
    const { out, approvals } = this.deps;
    if (!approvals) {
      out('run is not available in this build — nothing was run');
      return EXIT.usage;
    }
    const target = this.resolveTarget(cmd.target);
    if (!target) return this.unknownTarget(cmd.target!);
    const operator: Actor = { id: this.deps.operator ?? 'console', via };
    if (cmd.clear) {
      const c = await approvals.clearStop(cmd.action, target.name, operator);
      out(c.ok ? c.message : `拒绝 / refused: ${c.message}\n下一步 / Next: ${c.hint}`);
      return c.ok ? EXIT.ok : EXIT.usage;
    }
    const canAsk = via === 'console' ? this.deps.interactiveConsole === true : this.deps.confirm !== undefined;
    if (!cmd.yes && !canAsk) {
      out(
        '拒绝 / refused: no terminal to confirm on — nothing was run\n下一步 / Next: run it on a terminal, or add --yes (allowed only where policy.consoleApproval is true)',
      );
      return EXIT.usage;
    }
    const requested = await approvals.requestAction({
      action: cmd.action,
      target: target.name,
      requester: operator,
      reason: cmd.reason,
    });
    if (requested.kind !== 'requested') return this.outcome(requested);
    out(formatCard(requested.approval));
    const id = requested.approval.id;
    if (cmd.yes) return this.decide(id, operator, true);
    if (via === 'console') {
      this.pendingRun = { id, operator };
      out('确认执行？/ Run it? [y/N]');
      return EXIT.ok;
    }
    return this.decide(id, operator, await this.deps.confirm!('确认执行？/ Run it? [y/N] '));
  }

  private async decide(id: string, operator: Actor, yes: boolean): Promise<number> {
    const approvals = this.deps.approvals!;
    return this.outcome(
      yes ? await approvals.approve(id, operator) : await approvals.deny(id, operator, 'cancelled at the terminal'),
    );
  }

  private outcome(o: Outcome): number {
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

  /** `audit [--since 1h|ISO] [--target T]`. */
  private async showAudit(cmd: Extract<ParsedCommand, { verb: 'audit' }>, flags: CommandFlags): Promise<number> {
    const { out, audit } = this.deps;
    if (!audit) {
      out(
        'audit is not available: this runner was built without an audit log — nothing was run\n下一步 / Next: start oms-chatops through `npm start` / `oms-chatops`, which wires the audit log',
      );
      return EXIT.usage;
    }
    if (cmd.verify) {
      if (!audit.verify) {
        out('audit verify is not available: this audit log has no hash chain — nothing was checked');
        return EXIT.usage;
      }
      const v = await audit.verify();
      out(formatVerify(v));
      return v.ok ? EXIT.ok : EXIT.problem;
    }
    const r = auditRequest(cmd, this.deps.now?.() ?? new Date());
    if (!r.ok) {
      out(`${r.error}\n下一步 / Next: e.g. \`audit --since 1h\` or \`audit --since 2026-11-22T21:00:00Z\``);
      return EXIT.usage;
    }
    const records = await audit.read(r.query);
    if (flags.json) out(renderJson(records));
    else out(records.length ? records.map(formatAuditRecord).join('\n') : `没有记录 / no audit records${r.what}`);
    return EXIT.ok;
  }

  /** Audit trail of what was looked at; a failing audit write is reported but does not hide the answer. */
  private async recordReport(report: Report, via: 'console' | 'cli', check?: string): Promise<void> {
    try {
      await this.deps.audit?.append(reportAuditEntry(report, { user: this.deps.operator ?? 'console', via }, check));
    } catch (e) {
      this.deps.progress?.(`警告 / warning: could not write the audit log: ${(e as Error).message}`);
    }
  }

  private async diagnose(
    query: string,
    explicitTarget: string | undefined,
    flags: CommandFlags,
    via: 'console' | 'cli',
  ): Promise<number> {
    const { out } = this.deps;
    // The same resolution as Slack: a trailing target name, ids and aliases, then intent matching.
    const r = resolveDiagnose(query, explicitTarget, this.deps.playbooks, this.deps.config);
    if (r.kind === 'unknown-target') return this.unknownTarget(r.name);
    if (r.kind === 'unknown-playbook') return this.unknownPlaybook(r.text);
    if (r.kind === 'ambiguous') {
      out(
        `你是想…? / did you mean… "${r.text}":\n${r.candidates.map((c) => `  - ${c.id}: ${c.title} — ${c.reason}`).join('\n')}\n下一步 / Next: run \`diagnose <id>\` with one of them — nothing was run`,
      );
      return EXIT.usage;
    }
    if (r.kind === 'howto') {
      out(
        `${r.section.title} (${r.playbook.id})\n\n${r.section.markdown}\n\n→ \`show ${r.playbook.id}\` for the whole playbook`,
      );
      return EXIT.ok;
    }
    const { playbook } = r;
    const target = await this.withLayout(r.target, flags);
    if (r.confidence !== undefined && !flags.json)
      this.deps.progress?.(`→ ${playbook.id} (${playbook.title} / ${playbook.titleEn}), confidence ${r.confidence}`);
    const transport = this.deps.transportFor(target);
    if (!flags.json)
      this.deps.progress?.(
        `诊断中 / diagnosing ${playbook.id} on ${target.name} (${transport.describe}): ${playbook.checks.length} checks…`,
      );
    const report = await runPlaybook(
      playbook,
      target,
      transport,
      { findCheck: this.deps.findCheck, now: this.deps.now },
      {
        onObservation: (o, done, total) => {
          if (!flags.json) this.deps.progress?.(`  [${done}/${total}] ${o.status.padEnd(5)} ${o.check}`);
        },
      },
    );
    this.deps.layout?.afterReport(target, report);
    await this.recordReport(report, via);
    return this.emit(report, flags);
  }

  /** The target with its unset paths filled from discovery (cached per target); as configured without it. */
  private async withLayout(target: Target, flags: CommandFlags): Promise<Target> {
    if (!this.deps.layout) return target;
    const r = await this.deps.layout.layoutFor(target);
    // Said before the report, never silently: `discover` shows the whole layout with sources.
    if (r.notices.length && !flags.json)
      this.deps.out(
        `布局 / layout of ${target.name} (\`discover ${target.name}\`):\n${r.notices.map((n) => `  ${n}`).join('\n')}`,
      );
    return r.target;
  }

  /** `bundle [target] [-o FILE]`: the support bundle, with the discovered layout and a fresh checklist report. */
  private async bundle(cmd: Extract<ParsedCommand, { verb: 'bundle' }>, via: 'console' | 'cli'): Promise<number> {
    const base = this.resolveTarget(cmd.target);
    if (!base) return this.unknownTarget(cmd.target!);
    let target = base;
    let layout: string | undefined;
    if (this.deps.layout) {
      const r = await this.deps.layout.discover(base, { fresh: true });
      target = r.resolved.target;
      layout = renderLayout(base.name, r.discovery, r.resolved);
    }
    const transport = this.deps.transportFor(target);
    const checklist = findPlaybook(this.deps.playbooks, 'checklist');
    // The bundle writer (tar, gzip) loads only when a bundle is asked for.
    const { bundleAnswer, writeBundle } = await import('../support-bundle/command.js');
    this.deps.progress?.(`收集支持包 / collecting the bundle from ${target.name} (${transport.describe})…`);
    const { file, bundle } = await writeBundle({
      target,
      transport,
      now: this.deps.now?.() ?? new Date(),
      layout,
      diagnose: checklist
        ? async () => {
            const report = await runPlaybook(checklist, target, transport, {
              findCheck: this.deps.findCheck,
              now: this.deps.now,
            });
            await this.recordReport(report, via);
            return renderText(report, PLAIN, { verbose: true });
          }
        : undefined,
      output: cmd.output,
      cwd: process.cwd(),
    });
    this.deps.out(bundleAnswer(file, bundle));
    return EXIT.ok;
  }

  /** `discover [target]`: what the server says about its layout, where each value comes from, what is undecided. */
  private async discover(name: string | undefined, flags: CommandFlags): Promise<number> {
    const target = this.resolveTarget(name);
    if (!target) return this.unknownTarget(name!);
    if (!this.deps.layout) {
      this.deps.out('discover is not available in this build — nothing was run');
      return EXIT.usage;
    }
    const r = await this.deps.layout.discover(target, { fresh: true });
    this.deps.out(
      flags.json
        ? renderJson({
            target: target.name,
            // `setting`, not `key`: the redactor hides the values of keys named like secrets (`key`).
            layout: r.resolved.rows.map((row) => ({ setting: row.key, value: row.value, source: row.source })),
            notes: r.discovery.notes,
            undecided: r.discovery.undecided,
            conflicts: r.resolved.conflicts,
          })
        : renderLayout(target.name, r.discovery, r.resolved),
    );
    return r.discovery.undecided.length || r.resolved.conflicts.length ? EXIT.problem : EXIT.ok;
  }

  private emit(report: Report, flags: CommandFlags): number {
    this.deps.out(flags.json ? renderJson(report) : renderText(report, this.style, { verbose: flags.verbose }));
    if (report.verdict === 'unreachable') return EXIT.unreachable;
    return report.verdict === 'problem' ? EXIT.problem : EXIT.ok;
  }

  private async access(
    cmd: Extract<ParsedCommand, { verb: 'keyscan' | 'sudoers' | 'doctor' }>,
    flags: CommandFlags,
  ): Promise<number> {
    const tools = this.deps.access;
    if (!tools) {
      this.deps.out(
        `${cmd.verb} is not available: this runner was built without the SSH access tools — nothing was run\n下一步 / Next: start oms-chatops through \`npm start\` / \`oms-chatops\`, which wires them`,
      );
      return EXIT.usage;
    }
    if (cmd.verb === 'sudoers') {
      const target = this.resolveTarget(flags.target);
      if (!target) return this.unknownTarget(flags.target!);
      this.deps.out(tools.sudoers(target, cmd.user ?? target.user ?? 'omsbot'));
      return EXIT.ok;
    }
    const target = this.resolveTarget(cmd.target);
    if (!target) return this.unknownTarget(cmd.target!);
    if (cmd.verb === 'keyscan') {
      this.deps.out(await tools.keyscan(target));
      return EXIT.ok;
    }
    const result = await tools.doctor(target, this.deps.config);
    this.deps.out(result.text);
    return result.ok ? EXIT.ok : EXIT.problem;
  }

  private resolveTarget(name: string | undefined): Target | undefined {
    return resolveTarget(name, this.deps.config);
  }

  private unknownTarget(name: string): number {
    this.deps.out(
      `unknown target "${name}" — nothing was run\n下一步 / Next: one of: ${[...this.deps.config.targets.keys()].join(', ')} (configured in ${this.deps.config.source})`,
    );
    return EXIT.usage;
  }

  private unknownPlaybook(text: string): number {
    this.deps.out(
      `没有匹配的排查手册 / no playbook matches "${redact(text)}" — nothing was run\n下一步 / Next: \`list\` shows the playbooks; try e.g. \`diagnose login\`, \`diagnose 502\`, or \`match "<pasted log line>"\``,
    );
    return EXIT.usage;
  }

  private list(): string {
    const s = this.style;
    return this.deps.playbooks
      .map(
        (p) =>
          `${s.bold(p.id.padEnd(16))} ${p.title} / ${p.titleEn}\n${' '.repeat(17)}${s.dim(`aliases: ${p.aliases.join(', ')}`)}`,
      )
      .join('\n');
  }

  private targets(): string {
    return [...this.deps.config.targets.values()]
      .map(
        (t) =>
          `${t.name.padEnd(10)} ${t.host === 'local' ? 'this machine (no SSH)' : `${t.user ?? '?'}@${t.host}:${t.port}`}  ${t.publicUrl}${t.name === this.deps.config.defaultTarget ? '  (default)' : ''}${this.layoutLine(t)}`,
      )
      .join('\n');
  }

  /** What discovery found for a target (cached only; `targets` runs nothing on the servers). */
  private layoutLine(t: Target): string {
    const r = this.deps.layout?.cached(t);
    if (!r) return '';
    const rows = r.rows.filter((row) => row.source !== 'default');
    const show = (v: string | readonly string[]) => (typeof v === 'string' ? v : v.join(', '));
    const pad = ' '.repeat(11);
    return rows.map((row) => `\n${pad}${row.key}=${show(row.value)} ← ${row.source}`).join('');
  }

  private describeMatch(result: ReturnType<typeof matchIntent>): string {
    const extracted = Object.entries(result.extracted)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    if (!result.playbook) return `no match (没有匹配的排查手册)${extracted ? `\nextracted: ${extracted}` : ''}`;
    const alts = result.alternatives.map((a) => `  also: ${a.id} (${a.confidence})`).join('\n');
    const next =
      result.outcome === 'howto'
        ? `→ how-to (怎么做): section "${result.howto!.title}" — \`diagnose ${result.playbook.id}\` prints it`
        : isDecisive(result)
          ? `→ diagnose ${result.playbook.id}`
          : `→ did you mean (你是想…?): pick one with \`diagnose <id>\``;
    return `${result.playbook.id}: ${result.playbook.title} (confidence ${result.confidence})${alts ? `\n${alts}` : ''}${extracted ? `\nextracted: ${extracted}` : ''}\n${next}`;
  }

  private help(topic?: string): string {
    if (topic === 'check' || topic === 'checks') {
      return this.deps.checks
        .map(
          (c) =>
            `${c.id.padEnd(18)} ${c.title} / ${c.titleEn}\n${' '.repeat(19)}signals: ${checkSignals(c).join(', ')}`,
        )
        .join('\n');
    }
    return [
      'oms-chatops — OMS 故障排查 / troubleshooting',
      '',
      '  diagnose <playbook|alias|description> [target]   run a playbook, e.g. diagnose login, diagnose 后端起不来',
      '  check <check-id> [target]                        run one read-only check (help check lists them)',
      '  list                                             the playbooks',
      '  show <playbook>                                  print a playbook',
      '  match "<phrase or log line>"                     which playbook fits a pasted line',
      '  targets                                          configured servers',
      '  keyscan <target>                                 print the SSH host key fingerprint to pin',
      '  sudoers [--user omsbot]                          the sudoers drop-in for the whitelisted actions',
      "  doctor [target]                                  check the bot's own access to a target",
      '  bundle [target] [-o FILE]                        the support bundle (.tar.gz, redacted) for the vendor',
      '  discover [target]                                layout of the server (unit, nginx -T), with sources',
      '  run <action> [target] --reason "…"               approve-to-run a whitelisted action (asks y/N; policy.consoleApproval)',
      '  audit [--since 1h|ISO] [--target T]              the audit log',
      '  audit verify                                     check the audit log hash chain',
      '  run clear <action> [target]                      lift the stop after repeated failed post-checks',
      '  users template [-o file.xlsx]                    the bulk user import template (批量导入用户)',
      '  users validate FILE [-o corrected.xlsx]          check a filled user sheet (.xlsx/.csv) before importing it',
      '',
      'options: --target T, --json, --verbose, --config FILE',
    ].join('\n');
  }
}

/** A target as shown to users: no key paths or passphrases. */
function publicTarget(t: Target) {
  return {
    name: t.name,
    host: t.host,
    port: t.port,
    user: t.user ?? null,
    publicUrl: t.publicUrl,
    service: t.service,
    hostKeyPinned: Boolean(t.hostKey || t.knownHosts),
  };
}
