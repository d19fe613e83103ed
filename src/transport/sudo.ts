/**
 * Privileged commands: recognise why `sudo -n` refused, and print the
 * least-privilege sudoers drop-in that allows exactly the whitelisted actions
 * (sudoers matches arguments literally, so the lines are the argv as run).
 */
import { ACTIONS } from '../actions/registry.js';
import type { Target } from '../config/target.js';

/** The one check that runs with sudo (nginx reads root-only certificates and logs). */
export const NGINX_TEST_ARGV: readonly string[] = Object.freeze(['/usr/sbin/nginx', '-t']);
/** Layout discovery reads the whole loaded configuration (src/discovery/discover.ts), root-only includes too. */
export const NGINX_DUMP_ARGV: readonly string[] = Object.freeze(['/usr/sbin/nginx', '-T']);

export const DEFAULT_BOT_USER = 'omsbot';
export const DROP_IN_PATH = '/etc/sudoers.d/oms-chatops';

export type SudoRefusalKind = 'password_required' | 'requiretty' | 'not_allowed';

export interface SudoRefusal {
  kind: SudoRefusalKind;
  message: string;
  /** The exact sudoers line that fixes it. */
  sudoersLine: string;
  hint: string;
}

/** Escape a sudoers argument: `,` `:` `=` `\` and spaces inside one argument are special there. */
function sudoersArg(arg: string): string {
  return arg.replace(/([\\,:= ])/g, '\\$1');
}

/** One command as a sudoers Cmnd. */
export function sudoersCommand(argv: readonly string[]): string {
  return argv.map(sudoersArg).join(' ');
}

/** The rule line that allows one command for a user without a password. */
export function sudoersRule(user: string, argv: readonly string[]): string {
  return `${user} ALL=(root) NOPASSWD: ${sudoersCommand(argv)}`;
}

/** Every command the bot runs with sudo on this target, de-duplicated, in whitelist order. */
export function sudoCommands(target: Target): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const argv of [...ACTIONS.flatMap((a) => a.argv(target)), [...NGINX_TEST_ARGV], [...NGINX_DUMP_ARGV]]) {
    const key = argv.join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(argv);
  }
  return out;
}

/** The drop-in file text for `/etc/sudoers.d/oms-chatops`. */
export function sudoersDropIn(target: Target, user: string = target.user ?? DEFAULT_BOT_USER): string {
  return [
    `# ${DROP_IN_PATH}: what the oms-chatops bot (user ${user}) may run as root, and nothing else.`,
    '# sudo ignores files in /etc/sudoers.d whose name contains a "." — keep this name without one.',
    `# Check before installing: visudo -cf ${DROP_IN_PATH}  (then chmod 0440, owner root)`,
    `# The checks read the journal without sudo: usermod -aG systemd-journal ${user}`,
    '# Arguments match literally: "oms-backend" does not allow "oms-backend.service".',
    `Defaults:${user} !requiretty`,
    ...sudoCommands(target).map((argv) => sudoersRule(user, argv)),
    '',
  ].join('\n');
}

/** Why `sudo -n` refused, from its stderr; `null` when it was not a sudo refusal. */
export function classifySudoFailure(
  stderr: string,
  argv: readonly string[],
  user: string = DEFAULT_BOT_USER,
): SudoRefusal | null {
  const line = sudoersRule(user, argv);
  const cmd = sudoersCommand(argv);
  if (/you must have a tty|requiretty/i.test(stderr)) {
    return {
      kind: 'requiretty',
      message: `sudo on the server requires a terminal (Defaults requiretty), so the bot cannot run \`${cmd}\`.`,
      sudoersLine: `Defaults:${user} !requiretty`,
      hint: `Add \`Defaults:${user} !requiretty\` to ${DROP_IN_PATH} (check with visudo -cf ${DROP_IN_PATH}).`,
    };
  }
  if (/is not allowed to execute|not in the sudoers file|may not run sudo/i.test(stderr)) {
    return {
      kind: 'not_allowed',
      message: `sudoers does not allow ${user} to run \`${cmd}\` as root.`,
      sudoersLine: line,
      hint: `Add \`${line}\` to ${DROP_IN_PATH} (print the whole file with \`oms-chatops sudoers\`; check with visudo -cf ${DROP_IN_PATH}).`,
    };
  }
  if (/a password is required|password is required/i.test(stderr)) {
    return {
      kind: 'password_required',
      message: `sudo asked for a password for \`${cmd}\`: no NOPASSWD rule matches it exactly.`,
      sudoersLine: line,
      hint: `Add \`${line}\` to ${DROP_IN_PATH}; sudoers matches arguments literally (check with visudo -cf ${DROP_IN_PATH}).`,
    };
  }
  return null;
}

/** The commands a `sudo -n -l` listing allows without a password. `ALL` appears as `ALL`. */
export function parseSudoList(output: string): string[] {
  const commands: string[] = [];
  const lines = output.split(/\r?\n/);
  let inRules = false;
  let current = '';
  const flush = () => {
    if (!current) return;
    const m = /^\s*\([^)]*\)\s*((?:[A-Z_]+:\s*)*)(.*)$/.exec(current);
    current = '';
    if (!m) return;
    const tags = m[1] ?? '';
    if (!/NOPASSWD:/.test(tags)) return;
    for (const c of (m[2] ?? '').split(/(?<!\\),\s*/)) if (c.trim()) commands.push(c.trim());
  };
  for (const raw of lines) {
    if (/may run the following commands/.test(raw)) {
      inRules = true;
      continue;
    }
    if (!inRules) continue;
    if (/^\s*\(/.test(raw)) {
      flush();
      current = raw;
    } else if (current && /^\s+\S/.test(raw)) {
      current += ' ' + raw.trim();
    }
  }
  flush();
  return commands;
}
