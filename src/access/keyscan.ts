/**
 * `oms-chatops keyscan <target>`: fetch the server's host key without logging
 * in, and show how to pin it. The operator compares the fingerprint with
 * `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the server before pinning.
 */
import type { Target } from '../config/target.js';
import { fingerprint, keyType, knownHostsName } from '../transport/host-key.js';
import { fetchHostKey } from '../transport/ssh/index.js';

export interface KeyscanResult {
  keyType: string;
  fingerprint: string;
  /** A line for a known_hosts file. */
  knownHostsLine: string;
  /** What to put into the target config. */
  configLine: string;
}

/** Describe a host key blob the way keyscan reports it. */
export function describeHostKey(host: string, port: number, blob: Buffer): KeyscanResult {
  const fp = fingerprint(blob);
  const type = keyType(blob);
  return {
    keyType: type,
    fingerprint: fp,
    knownHostsLine: `${knownHostsName(host, port)} ${type} ${blob.toString('base64')}`,
    configLine: `hostKey: "${fp}"`,
  };
}

/** Connect to the target only far enough to read its host key. Rejects with a TransportError when unreachable. */
export async function keyscan(
  target: Pick<Target, 'name' | 'host' | 'port'>,
  options: { timeoutMs?: number } = {},
): Promise<KeyscanResult> {
  const blob = await fetchHostKey(target.host, target.port, { ...options, targetName: target.name });
  return describeHostKey(target.host, target.port, blob);
}

/** The text the CLI prints. */
export function formatKeyscan(target: Pick<Target, 'name' | 'host' | 'port'>, r: KeyscanResult): string {
  const keyFileType = r.keyType.replace(/^ssh-|-sha2-nistp\d+$/g, '');
  return [
    `${target.host}:${target.port} presented ${r.keyType} ${r.fingerprint}`,
    `Compare it with \`ssh-keygen -lf /etc/ssh/ssh_host_${keyFileType}_key.pub\` on the server, ` +
      `then add to target "${target.name}":`,
    `  ${r.configLine}`,
    `or append to its known_hosts file:`,
    `  ${r.knownHostsLine}`,
  ].join('\n');
}
