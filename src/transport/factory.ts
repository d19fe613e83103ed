import { isLocal, type Target } from '../config/target.js';
import { LocalTransport } from './local.js';
import type { SshEnv } from './ssh/index.js';
import type { BatchCommand, ExecOptions, Transport } from './transport.js';

export interface TransportPool {
  /** The transport for a target: one per target, reused across requests (the SSH connection is pooled). */
  get(target: Target): Transport;
  closeAll(): Promise<void>;
}

/** One transport per target name, created on first use. */
export function createTransportPool(options: { env: SshEnv }): TransportPool {
  const transports = new Map<string, Transport>();
  return {
    get(target) {
      let t = transports.get(target.name);
      if (!t) {
        t = isLocal(target)
          ? new LocalTransport()
          : lazySsh(target, {
              OMS_CHATOPS_KEY_PASSPHRASE: options.env.OMS_CHATOPS_KEY_PASSPHRASE,
              SSH_AUTH_SOCK: options.env.SSH_AUTH_SOCK,
            });
        transports.set(target.name, t);
      }
      return t;
    },
    async closeAll() {
      await Promise.all([...transports.values()].map((t) => t.close()));
      transports.clear();
    },
  };
}

/**
 * The SSH transport, with ssh2 (a large library) loaded at the first command rather than at start-up: `list`,
 * `match`, `show` and the local target never load it.
 */
function lazySsh(target: Target, env: SshEnv): Transport {
  let ssh: Promise<Transport> | undefined;
  const load = () => (ssh ??= import('./ssh/index.js').then((m) => new m.SshTransport(target, { env })));
  return {
    describe: `${target.user ?? '?'}@${target.host}:${target.port}`,
    exec: async (argv: readonly string[], options?: ExecOptions) => (await load()).exec(argv, options),
    execBatch: (commands: readonly BatchCommand[]) => {
      const started = load().then((t) => t.execBatch!(commands));
      return commands.map((_, i) => started.then((results) => results[i]!));
    },
    connect: async () => (await load()).connect?.(),
    close: async () => {
      if (ssh) await (await ssh).close();
    },
  };
}
