/**
 * Reading `nginx -T`: the whole configuration as nginx loaded it, each file
 * after a `# configuration file PATH:` line. Finds the server block that
 * proxies to the backend's bind and what it says about the layout. Pure.
 */
import { child, findAll, serverBlocks, type NginxDirective } from '../checks/nginx-conf.js';
import {
  locationsOf,
  matchLocation,
  parseProxyPass,
  splitHostPort,
  type NginxLocation,
} from '../checks/nginx-locations.js';
import { splitDump, type LoadedFile } from '../checks/nginx-loaded.js';

/** One file of the dump (src/checks/nginx-loaded.ts splits it, for the nginx-servers check too). */
export type DumpFile = Pick<LoadedFile, 'path' | 'conf'>;

/** Split `nginx -T` stdout into its files (text before the first marker is ignored). */
export function splitNginxDump(text: string): DumpFile[] {
  return splitDump(text);
}

/** A value and the file:line it came from. */
export interface At<T = string> {
  value: T;
  file: string;
  line: number;
}

export interface BackendSite {
  file: string;
  serverLine: number;
  listen?: At;
  serverNames: string[];
  upstream?: At<{ name: string; servers: string[] }>;
  staticDir?: At;
  mediaDir?: At;
  frontendRoot?: At;
  errorLogs: At[];
}

export type SiteResult =
  | { kind: 'found'; site: BackendSite }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: { file: string; line: number }[] };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Does `addr` (an upstream server or proxy_pass host:port) reach `bind`? */
export function reachesBind(addr: string, bind: string): boolean {
  if (addr.startsWith('unix:') || bind.startsWith('unix:')) return addr === bind;
  const a = splitHostPort(addr, 80);
  const b = splitHostPort(bind, 80);
  if (a.port !== b.port) return false;
  if (a.host === b.host || b.host === '0.0.0.0' || b.host === '::') return true;
  return LOOPBACK.has(a.host) && LOOPBACK.has(b.host);
}

/** The server block(s) whose `proxy_pass` reaches the backend at `bind`, directly or through an upstream. */
export function findBackendSite(files: readonly DumpFile[], bind: string): SiteResult {
  const upstreams = new Map<string, { d: NginxDirective; file: string }>();
  for (const f of files)
    for (const d of findAll(f.conf.directives, 'upstream'))
      if (d.block && d.args[0] && !upstreams.has(d.args[0])) upstreams.set(d.args[0], { d, file: f.path });
  const hits: { file: string; server: NginxDirective; upstream?: string }[] = [];
  for (const f of files) {
    for (const server of serverBlocks(f.conf)) {
      let matched = false;
      let upstream: string | undefined;
      for (const pp of findAll(server.block ?? [], 'proxy_pass')) {
        const pass = parseProxyPass(pp.args[0] ?? '');
        if (!pass || pass.hasVariables) continue;
        const up = upstreams.get(pass.hostPort);
        const servers = up ? upstreamServers(up.d) : [pass.unix ? `unix:${pass.hostPort}` : pass.hostPort];
        if (servers.some((s) => reachesBind(s, bind))) {
          matched = true;
          if (up) upstream = pass.hostPort;
        }
      }
      if (matched) hits.push({ file: f.path, server, upstream });
    }
  }
  if (hits.length === 0) return { kind: 'none' };
  if (hits.length > 1)
    return { kind: 'ambiguous', candidates: hits.map((h) => ({ file: h.file, line: h.server.line })) };
  const hit = hits[0]!;
  const up = hit.upstream ? upstreams.get(hit.upstream) : undefined;
  const at = <T>(value: T, d: NginxDirective, file = hit.file): At<T> => ({ value, file, line: d.line });
  const listenD = child(hit.server.block, 'listen');
  const nameD = child(hit.server.block, 'server_name');
  const locs = locationsOf(hit.server);
  const site: BackendSite = {
    file: hit.file,
    serverLine: hit.server.line,
    listen: listenD ? at(listenD.args[0] ?? '', listenD) : undefined,
    serverNames: nameD ? nameD.args.slice(0, 20) : [],
    upstream:
      up && hit.upstream ? at({ name: hit.upstream, servers: upstreamServers(up.d) }, up.d, up.file) : undefined,
    staticDir: servedDir(locs, '/static', hit.file),
    mediaDir: servedDir(locs, '/media', hit.file),
    frontendRoot: frontRoot(hit.server, locs, hit.file),
    errorLogs: errorLogs(files, hit.server, hit.file),
  };
  return { kind: 'found', site };
}

function upstreamServers(d: NginxDirective): string[] {
  return (d.block ?? []).filter((s) => s.name === 'server' && s.args[0]).map((s) => s.args[0]!);
}

function trimSlash(s: string): string {
  return s.length > 1 ? s.replace(/\/+$/, '') : s;
}

/** The directory nginx serves `prefix/…` from (`alias` replaces the prefix, `root` is prepended). */
function servedDir(locs: readonly NginxLocation[], prefix: string, file: string): At | undefined {
  const loc = matchLocation(locs, `${prefix}/probe`);
  if (!loc || child(loc.directive.block, 'proxy_pass')) return undefined;
  const alias = child(loc.directive.block, 'alias');
  if (alias?.args[0] && (loc.modifier === '' || loc.modifier === '^~')) {
    const rest = `${prefix}/`.slice(loc.path.length);
    const dir = `${alias.args[0]}/${rest}`.replace(/\/{2,}/g, '/');
    return { value: trimSlash(dir), file, line: alias.line };
  }
  const root = child(loc.directive.block, 'root');
  if (root?.args[0]) return { value: trimSlash(`${trimSlash(root.args[0])}${prefix}`), file, line: root.line };
  return undefined;
}

/** The front end's `root`: in `location /`, else at server level. */
function frontRoot(server: NginxDirective, locs: readonly NginxLocation[], file: string): At | undefined {
  const slash = locs.find((l) => l.modifier === '' && l.path === '/');
  const d = child(slash?.directive.block, 'root') ?? child(server.block, 'root');
  return d?.args[0] ? { value: trimSlash(d.args[0]), file, line: d.line } : undefined;
}

/** File-backed `error_log`s: the site's own, and the ones outside any server block (main and http). */
function errorLogs(files: readonly DumpFile[], server: NginxDirective, siteFile: string): At[] {
  const out: At[] = [];
  const add = (d: NginxDirective, file: string) => {
    const v = d.args[0];
    if (!v || !v.startsWith('/') || out.some((o) => o.value === v)) return;
    out.push({ value: v, file, line: d.line });
  };
  for (const d of findAll(server.block ?? [], 'error_log')) add(d, siteFile);
  for (const f of files) {
    for (const d of f.conf.directives) {
      if (d.name === 'error_log') add(d, f.path);
      if (d.name === 'http') for (const h of d.block ?? []) if (h.name === 'error_log') add(h, f.path);
    }
  }
  return out.slice(0, 10);
}

/** `listen` argument → the address the bot probes on the server (`80` → `127.0.0.1:80`). */
export function probeAddress(listen: string): string | undefined {
  if (listen.startsWith('unix:')) return undefined;
  if (/^\d+$/.test(listen)) return `127.0.0.1:${listen}`;
  const { host, port } = splitHostPort(listen, 80);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  if (host === '*' || host === '0.0.0.0' || host === '::' || host === '' || host === 'localhost')
    return `127.0.0.1:${port}`;
  if (/^[0-9.]+$/.test(host)) return `${host}:${port}`;
  if (host.includes(':')) return `[${host}]:${port}`;
  return undefined;
}
