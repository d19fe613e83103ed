/**
 * How nginx routes a request through a parsed site config (nginx-conf.ts):
 * which `location` wins (exact, then the longest prefix, `^~` stopping regex
 * search, then regular expressions in file order), what `proxy_pass` sends
 * upstream, and which file a static location serves.
 */
import { child, type NginxDirective } from './nginx-conf.js';

export type LocationModifier = '' | '=' | '^~' | '~' | '~*' | '@';

export interface NginxLocation {
  modifier: LocationModifier;
  path: string;
  directive: NginxDirective;
}

/** The `location` blocks directly inside a server block, with their modifiers. */
export function locationsOf(server: NginxDirective): NginxLocation[] {
  const out: NginxLocation[] = [];
  for (const d of server.block ?? []) {
    if (d.name !== 'location' || !d.block) continue;
    const loc = readLocation(d);
    if (loc) out.push(loc);
  }
  return out;
}

function readLocation(d: NginxDirective): NginxLocation | undefined {
  const [a, b] = d.args;
  if (a === undefined) return undefined;
  if (b !== undefined && ['=', '^~', '~', '~*'].includes(a))
    return { modifier: a as LocationModifier, path: b, directive: d };
  if (a.startsWith('@')) return { modifier: '@', path: a, directive: d };
  for (const m of ['~*', '^~', '~', '='] as const)
    if (a.startsWith(m) && a.length > m.length) return { modifier: m, path: a.slice(m.length), directive: d };
  return { modifier: '', path: a, directive: d };
}

function regexMatches(loc: NginxLocation, uri: string): boolean {
  if (loc.path.length > 500) return false;
  try {
    return new RegExp(loc.path, loc.modifier === '~*' ? 'i' : '').test(uri);
  } catch {
    return false;
  }
}

/**
 * The location nginx uses for `uri`: an exact `=` match; else the longest
 * matching prefix, unless a regex (tried in file order) matches and that prefix
 * is not `^~`. The order of prefix locations never matters.
 */
export function matchLocation(locations: readonly NginxLocation[], uri: string): NginxLocation | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.path === uri);
  if (exact) return exact;
  let best: NginxLocation | undefined;
  for (const l of locations) {
    if (
      (l.modifier === '' || l.modifier === '^~') &&
      uri.startsWith(l.path) &&
      (!best || l.path.length > best.path.length)
    )
      best = l;
  }
  if (best?.modifier === '^~') return best;
  const regex = locations.find((l) => (l.modifier === '~' || l.modifier === '~*') && regexMatches(l, uri));
  return regex ?? best;
}

export interface ProxyPass {
  raw: string;
  scheme: string;
  /** `name` or `host:port` (for `unix:` sockets, the socket path). */
  hostPort: string;
  unix: boolean;
  /** The URI part after the host (`/` for a trailing slash), or `undefined` when there is none. */
  uri: string | undefined;
  hasVariables: boolean;
}

/** Read a `proxy_pass` argument. */
export function parseProxyPass(raw: string): ProxyPass | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  const rest = m[2]!;
  const hasVariables = raw.includes('$');
  if (rest.toLowerCase().startsWith('unix:')) {
    const sock = rest.slice(5);
    const colon = sock.indexOf(':');
    return {
      raw,
      scheme,
      hostPort: colon === -1 ? sock : sock.slice(0, colon),
      unix: true,
      uri: colon === -1 ? undefined : sock.slice(colon + 1) || undefined,
      hasVariables,
    };
  }
  const slash = rest.indexOf('/');
  return {
    raw,
    scheme,
    hostPort: slash === -1 ? rest : rest.slice(0, slash),
    unix: false,
    uri: slash === -1 ? undefined : rest.slice(slash),
    hasVariables,
  };
}

/**
 * The path the backend receives for `uri` through a prefix location's
 * `proxy_pass`: with a URI part, nginx replaces the matched prefix with it.
 * `undefined` when it cannot be known (variables, regex locations).
 */
export function proxiedPath(loc: NginxLocation, pass: ProxyPass, uri: string): string | undefined {
  if (pass.hasVariables) return undefined;
  if (pass.uri === undefined) return uri;
  if (loc.modifier !== '' && loc.modifier !== '^~') return undefined;
  return pass.uri + uri.slice(loc.path.length);
}

/** Split `host:port` / `[v6]:port` / `host`; the port defaults to `fallback`. */
export function splitHostPort(hostPort: string, fallback: number): { host: string; port: number } {
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(hostPort);
  if (v6) return { host: v6[1]!.toLowerCase(), port: v6[2] ? Number(v6[2]) : fallback };
  const idx = hostPort.lastIndexOf(':');
  if (idx !== -1 && /^\d+$/.test(hostPort.slice(idx + 1)))
    return { host: hostPort.slice(0, idx).toLowerCase(), port: Number(hostPort.slice(idx + 1)) };
  return { host: hostPort.toLowerCase(), port: fallback };
}

/** Names of this machine's loopback interface, all equivalent for a bind address. */
export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function trimSlash(s: string): string {
  return s.replace(/\/+$/, '');
}

/** A literal IPv4 or IPv6 address (not a name to resolve). */
export function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/**
 * Does an upstream/proxy address reach backendBind? Loopback names are equivalent;
 * a wildcard bind accepts any local address.
 */
export function sameBind(addr: string, bind: string): boolean {
  if (addr.startsWith('unix:')) return false;
  const a = splitHostPort(addr, 80);
  const b = splitHostPort(bind, 80);
  if (a.port !== b.port) return false;
  if (a.host === b.host || b.host === '0.0.0.0' || b.host === '::') return true;
  return LOOPBACK.has(a.host) && LOOPBACK.has(b.host);
}

/** The file a static location serves for `uri` (`alias` replaces the prefix, `root` is prepended). */
export function servedFile(loc: NginxLocation, uri: string): string | undefined {
  const alias = child(loc.directive.block, 'alias')?.args[0];
  if (alias !== undefined && (loc.modifier === '' || loc.modifier === '^~'))
    return (alias + uri.slice(loc.path.length)).replace(/\/{2,}/g, '/');
  const root = child(loc.directive.block, 'root')?.args[0];
  if (root !== undefined) return `${trimSlash(root)}${uri}`.replace(/\/{2,}/g, '/');
  return undefined;
}
