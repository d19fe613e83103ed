import type { ExecResult } from '../transport/transport.js';
import { EXIT_NOT_FOUND } from '../transport/transport.js';
import type { Observation } from './check.js';

/** Helpers shared by interpreters: turn transport-level failures into observations. */

/** Up to `maxLines` lines / `maxChars` characters of text, marked when cut. */
export function excerpt(text: string, maxLines = 12, maxChars = 1500): string {
  const clean = text.replace(/\r/g, '').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '�');
  let lines = clean.split('\n');
  let cut = false;
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    cut = true;
  }
  let out = lines.join('\n');
  if (out.length > maxChars) {
    out = out.slice(0, maxChars);
    cut = true;
  }
  return cut ? `${out}\n…` : out;
}

/** One line or value cut at `max` characters, marked with `…` when cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The last `maxLines` lines of text (for logs, where the newest lines matter). */
export function tailExcerpt(text: string, maxLines = 12, maxChars = 1500): string {
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => l !== '');
  const tail = lines.slice(-maxLines).join('\n');
  return excerpt(tail.length > maxChars ? tail.slice(-maxChars) : tail, maxLines, maxChars);
}

/**
 * An observation for a command that could not run as a check at all: missing
 * program, timeout, permission. Returns `undefined` when the result is usable.
 */
export function commandProblem(result: ExecResult, program: string): Omit<Observation, 'check'> | undefined {
  const stderr = result.stderr.trim();
  if (result.timedOut) {
    return {
      status: 'error',
      summary: `命令超时 / \`${program}\` timed out after ${result.durationMs} ms`,
      evidence: excerpt(result.stdout + (stderr ? `\n${stderr}` : '')),
      facts: { timedOut: true },
      signals: ['command-timeout'],
    };
  }
  // `sudo -n /usr/sbin/nginx -t` on a host without nginx: sudo itself says the program is missing (exit 1).
  if (result.code === EXIT_NOT_FOUND || /^sudo: [^\n]*: command not found$/m.test(stderr)) {
    return {
      status: 'error',
      summary: `服务器上没有 \`${program}\` / \`${program}\` is not installed on this host`,
      evidence: excerpt(stderr),
      facts: { missingCommand: program },
      signals: ['command-missing'],
    };
  }
  if (
    /System has not been booted with systemd|Failed to connect to bus|Failed to get D-Bus connection/i.test(stderr) &&
    !result.stdout.trim()
  ) {
    return {
      status: 'error',
      summary:
        '此主机上 systemd 没有运行 / systemd is not running on this host (a container or chroot?), ' +
        `so \`${program}\` cannot read service state`,
      evidence: excerpt(stderr),
      facts: { systemdUnavailable: true },
      signals: ['systemd-unavailable'],
    };
  }
  if (/a password is required|you must have a tty|may not run sudo|not allowed to execute/i.test(stderr)) {
    return {
      status: 'error',
      summary: `sudo 不允许执行 / sudo refused \`${program}\` (see \`oms-chatops sudoers\`)`,
      evidence: excerpt(stderr),
      facts: { sudoRefused: true },
      signals: ['sudo-refused'],
    };
  }
  return undefined;
}

/** Signals every check may emit through {@link commandProblem}. */
export const COMMON_SIGNALS = {
  'command-timeout': 'the command hit its deadline',
  'command-missing': 'the program is not installed on the target',
  'sudo-refused': 'sudo -n refused the command (password required, requiretty, or no rule)',
  'systemd-unavailable': 'systemctl/journalctl could not reach systemd (not booted with systemd, no D-Bus)',
} as const;
