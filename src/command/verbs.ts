import { parseUsersArgs } from '../users/parse-args.js';
import { fail, name, userName, type FrontEnd, type ParseFailure, type VerbContext } from './args.js';
import { parseBundle, parseCompare, parseRun } from './verb-parsers.js';
import type { ParsedCommand } from './parsed.js';
import { parseWatch } from './watch-args.js';

export type { ParsedCommand } from './parsed.js';

export type VerbName = ParsedCommand['verb'];

/**
 * One verb: how it is typed, what it does (zh/en), examples, and which front
 * ends offer it with who may use it there. The parser, every help text, the
 * hints in error messages, the README's verb table and manifest.yml's usage
 * hint are derived from this table (test/unit/command/verbs.test.ts fails on drift).
 */
export interface VerbSpec {
  name: VerbName;
  /** What follows the verb, e.g. `<check-id> [target]`. */
  args: string;
  summary: { zh: string; en: string };
  /** Whole commands without the front end's prefix, e.g. `diagnose login`. */
  examples: readonly string[];
  /** Front ends that offer the verb → who may use it there. */
  offeredIn: Partial<Record<FrontEnd, string>>;
  /** The words after the verb → the command, or what is wrong and what to type instead. */
  parse(args: readonly string[], ctx: VerbContext): ParsedCommand | ParseFailure;
}

const ANYONE = 'anyone';
const EVERYWHERE = { console: ANYONE, cli: ANYONE, slack: ANYONE } as const;
const BOT_MACHINE = { console: "whoever runs the bot's process", cli: "whoever runs the bot's process" } as const;

const withTarget = (target: string | undefined) => (target ? { target } : {});

