/**
 * Plain-language TransportErrors for the ways an SSH connection fails. Pure:
 * takes the error ssh2 or the socket reported, returns what to tell the operator.
 */
import { TransportError } from '../transport.js';

export interface ConnectWhere {
  host: string;
  port: number;
  user: string;
  targetName: string;
}

interface SystemishError {
  message: string;
  code?: string | number;
  level?: string;
}

/** Map a connect-time failure (socket, DNS, handshake, auth) to a TransportError. */
export function connectError(err: SystemishError, where: ConnectWhere): TransportError {
  const at = `${where.host}:${where.port}`;
  const code = typeof err.code === 'string' ? err.code : '';
  if (code === 'ECONNREFUSED') {
    return new TransportError(
      'connect_refused',
      `Nothing answers on ${at} (connection refused).`,
      'Is sshd running and the port right? ' +
        `On the server: \`systemctl status sshd\`, \`ss -tlnp | grep :${where.port}\`; check the firewall too.`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || err.level === 'client-dns') {
    return new TransportError(
      'dns',
      `The host name "${where.host}" does not resolve.`,
      `Check the spelling of host in target "${where.targetName}", or use the server's IP address.`,
    );
  }
  if (
    code === 'ETIMEDOUT' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    err.level === 'client-timeout' ||
    /Timed out while waiting for handshake/.test(err.message)
  ) {
    return new TransportError(
      'connect_timeout',
      `No answer from ${at} in time (${code || err.message}).`,
      'Is the server up and reachable from here (VPN, firewall, security group)? Try `ssh -v` from this machine.',
    );
  }
  if (/All configured authentication methods failed/.test(err.message)) {
    return new TransportError(
      'auth_failed',
      `${at} refused the login of "${where.user}" with the configured key.`,
      `Add the bot's public key to ~${where.user}/.ssh/authorized_keys on the server ` +
        '(check the user name, and that the account exists and is not locked); ' +
        "the server's auth log (journalctl -u sshd) says why.",
    );
  }
  return new TransportError(
    'disconnected',
    `The SSH connection to ${at} failed: ${err.message}.`,
    "Try again; if it keeps failing, look at the server's sshd log (journalctl -u sshd).",
  );
}

/** The host accepted the TCP connection but never completed the SSH handshake (a hung host or a tarpit). */
export function handshakeTimeoutError(where: ConnectWhere, ms: number): TransportError {
  return new TransportError(
    'connect_timeout',
    `${where.host}:${where.port} accepted the connection but did not answer the SSH handshake ` +
      `within ${(ms / 1000).toFixed(1)} s (hung sshd, or not an SSH server on that port).`,
    'Check the port in the target config, and on the server: `systemctl status sshd`, load and memory ' +
      '(`uptime`, `free -m`); try `ssh -v` from this machine.',
  );
}

/** The connection went away while a command was running. */
export function droppedError(where: ConnectWhere, detail?: string): TransportError {
  return new TransportError(
    'disconnected',
    `The SSH connection to ${where.host}:${where.port} dropped while the command ran` +
      `${detail ? ` (${detail})` : ''}; its result is unknown.`,
    'The bot reconnects on the next command. If the server rebooted or sshd restarted, run the check again.',
  );
}

/** Key file problems, found before connecting. */
export function keyUnreadableError(path: string, reason: string): TransportError {
  return new TransportError(
    'key_unreadable',
    `The private key ${path} cannot be used: ${reason}.`,
    'Check privateKey in the target config: the file must exist, be readable by the bot, ' +
      'and hold an OpenSSH-format private key (ed25519 or RSA).',
  );
}

export function keyPassphraseError(path: string, given: boolean): TransportError {
  return new TransportError(
    'key_passphrase',
    given
      ? `The passphrase in OMS_CHATOPS_KEY_PASSPHRASE does not open the private key ${path}.`
      : `The private key ${path} is encrypted and OMS_CHATOPS_KEY_PASSPHRASE is not set.`,
    "Set OMS_CHATOPS_KEY_PASSPHRASE to the key's passphrase (check it with `ssh-keygen -y -f <key>`), " +
      'or use ssh-agent (agent: true).',
  );
}
