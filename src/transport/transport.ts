/**
 * The one way the bot runs anything on a server. Implementations: `local.ts`
 * (this machine, child_process without a shell) and `ssh/` (ssh2, pooled).
 * Commands are argv arrays from the whitelist; no implementation ever passes
 * chat text to a shell.
 */

/** Options for one command. */
export interface ExecOptions {
  /** Local deadline in milliseconds; remote transports also enforce it on the server. */
  timeoutMs?: number;
  /** Run through `sudo -n` (actions and the few checks that need root, such as `nginx -t`). */
  sudo?: boolean;
  /** Output cap per stream in bytes (default {@link DEFAULT_MAX_BYTES}); the rest is dropped and `truncated` set. */
  maxBytes?: number;
}

/** One command of a batch: its argv and its own options. */
export interface BatchCommand {
  argv: readonly string[];
  options?: ExecOptions;
}

/** What one command did. Failures of the command are values here, never exceptions. */
export interface ExecResult {
  /** Exit code; `null` when the process was killed by a signal or never started. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** Output went past `maxBytes` and was cut. */
  truncated: boolean;
  /** The deadline passed; stdout/stderr hold what arrived before it. */
  timedOut: boolean;
}

/** A way to reach one target. */
export interface Transport {
  /** Short description for messages, e.g. `local` or `omsbot@172.29.91.61:22`. */
  readonly describe: string;
  /**
   * Run one whitelisted command. Resolves with the result even when the command
   * fails, times out or is missing (code 127); rejects only when the target
   * cannot be reached at all ({@link TransportError}).
   */
  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /**
   * Open the connection now (SSH: handshake and login) without running anything, so that a fleet learns at
   * once which targets cannot be reached. Rejects with {@link TransportError} like `exec`; absent when there
   * is nothing to open (the local target).
   */
  connect?(): Promise<void>;
  /**
   * Run several read-only commands one after the other in one session (src/transport/batch-script.ts), each with
   * its own deadline, output cap and result, as `exec` would give it. One promise per command, in order, each
   * settled as soon as its command has finished. Absent when sessions cost nothing (the local target).
   * Never used for actions: only the checks of a fleet run are batched (src/transport/batching.ts).
   */
  execBatch?(commands: readonly BatchCommand[]): Array<Promise<ExecResult>>;
  /** Release connections; the transport may be used again afterwards. */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/** Why a target could not be reached; `hint` says what to do next. */
export type TransportErrorCode =
  | 'connect_refused'
  | 'connect_timeout'
  | 'dns'
  | 'host_key_unknown'
  | 'host_key_mismatch'
  | 'auth_failed'
  | 'key_unreadable'
  | 'key_passphrase'
  | 'disconnected'
  | 'spawn_failed';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Exit code used by shells for "command not found"; transports report missing programs with it. */
export const EXIT_NOT_FOUND = 127;
