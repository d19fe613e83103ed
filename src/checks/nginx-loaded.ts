/**
 * The configuration nginx loaded, from `nginx -T`: each file follows a
 * `# configuration file PATH:` line, in the order nginx opened them. `include`
 * directives are expanded in place (glob patterns matched against the dumped
 * files), so server blocks come out in the order nginx reads them, which decides
 * the default server of a listen socket. Pure; bounded on hostile input.
 */
import { parseNginxConf, type NginxConf, type NginxDirective } from './nginx-conf.js';
import { splitHostPort } from './nginx-locations.js';

const MARKER = /^# configuration file (\/[^\n]{0,1000}?):\s*$/;
const MAX_FILES = 500;
const MAX_SERVERS = 2000;

export interface LoadedFile {
  path: string;
  conf: NginxConf;
  lines: string[];
}

/** One `listen` of a server block: the socket it names and whether it is that socket's default. */
export interface Listen {
  /** `*:80`, `127.0.0.1:8080`, `[::]:80`, `unix:/run/x.sock`. */
  socket: string;
  port: number;
  defaultServer: boolean;
  line: number;
}

export interface LoadedServer {
  file: string;
  directive: NginxDirective;
  listens: Listen[];
  names: string[];
  /** Position in the order nginx reads server blocks. */
  order: number;
  /** `proxy_set_header` directives of the enclosing `http` block (inherited when the server sets none). */
  httpHeaders: NginxDirective[];
}

/** Split `nginx -T` output into its files (text before the first marker is nginx's own messages). */
export function splitDump(text: string): LoadedFile[] {
  const files: { path: string; lines: string[] }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    const m = line.length <= 1100 ? MARKER.exec(line) : null;
    if (m && files.length < MAX_FILES) files.push({ path: m[1]!, lines: [] });
    else files.at(-1)?.lines.push(line);
  }
  return files.map((f) => ({ path: f.path, conf: parseNginxConf(f.lines.join('\n')), lines: f.lines }));
}

/**
 * An nginx include pattern (`*`, `?`, `[…]`) as a regular expression over absolute paths.
 * Runs of `*` collapse to one and a pattern with more than 8 wildcards matches nothing:
 * `[^/]*` repeated would backtrack exponentially on a hostile pattern.
 */
function globRegex(raw: string): RegExp {
  const pattern = raw.slice(0, 500).replace(/\*{2,}/g, '*');
  if ((pattern.match(/\*/g)?.length ?? 0) > 8) return /$^/;
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) src += '\\[';
      else {
        src += `[${pattern
          .slice(i + 1, close)
          .replace(/[\\\]^]/g, '\\$&')
          .replace(/^!/, '^')}]`;
        i = close;
      }
    } else src += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`);
}

function resolveInclude(arg: string, mainDir: string): string {
  return arg.startsWith('/') ? arg : `${mainDir}/${arg}`.replace(/\/{2,}/g, '/');
}

function normalizeSocket(arg: string, fallbackPort: number): { socket: string; port: number } {
  if (arg.startsWith('unix:')) return { socket: arg, port: -1 };
  if (/^\d+$/.test(arg)) return { socket: `*:${arg}`, port: Number(arg) };
  const { host, port } = splitHostPort(arg, fallbackPort);
  const h = host === '' || host === '*' || host === '0.0.0.0' ? '*' : host === 'localhost' ? '127.0.0.1' : host;
  return { socket: `${h.includes(':') ? `[${h}]` : h}:${port}`, port };
}

function listensOf(server: NginxDirective): Listen[] {
  const ls = (server.block ?? []).filter((d) => d.name === 'listen');
  if (ls.length === 0) return [{ socket: '*:80', port: 80, defaultServer: false, line: server.line }];
  return ls.map((d) => ({
    ...normalizeSocket(d.args[0] ?? '', 80),
    defaultServer: d.args.slice(1).some((a) => a === 'default_server' || a === 'default'),
    line: d.line,
  }));
}

/**
 * Every `server` block of the loaded configuration, in the order nginx reads them.
 * `includes` are expanded from the first dumped file (nginx.conf); files never
 * included (a dump of something else) follow in dump order.
 */
export function loadedServers(files: readonly LoadedFile[]): LoadedServer[] {
  const out: LoadedServer[] = [];
  if (files.length === 0) return out;
  const mainDir = files[0]!.path.replace(/\/[^/]*$/, '') || '/';
  const visited = new Set<string>();
  const walk = (file: LoadedFile, list: readonly NginxDirective[], httpHeaders: NginxDirective[], depth: number) => {
    for (const d of list) {
      if (out.length >= MAX_SERVERS) return;
      if (d.name === 'include' && d.args[0] && depth < 16) {
        const re = globRegex(resolveInclude(d.args[0], mainDir));
        for (const f of files) {
          if (visited.has(f.path) || !re.test(f.path)) continue;
          visited.add(f.path);
          walk(f, f.conf.directives, httpHeaders, depth + 1);
        }
      } else if (d.name === 'http' && d.block) {
        walk(
          file,
          d.block,
          d.block.filter((x) => x.name === 'proxy_set_header'),
          depth,
        );
      } else if (d.name === 'server' && d.block && d.args.length === 0) {
        const names = (d.block ?? []).filter((x) => x.name === 'server_name').flatMap((x) => x.args);
        out.push({ file: file.path, directive: d, listens: listensOf(d), names, order: out.length, httpHeaders });
      }
    }
  };
  for (const f of files) {
    if (visited.has(f.path)) continue;
    visited.add(f.path);
    walk(f, f.conf.directives, [], 0);
  }
  return out;
}

/** Does `server_name` entry `name` match `host` (exact, `*.x`/`.x`, `x.*`, or `~regex`)? */
export function nameMatches(name: string, host: string): boolean {
  const n = name.toLowerCase();
  const h = host.toLowerCase();
  if (n.startsWith('~')) {
    if (n.length > 300) return false;
    try {
      return new RegExp(name.slice(1), 'i').test(host);
    } catch {
      return false;
    }
  }
  if (n.startsWith('*.')) return h.endsWith(n.slice(1));
  if (n.startsWith('.')) return h === n.slice(1) || h.endsWith(n);
  if (n.endsWith('.*')) return h.startsWith(n.slice(0, -1));
  return n === h;
}

/**
 * The server nginx picks for a request with `host` on `socket`: a name match
 * (exact first, then wildcards, then regexes in order), else the socket's
 * `default_server`, else the first server listening there.
 */
export function serverFor(servers: readonly LoadedServer[], socket: string, host: string): LoadedServer | undefined {
  const group = servers.filter((s) => s.listens.some((l) => l.socket === socket));
  const exact = group.find((s) => s.names.some((n) => n.toLowerCase() === host.toLowerCase()));
  if (exact) return exact;
  const wild = group.find((s) => s.names.some((n) => !n.startsWith('~') && nameMatches(n, host)));
  if (wild) return wild;
  const regex = group.find((s) => s.names.some((n) => n.startsWith('~') && nameMatches(n, host)));
  if (regex) return regex;
  return group.find((s) => s.listens.some((l) => l.socket === socket && l.defaultServer)) ?? group[0];
}
