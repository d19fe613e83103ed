import type { Target } from '../config/target.js';
import { publicHost, targetPaths } from '../config/target.js';
import { redact } from '../redact.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import { child, findAll, type NginxDirective } from './nginx-conf.js';
import { loadedServers, serverFor, splitDump, type LoadedFile, type LoadedServer } from './nginx-loaded.js';
import { locationsOf, matchLocation, parseProxyPass, splitHostPort } from './nginx-locations.js';
import { blockLines } from './nginx-site-evidence.js';
import { clip, commandProblem, excerpt } from './output.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

/** The routes whose Host header Django checks against ALLOWED_HOSTS. */
const ROUTES = ['/api/auth/login/', '/admin/'];

/**
 * nginx beyond the OMS site file, from the configuration it loaded (`nginx -T`, the same
 * sudo rule as layout discovery): another `server` that takes the OMS requests first
 * (a `default_server`, a default site listed earlier, a matching `server_name`), the OMS
 * site not loaded at all, and `/api` or `/admin` proxied without `proxy_set_header Host`.
 */
export const nginxServers = defineCheck({
  id: 'nginx-servers',
  title: 'Nginx 已加载的全部配置（默认 server、Host 头）',
  titleEn: 'nginx loaded configuration: default server, Host header',
  signals: {
    'servers-ok': 'the OMS server block answers the public host on its listen socket; /api forwards Host',
    'other-server-first':
      'another server block takes the requests for the public host first (default_server, an earlier default site, ' +
      'or a matching server_name)',
    'site-not-loaded': 'nginx did not load the OMS site file (not included by nginx.conf)',
    'host-header-missing':
      '/api or /admin is proxied without `proxy_set_header Host`: Django sees the upstream name and answers 400',
  },
  commands: () => [{ argv: ['/usr/sbin/nginx', '-T'], sudo: true, timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 }],
  interpret([r], target): Result {
    if (!r) return { status: 'error', summary: '未运行 / nginx -T did not run', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(r, 'nginx -T');
    if (problem) return problem;
    const files = splitDump(r.stdout);
    if (r.code !== 0 || files.length === 0) {
      return {
        status: 'error',
        summary: `nginx -T 失败 / nginx -T printed no configuration (exit ${r.code ?? 'none'}); see nginx-config-test`,
        evidence: redact(excerpt(r.stderr || r.stdout, 6, 600)),
        facts: { exitCode: r.code },
        signals: [],
      };
    }
    if (r.truncated) {
      return {
        status: 'error',
        summary: `nginx -T 输出过大 / the nginx -T output was cut at ${r.stdout.length} characters: not judged`,
        evidence: '',
        facts: { files: files.length },
        signals: [],
      };
    }
    return judge(files, target);
  },
});

const where = (s: LoadedServer) => `${s.file}:${s.directive.line}`;

function oneServer(files: readonly LoadedFile[], s: LoadedServer): string {
  const lines = files.find((f) => f.path === s.file)?.lines ?? [];
  const head = (s.directive.block ?? []).filter((d) => ['listen', 'server_name', 'return', 'root'].includes(d.name));
  const shown = head.slice(0, 6).map((d) => `${d.line}: ${clip((lines[d.line - 1] ?? '').trim(), 160)}`);
  return `${s.file}:\n${s.directive.line}: server {\n${shown.join('\n')}`;
}

/** The OMS server block: in the site file, on nginxListen's port, proxying most. */
function omsServer(servers: readonly LoadedServer[], target: Target): LoadedServer | undefined {
  const file = targetPaths(target).nginxConf;
  const port = splitHostPort(target.nginxListen, 80).port;
  const inFile = servers.filter((s) => s.file === file);
  const onPort = inFile.filter((s) => s.listens.some((l) => l.port === port));
  const pool = onPort.length ? onPort : inFile;
  let best: LoadedServer | undefined;
  for (const s of pool)
    if (
      !best ||
      findAll(s.directive.block ?? [], 'proxy_pass').length > findAll(best.directive.block ?? [], 'proxy_pass').length
    )
      best = s;
  return best;
}

/** `proxy_set_header` in effect for a location: its own, else the server's, else the http block's. */
function headersFor(loc: NginxDirective, server: LoadedServer): NginxDirective[] {
  for (const list of [loc.block ?? [], server.directive.block ?? []]) {
    const own = list.filter((d) => d.name === 'proxy_set_header');
    if (own.length) return own;
  }
  return server.httpHeaders;
}

function judge(files: readonly LoadedFile[], target: Target): Result {
  const servers = loadedServers(files);
  const file = targetPaths(target).nginxConf;
  const host = publicHost(target);
  const oms = omsServer(servers, target);
  const facts = { files: files.length, servers: servers.length, siteFile: file };
  if (!oms) {
    return {
      status: 'fail',
      summary:
        `Nginx 没有加载 OMS 站点配置 / nginx did not load ${file}: no server block from it in nginx -T ` +
        `(${files.length} files loaded)`,
      evidence: clip(
        files
          .map((f) => f.path)
          .slice(0, 30)
          .join('\n'),
        1500,
      ),
      facts,
      signals: ['site-not-loaded'],
    };
  }
  const signals: string[] = [];
  const notes: string[] = [];
  const evidence: string[] = [];
  let status: CheckStatus = 'ok';
  const add = (signal: string, s: CheckStatus, note: string, proof: string) => {
    if (!signals.includes(signal)) signals.push(signal);
    notes.push(note);
    evidence.push(proof);
    status = worseStatus(status, s);
  };

  const port = splitHostPort(target.nginxListen, 80).port;
  const sockets = [...new Set(oms.listens.filter((l) => l.port === port).map((l) => l.socket))];
  for (const socket of sockets) {
    const winner = serverFor(servers, socket, host);
    if (winner && winner !== oms) {
      const why = winner.names.some((n) => n.toLowerCase() === host.toLowerCase())
        ? `its server_name is ${host}`
        : winner.listens.some((l) => l.socket === socket && l.defaultServer)
          ? 'it is the default_server'
          : 'it is read first and OMS has no matching server_name';
      add(
        'other-server-first',
        'fail',
        `另一个 server 先接收了请求 / ${where(winner)} takes requests for ${host} on ${socket} first (${why}), ` +
          `not the OMS server at ${where(oms)}`,
        `${oneServer(files, winner)}\n\nOMS: ${oneServer(files, oms)}`,
      );
    }
  }
  // A server bound to the public address itself takes that traffic before any wildcard listener.
  if (sockets.some((s) => s.startsWith('*:'))) {
    const specific = `${host}:${port}`;
    const winner = serverFor(servers, specific, host);
    if (winner && winner !== oms && !oms.listens.some((l) => l.socket === specific))
      add(
        'other-server-first',
        'fail',
        `另一个 server 监听了公网地址 / ${where(winner)} listens on ${specific} itself and takes its requests first`,
        oneServer(files, winner),
      );
  }

  const lines = files.find((f) => f.path === oms.file)?.lines ?? [];
  const locs = locationsOf(oms.directive);
  const noHost: string[] = [];
  const proofs: string[] = [];
  for (const uri of ROUTES) {
    const loc = matchLocation(locs, uri);
    const pp = loc && child(loc.directive.block, 'proxy_pass');
    if (!loc || !pp) continue;
    const headers = headersFor(loc.directive, oms);
    const hostHeader = headers.find((h) => (h.args[0] ?? '').toLowerCase() === 'host');
    if (hostHeader && hostHeader.args[1] !== '$proxy_host') continue;
    const pass = parseProxyPass(pp.args[0] ?? '');
    const sent = pass ? pass.hostPort : '$proxy_host';
    noHost.push(`location ${loc.path} (Host: ${clip(sent, 60)})`);
    proofs.push(blockLines(lines, loc.directive, 8));
  }
  if (noHost.length) {
    add(
      'host-header-missing',
      'fail',
      `缺少 proxy_set_header Host / no \`proxy_set_header Host $host\` in ${noHost.join(', ')}: ` +
        'Django sees the upstream name, not the public host',
      `${oms.file}:\n${proofs.join('\n')}`,
    );
  }

  if (signals.length === 0)
    return {
      status: 'ok',
      summary:
        `OMS 站点接收 ${host} 的请求 / ${where(oms)} answers ${host} on ${sockets.join(', ') || 'its sockets'}; ` +
        `/api forwards the Host header (${servers.length} server block(s) loaded)`,
      evidence: redact(oneServer(files, oms)),
      facts: { ...facts, omsServer: where(oms) },
      signals: ['servers-ok'],
    };
  return {
    status,
    summary: clip(notes.join('; '), 550),
    evidence: redact(excerpt(evidence.join('\n\n'), 40, 1900)),
    facts: { ...facts, omsServer: where(oms) },
    signals,
  };
}
