import { defineCheck, type Check } from '../../../src/checks/check.js';
import { commandProblem } from '../../../src/checks/output.js';
import type { FindingRule, Playbook } from '../../../src/playbooks/playbook.js';
import type { ExecOptions, ExecResult, Transport } from '../../../src/transport/transport.js';

/** A transport that answers from a script: argv[0] → result (or a delay / throw). */
export class ScriptedTransport implements Transport {
  readonly describe = 'scripted';
  readonly calls: Array<{ argv: readonly string[]; options: ExecOptions }> = [];
  active = 0;
  maxActive = 0;
  constructor(private readonly script: Record<string, (argv: readonly string[]) => Promise<ExecResult> | ExecResult>) {}
  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    this.calls.push({ argv, options });
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const handler = this.script[argv[0]!];
      if (!handler)
        return {
          code: 127,
          signal: null,
          stdout: '',
          stderr: `${argv[0]}: command not found`,
          durationMs: 1,
          truncated: false,
          timedOut: false,
        };
      return await handler(argv);
    } finally {
      this.active--;
    }
  }
  async close() {}
}

export const ok = (stdout: string, code = 0): ExecResult => ({
  code,
  signal: null,
  stdout,
  stderr: '',
  durationMs: 1,
  truncated: false,
  timedOut: false,
});

/** A check that runs `prog` and emits the signal printed on stdout. */
export function echoCheck(id: string, prog = id, signals: string[] = ['up', 'down', 'secret']): Check {
  return defineCheck({
    id,
    title: `检查 ${id}`,
    titleEn: `check ${id}`,
    signals: Object.fromEntries(signals.map((s) => [s, s])),
    commands: () => [{ argv: [prog], timeoutMs: 500 }],
    interpret: ([r]) => {
      const problem = commandProblem(r!, prog);
      if (problem) return problem;
      const s = r!.stdout.trim();
      return {
        status: s === 'up' ? 'ok' : 'fail',
        summary: `${id} is ${s}`,
        evidence: r!.stdout,
        facts: {},
        signals: [s],
      };
    },
  });
}

export function rule(id: string, when: string[], extra: Partial<FindingRule> = {}): FindingRule {
  const ref = (s: string) => ({ check: s.split(':')[0]!, signal: s.split(':')[1]! });
  return {
    id,
    severity: 'error',
    title: `finding ${id}`,
    when: when.map(ref),
    all: [],
    unless: [],
    fix: `fix ${id}`,
    source: 'test',
    ...extra,
  };
}

export function playbook(checks: string[], findings: FindingRule[]): Playbook {
  return {
    id: 'test',
    title: '测试',
    titleEn: 'test',
    summary: '',
    aliases: [],
    phrases: [],
    concepts: [],
    howto: [],
    signatures: [],
    checks,
    actions: ['restart-backend'],
    findings,
    body: '',
    file: 'test.md',
  };
}
