/** Who the words are typed into: each renders command references in its own form. */
export type FrontEnd = 'console' | 'cli' | 'slack';

/** How a front end writes a command: `/oms diagnose login`, `oms-chatops diagnose login`, `diagnose login`. */
export const COMMAND_PREFIX: Record<FrontEnd, string> = { console: '', cli: 'oms-chatops ', slack: '/oms ' };

/** A command reference for hints, as the user would type it where they are. */
export function commandRef(frontEnd: FrontEnd, words: string): string {
  return `\`${COMMAND_PREFIX[frontEnd]}${words}\``;
}

/** Output options that apply to any verb. */
export interface CommandFlags {
  json: boolean;
  verbose: boolean;
  config?: string;
  target?: string;
  user?: string;
  /** `run --reason "…"`: why the action is needed (goes on the approval and in the audit log). */
  reason?: string;
  /** `run --yes`: confirm without asking (scripts; only where policy allows local approval). */
  yes?: boolean;
  /** `audit --since 1h|ISO`. */
  since?: string;
}

/** A refusal of the words typed: what is wrong and what to type instead. */
export interface ParseFailure {
  ok: false;
  error: string;
  hint: string;
}

export function fail(error: string, hint: string): ParseFailure {
  return { ok: false, error, hint };
}

/** A word checked against a pattern, with the `safeParse(…).success` shape of a zod schema (zod is not loaded here). */
export interface WordRule {
  safeParse(value: unknown): { success: true; data: string } | { success: false; error: string };
}

function wordRule(pattern: RegExp, message: string): WordRule {
  return {
    safeParse: (value) =>
      typeof value === 'string' && pattern.test(value)
        ? { success: true, data: value }
        : { success: false, error: message },
  };
}

/** Target, check and action names: letters, digits, `_ . -`. */
export const name = wordRule(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - only');
/** A Unix user name (`sudoers --user`). */
export const userName = wordRule(/^[a-z_][a-z0-9_-]{0,31}$/, 'a Unix user name');

/** What a verb's argument parser gets besides its words. */
export interface VerbContext {
  flags: CommandFlags;
  /** A command reference in the asker's front end (see {@link commandRef}). */
  ref(words: string): string;
}