export const VERB_TABLE: readonly VerbSpec[] = Object.freeze([
  {
    name: 'diagnose',
    args: '<playbook|alias|description> [target]',
    summary: { zh: '运行排查手册，根因在前', en: "run a playbook's checks; findings, root cause first" },
    examples: ['diagnose login', 'diagnose 后端起不来', 'diagnose api --target prod --json'],
    offeredIn: EVERYWHERE,
    parse: (args, { flags, ref }) =>
      args.length === 0
        ? fail(
            'diagnose needs a playbook, alias or description',
            `e.g. ${ref('diagnose login')}, ${ref('diagnose 502')}, ${ref('diagnose 后端起不来')}; ` +
              `${ref('list')} shows the playbooks`,
          )
        : { verb: 'diagnose', query: args.join(' '), ...withTarget(flags.target) },
  },
  {
    name: 'check',
    args: '<check-id> [target]',
    summary: { zh: '运行单项只读检查', en: 'run one read-only check (help check lists them and their signals)' },
    examples: ['check backend-service'],
    offeredIn: EVERYWHERE,
    parse: (args, { flags, ref }) => {
      const id = args[0];
      if (!id)
        return fail('check needs a check id', `e.g. ${ref('check backend-service')}; ${ref('help check')} lists them`);
      if (!name.safeParse(id).success) return fail(`invalid check id "${id}"`, `${ref('help check')} lists the checks`);
      return { verb: 'check', check: id, ...withTarget(flags.target ?? args[1]) };
    },
  },
  {
    name: 'compare',
    args: '<playbook> <target-a> <target-b>',
    summary: {
      zh: '在两台服务器上运行同一手册，列出检查所见的差异',
      en: 'run a playbook on two servers at once and list what their checks saw differently, causes first',
    },
    examples: ['compare login prod staging', 'compare api-not-found prod staging --json'],
    offeredIn: EVERYWHERE,
    parse: parseCompare,
  },
  {
    name: 'list',
    args: '',
    summary: { zh: '排查手册列表', en: 'the playbooks' },
    examples: ['list'],
    offeredIn: EVERYWHERE,
    parse: () => ({ verb: 'list' }),
  },
  {
    name: 'show',
    args: '<playbook>',
    summary: { zh: '查看一本排查手册', en: 'one playbook as markdown' },
    examples: ['show service-start'],
    offeredIn: EVERYWHERE,
    parse: (args, { ref }) =>
      args[0]
        ? { verb: 'show', playbook: args.join(' ') }
        : fail('show needs a playbook', `e.g. ${ref('show login')}; ${ref('list')} shows them all`),
  },
  {
    name: 'match',
    args: '"<phrase or log line>"',
    summary: {
      zh: '哪本手册对得上（置信度、备选、提取的值）',
      en: 'which playbook fits, with confidence, alternatives and extracted values (pid, unit, status, port, origin)',
    },
    examples: ['match "status=217/USER"'],
    offeredIn: EVERYWHERE,
    parse: (args, { ref }) =>
      args.length === 0
        ? fail('match needs text', `e.g. ${ref('match "[ERROR] Worker (pid:3321281) was sent SIGTERM!"')}`)
        : { verb: 'match', text: args.join(' ') },
  },
  {
    name: 'targets',
    args: '',
    summary: { zh: '配置的服务器', en: 'the configured servers' },
    examples: ['targets'],
    offeredIn: EVERYWHERE,
    parse: () => ({ verb: 'targets' }),
  },
  {
    name: 'keyscan',
    args: '<target>',
    summary: { zh: '服务器的 SSH 主机密钥指纹', en: "the server's SSH host key fingerprint, to pin in the config" },
    examples: ['keyscan prod'],
    offeredIn: BOT_MACHINE,
    parse: (args, { flags, ref }) => {
      const target = flags.target ?? args[0];
      if (!target) return fail('keyscan needs a target', `e.g. ${ref('keyscan prod')}; ${ref('targets')} lists them`);
      return { verb: 'keyscan', target };
    },
  },
  {
    name: 'sudoers',
    args: '[--user omsbot]',
    summary: {
      zh: '白名单操作的最小 sudoers 规则',
      en: 'the least-privilege sudoers drop-in for the whitelisted actions',
    },
    examples: ['sudoers --user omsbot'],
    offeredIn: BOT_MACHINE,
    parse: (args, { flags }) => {
      const user = flags.user ?? args[0];
      if (user !== undefined && !userName.safeParse(user).success)
        return fail(`invalid user name "${user}"`, 'e.g. --user omsbot');
      return { verb: 'sudoers', ...(user ? { user } : {}) };
    },
  },
  {
    name: 'doctor',
    args: '[target]',
    summary: {
      zh: '检查 bot 自己的访问权限',
      en: "checks the bot's own access: config, key, host key, login, programs, sudo rules",
    },
    examples: ['doctor prod'],
    offeredIn: BOT_MACHINE,
    parse: (args, { flags }) => ({ verb: 'doctor', ...withTarget(flags.target ?? args[0]) }),
  },
  {
    name: 'run',
    args: '<action> [target] --reason "…" | clear <action> [target]',
    summary: {
      zh: '申请执行白名单操作（审批后运行）',
      en:
        'approve-to-run a whitelisted action (terminal: asks y/N where policy.consoleApproval allows it); ' +
        'clear: lift the stop after repeated failed post-checks',
    },
    examples: ['run restart-backend prod --reason "backend down since 10:02"', 'run clear restart-backend prod'],
    offeredIn: {
      console: 'the operator, where policy.consoleApproval is true for the target',
      cli: 'the operator, where policy.consoleApproval is true for the target',
      slack: 'policy.requesters / policy.requesterChannels (anyone when both are empty); approvers decide',
    },
    parse: parseRun,
  },
  {
    name: 'audit',
    args: '[--since 1h|ISO] [--target T] | verify',
    summary: {
      zh: '审计日志；verify 检查哈希链',
      en: 'the audit log (in Slack: the newest records, to the asker only); verify: check its hash chain',
    },
    examples: ['audit --since 1h', 'audit --target prod --json', 'audit verify'],
    offeredIn: EVERYWHERE,
    parse: (args, { flags, ref }) =>
      // `audit verify`: check the hash chain of the audit log.
      args.length === 1 && args[0] === 'verify'
        ? { verb: 'audit', verify: true }
        : args.length > 0
          ? fail(`audit takes options, not "${args.join(' ')}"`, `e.g. ${ref('audit --since 1h --target prod')}`)
          : { verb: 'audit', ...(flags.since ? { since: flags.since } : {}), ...withTarget(flags.target) },
  },
  {
    name: 'users',
    args: 'template [-o file.xlsx] | validate FILE [-o corrected.xlsx]',
    summary: {
      zh: '批量导入用户：模板 / 检查填好的表',
      en: 'the bulk user import template; check a filled sheet (.xlsx/.csv) before importing it',
    },
    examples: ['users template', 'users validate 新员工.xlsx'],
    offeredIn: { ...EVERYWHERE, slack: 'anyone (template; send the file to the bot to validate it)' },
    parse: (args) => {
      const u = parseUsersArgs(args);
      return u.ok ? u.command : fail(u.error, u.hint);
    },
  },
  {
    name: 'discover',
    args: '[target]',
    summary: {
      zh: '服务器上的实际布局：来源、无法确定的部分、与配置的冲突',
      en: "the server's layout as found: where each value comes from, what is undecided, conflicts with the config",
    },
    examples: ['discover prod'],
    offeredIn: { ...BOT_MACHINE, slack: 'anyone (answered to the asker only)' },
    parse: (args, { flags, ref }) => {
      const target = flags.target ?? args[0];
      if (args.length > 1)
        return fail(`discover takes one target, not "${args.join(' ')}"`, `e.g. ${ref('discover prod')}`);
      if (target !== undefined && !name.safeParse(target).success)
        return fail(`invalid target name "${target}"`, `see ${ref('targets')} for the configured names`);
      return { verb: 'discover', ...withTarget(target) };
    },
  },
  {
    name: 'bundle',
    args: '[target] [-o FILE]',
    summary: {
      zh: '支持包：布局、检查报告和脱敏的配置',
      en: 'a support bundle (.tar.gz): the discovered layout, a fresh checklist report, redacted configs',
    },
    examples: ['bundle prod -o oms-bundle.tar.gz'],
    offeredIn: { ...BOT_MACHINE, slack: 'anyone (uploaded into the thread of the request; no -o)' },
    parse: parseBundle,
  },
  {
    name: 'watch',
    args: 'list | pause <id> [for 2h] | resume <id> | run <id>',
    summary: {
      zh: '定时巡检：列表、暂停、恢复、立即运行（只在变化时发消息）',
      en: 'scheduled watches that post only on change: list, pause (until when), resume, run now',
    },
    examples: ['watch list', 'watch pause checklist-prod for 2h', 'watch run checklist-prod'],
    offeredIn: EVERYWHERE,
    parse: parseWatch,
  },
  {
    name: 'version',
    args: '',
    summary: {
      zh: '版本、Node 版本和所用的配置文件',
      en: 'the package version, the Node version and the config file in use',
    },
    examples: ['version'],
    offeredIn: EVERYWHERE,
    parse: () => ({ verb: 'version' }),
  },
  {
    name: 'help',
    args: '[check]',
    summary: { zh: '帮助；help check 列出检查', en: 'this help; help check lists the checks' },
    examples: ['help', 'help check'],
    offeredIn: EVERYWHERE,
    parse: (args) => ({ verb: 'help', ...(args[0] ? { topic: args[0] } : {}) }),
  },
] satisfies VerbSpec[]);

/** Every verb's name, in the table's order. */
export const VERBS: readonly VerbName[] = VERB_TABLE.map((v) => v.name);

export function findVerb(word: string): VerbSpec | undefined {
  return VERB_TABLE.find((v) => v.name === word);
}

/** The verbs a front end offers. */
export function verbsFor(frontEnd: FrontEnd): VerbSpec[] {
  return VERB_TABLE.filter((v) => v.offeredIn[frontEnd] !== undefined);
}

/** `diagnose <playbook|alias|description> [target]`. */
export function usage(v: VerbSpec): string {
  return v.args ? `${v.name} ${v.args}` : v.name;
}
