/**
 * The format of CORS origins and ALLOWED_HOSTS entries, as django-cors-headers
 * and Django compare them: a browser's `Origin` is `scheme://host[:port]` with
 * no path and no default port, compared literally; ALLOWED_HOSTS holds host
 * names (no scheme, no port, no path). An entry that names the public host in
 * another form never matches it. Pure; used by backend-env.
 */

/** Why an origin entry cannot equal a browser's `Origin` header. */
export type OriginFault = 'no-scheme' | 'path' | 'default-port' | 'other-port';

export interface OriginEntry {
  entry: string;
  fault: OriginFault;
  /** The entry names the public host (so it was meant to allow the front end). */
  public: boolean;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** `host[:port]` → lower-case host and port ('' when none); IPv6 in brackets stays bracketed. */
function hostPort(netloc: string): { host: string; port: string } {
  const at = netloc.lastIndexOf('@');
  const hp = at === -1 ? netloc : netloc.slice(at + 1);
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hp);
  return m ? { host: m[1]!.toLowerCase().replace(/\.$/, ''), port: m[2] ?? '' } : { host: hp.toLowerCase(), port: '' };
}

/**
 * The public origin's parts, from a URL such as `http://172.29.91.61:8080/`.
 * `host` is bracketed for IPv6, as in an Origin header.
 */
export function originParts(publicUrl: string): { scheme: string; host: string; port: string } {
  const u = new URL(publicUrl);
  const scheme = u.protocol.replace(/:$/, '');
  return { scheme, host: u.hostname.toLowerCase(), port: u.port || DEFAULT_PORT[scheme] || '' };
}

/**
 * Faults of CORS origin entries (at most `max`): a missing scheme (django-cors-headers
 * system check E013), a path, query or trailing slash (E014), a default port written
 * out, or the public host with another port or scheme than the public URL.
 */
export function originFaults(entries: readonly string[], publicUrl: string, max = 20): OriginEntry[] {
  const pub = originParts(publicUrl);
  const out: OriginEntry[] = [];
  for (const raw of entries) {
    if (out.length >= max) break;
    const entry = raw.slice(0, 300);
    if (entry === 'null' || entry === '*') continue;
    const m = SCHEME.exec(entry);
    if (!m) {
      const { host } = hostPort(entry.split(/[/?#]/, 1)[0]!);
      out.push({ entry, fault: 'no-scheme', public: host === pub.host });
      continue;
    }
    const scheme = m[1]!.toLowerCase();
    const { host, port } = hostPort(m[2]!);
    const isPublic = host === pub.host;
    if (m[3] !== '') out.push({ entry, fault: 'path', public: isPublic });
    else if (port !== '' && port === DEFAULT_PORT[scheme]) out.push({ entry, fault: 'default-port', public: isPublic });
    else if (isPublic && (scheme !== pub.scheme || (port || DEFAULT_PORT[scheme] || '') !== pub.port))
      out.push({ entry, fault: 'other-port', public: true });
  }
  return out;
}

/** ALLOWED_HOSTS entries written as a URL or with a port or path: Django compares host names only. */
export function hostFaults(
  entries: readonly string[],
  publicHost: string,
  max = 20,
): { entry: string; public: boolean }[] {
  const out: { entry: string; public: boolean }[] = [];
  const pub = publicHost.toLowerCase();
  for (const raw of entries) {
    if (out.length >= max) break;
    const entry = raw.slice(0, 300);
    const m = SCHEME.exec(entry);
    const rest = m ? m[2]! : entry;
    const bare = rest.split(/[/?#]/, 1)[0]!;
    const hasPath = m ? m[3] !== '' : bare.length !== rest.length;
    const { host, port } = hostPort(bare);
    const ipv6Bare = !m && !bare.startsWith('[') && (bare.match(/:/g)?.length ?? 0) > 1;
    if (ipv6Bare) continue;
    if (m || hasPath || port !== '') out.push({ entry, public: host === pub || `[${pub}]` === host });
  }
  return out;
}

const FAULT_TEXT: Record<OriginFault, string> = {
  'no-scheme': 'no scheme (http://)',
  path: 'a path or trailing slash',
  'default-port': 'the default port written out',
  'other-port': 'another port or scheme than the public URL',
};

/** `entry (what is wrong)` for a report line. */
export function describeOriginFault(f: OriginEntry): string {
  return `${f.entry} (${FAULT_TEXT[f.fault]})`;
}
