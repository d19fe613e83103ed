/** Read a server's host key without logging in (what `keyscan` shows the operator to pin). */
import { Client } from 'ssh2';
import type { TransportError } from '../transport.js';
import { connectError, droppedError, type ConnectWhere } from './errors.js';

/** Connect only far enough to see the server's host key, then abort (no login). */
export function fetchHostKey(
  host: string,
  port: number,
  options: { timeoutMs?: number; targetName?: string } = {},
): Promise<Buffer> {
  const where: ConnectWhere = { host, port, user: '', targetName: options.targetName ?? host };
  return new Promise((resolve, reject) => {
    const client = new Client();
    let key: Buffer | undefined;
    let settled = false;
    const settle = (err?: TransportError) => {
      if (settled) return;
      settled = true;
      client.destroy();
      if (key) resolve(key);
      else reject(err ?? droppedError(where, 'closed before the host key arrived'));
    };
    client.on('error', (err: Error) => settle(connectError(err, where)));
    client.on('close', () => settle());
    try {
      client.connect({
        host,
        port,
        username: 'oms-chatops-keyscan',
        readyTimeout: options.timeoutMs ?? 10_000,
        hostVerifier: (blob: Buffer) => {
          key = Buffer.from(blob);
          // Refusing the key ends the handshake before any authentication.
          return false;
        },
      });
    } catch (err) {
      settle(connectError(err as Error, where));
    }
  });
}
