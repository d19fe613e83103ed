import type { UsersCommand } from '../users/parse-args.js';
import type { WatchCommand } from './watch-args.js';

/** What a user asked for, validated; the same for the CLI, the console and Slack. */
export type ParsedCommand =
  | { verb: 'help'; topic?: string }
  | { verb: 'list' }
  | { verb: 'targets' }
  | { verb: 'show'; playbook: string }
  | { verb: 'diagnose'; query: string; target?: string }
  | { verb: 'check'; check: string; target?: string }
  | { verb: 'match'; text: string }
  | { verb: 'keyscan'; target: string }
  | { verb: 'sudoers'; user?: string }
  | { verb: 'doctor'; target?: string }
  | { verb: 'run'; action: string; target?: string; reason: string; yes: boolean; clear?: true }
  | { verb: 'audit'; since?: string; target?: string; verify?: true }
  | { verb: 'version' }
  | { verb: 'discover'; target?: string }
  | { verb: 'bundle'; target?: string; output?: string }
  | { verb: 'compare'; playbook: string; a: string; b: string }
  | WatchCommand
  | UsersCommand;
