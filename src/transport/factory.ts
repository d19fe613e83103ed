import { isLocal, type Target } from '../config/target.js';
import { LocalTransport } from './local.js';
import { SshTransport, type SshEnv } from './ssh/index.js';
import type { Transport } from './transport.js';

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
          : new SshTransport(target, {
              env: {
                OMS_CHATOPS_KEY_PASSPHRASE: options.env.OMS_CHATOPS_KEY_PASSPHRASE,
                SSH_AUTH_SOCK: options.env.SSH_AUTH_SOCK,
              },
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
