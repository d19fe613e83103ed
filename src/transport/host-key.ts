/**
 * Host key pinning, without I/O: fingerprints as `ssh-keygen -lf` prints them,
 * known_hosts parsing (plain, hashed `|1|salt|hash`, `[host]:port`, comma lists,
 * markers) and the verdict for a presented key. There is no "trust on first use":
 * a key that is not pinned is refused.
 */
import { createHash, createHmac } from 'node:crypto';

/** `SHA256:` + unpadded base64 of the SHA-256 of the key blob. */
export function fingerprint(keyBlob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '');
}

/** The algorithm name at the start of an SSH public key blob (`ssh-ed25519`, `ssh-rsa`, …). */
export function keyType(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const len = keyBlob.readUInt32BE(0);
  if (len <= 0 || len > 64 || 4 + len > keyBlob.length) return 'unknown';
  return keyBlob.subarray(4, 4 + len).toString('latin1');
}

export interface KnownHostsEntry {
  /** `@revoked` or `@cert-authority` when the line starts with a marker. */
  marker?: string;
  /** The host field as written: comma list, hashed entry, patterns. */
  hosts: string;
  keyType: string;
  keyBlob: Buffer;
  line: number;
}

/** Parse known_hosts text; comments, blank and malformed lines are skipped. */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: string | undefined;
    if (fields[0]?.startsWith('@')) marker = fields.shift();
    const [hosts, type, b64] = fields;
    if (!hosts || !type || !b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) return;
    const keyBlob = Buffer.from(b64, 'base64');
    if (keyBlob.length === 0) return;
    entries.push({ ...(marker ? { marker } : {}), hosts, keyType: type, keyBlob, line: i + 1 });
  });
  return entries;
}

/** How known_hosts names a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globMatch(pattern: string, name: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 'i').test(name);
}

function hashedMatch(entry: string, name: string): boolean {
  const [, magic, salt, hash] = entry.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return mac === hash;
}

/** True when a known_hosts host field names `host` on `port` (negated patterns win). */
export function hostFieldMatches(field: string, host: string, port: number): boolean {
  const name = knownHostsName(host, port);
  let matched = false;
  for (const pattern of field.split(',')) {
    if (pattern === '') continue;
    const negated = pattern.startsWith('!');
    const p = negated ? pattern.slice(1) : pattern;
    const hit = p.startsWith('|') ? hashedMatch(p, name) : globMatch(p, name);
    if (hit && negated) return false;
    if (hit) matched = true;
  }
  return matched;
}

/** Where the pin comes from. */
export interface HostKeyPin {
  host: string;
  port: number;
  /** `SHA256:…` from the target config. */
  hostKey?: string;
  /** Contents of the known_hosts file named in the target config. */
  knownHostsText?: string;
}

export type HostKeyVerdict =
  | { ok: true; presented: string; keyType: string }
  | {
      ok: false;
      code: 'host_key_unknown' | 'host_key_mismatch';
      presented: string;
      keyType: string;
      expected: string[];
      revoked?: boolean;
    };

function normalise(fp: string): string {
  return fp.replace(/=+$/, '');
}

/** The verdict on a presented host key blob. */
export function verifyHostKey(pin: HostKeyPin, keyBlob: Buffer): HostKeyVerdict {
  const presented = fingerprint(keyBlob);
  const type = keyType(keyBlob);
  const entries = pin.knownHostsText ? parseKnownHosts(pin.knownHostsText) : [];
  const forHost = entries.filter((e) => hostFieldMatches(e.hosts, pin.host, pin.port));
  const revoked = entries.some((e) => e.marker === '@revoked' && e.keyBlob.equals(keyBlob));
  if (revoked) return { ok: false, code: 'host_key_mismatch', presented, keyType: type, expected: [], revoked: true };

  if (pin.hostKey) {
    const expected = normalise(pin.hostKey);
    return expected === presented
      ? { ok: true, presented, keyType: type }
      : { ok: false, code: 'host_key_mismatch', presented, keyType: type, expected: [expected] };
  }
  // Certificate authorities are not supported: such lines pin nothing.
  const plain = forHost.filter((e) => e.marker === undefined);
  if (plain.length === 0) return { ok: false, code: 'host_key_unknown', presented, keyType: type, expected: [] };
  if (plain.some((e) => e.keyBlob.equals(keyBlob))) return { ok: true, presented, keyType: type };
  return {
    ok: false,
    code: 'host_key_mismatch',
    presented,
    keyType: type,
    expected: plain.map((e) => fingerprint(e.keyBlob)),
  };
}

/** Host key algorithms to offer so the server presents a key type that known_hosts pins. */
export function pinnedKeyAlgorithms(pin: HostKeyPin): string[] | undefined {
  if (pin.hostKey || !pin.knownHostsText) return undefined;
  const types = new Set(
    parseKnownHosts(pin.knownHostsText)
      .filter((e) => e.marker === undefined && hostFieldMatches(e.hosts, pin.host, pin.port))
      .map((e) => e.keyType),
  );
  if (types.size === 0) return undefined;
  const order = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-rsa'];
  const algos: string[] = [];
  for (const t of order) {
    if (!types.has(t)) continue;
    if (t === 'ssh-rsa') algos.push('rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa');
    else algos.push(t);
  }
  return algos.length > 0 ? algos : undefined;
}

/** The message and hint for a refused host key. */
export function describeHostKeyRefusal(
  verdict: Extract<HostKeyVerdict, { ok: false }>,
  where: { host: string; port: number; targetName: string },
): { message: string; hint: string } {
  const at = `${where.host}:${where.port}`;
  const keyFileType = verdict.keyType.replace(/^ssh-/, '').replace(/^ecdsa-.*/, 'ecdsa');
  const pinHow =
    `check the fingerprint on the server (\`ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub\`), then pin it: ` +
    `add \`hostKey: "${verdict.presented}"\` to target "${where.targetName}" in the config, ` +
    `or run \`oms-chatops keyscan ${where.targetName}\`.`;
  if (verdict.code === 'host_key_unknown') {
    return {
      message:
        `The host key of ${at} is not pinned, so the bot will not log in. ` +
        `The server presented ${verdict.keyType} ${verdict.presented}.`,
      hint: `If that is the server's key, ${pinHow}`,
    };
  }
  if (verdict.revoked) {
    return {
      message:
        `The host key of ${at} (${verdict.keyType} ${verdict.presented}) is marked @revoked in known_hosts; ` +
        'refusing to connect.',
      hint: 'Find out why the key was revoked; give the server a new host key and pin that one.',
    };
  }
  return {
    message:
      `The host key of ${at} has CHANGED: the server presented ${verdict.keyType} ${verdict.presented}, ` +
      `but ${verdict.expected.join(' or ')} is pinned. This is what a man-in-the-middle looks like; ` +
      'it is also what a reinstalled server looks like, ' +
      `or a pin taken from another of the server's keys (it has one per type: ${verdict.keyType} was offered).`,
    hint:
      `Do not connect until you know why. Compare with \`ssh-keygen -lf /etc/ssh/ssh_host_${keyFileType}_key.pub\` ` +
      `on the server. If the server was reinstalled, its keys regenerated, or you pinned another key type, ${pinHow}`,
  };
}
