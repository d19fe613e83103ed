import type { Target } from '../config/target.js';
import { targetPaths } from '../config/target.js';
import { redact } from '../redact.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import {
  child,
  findAll,
  parseNginxConf,
  serverBlocks,
  upstreamBlocks,
  type NginxConf,
  type NginxDirective,
} from './nginx-conf.js';
import {
  locationsOf,
  matchLocation,
  parseProxyPass,
  proxiedPath,
  servedFile,
  splitHostPort,
  trimSlash,
} from './nginx-locations.js';
import { blockLines } from './nginx-site-evidence.js';
import { siteRouting } from './nginx-site-facts.js';
import { judgeUpstreams, type ProxyRoute } from './nginx-site-upstreams.js';
import { parseStat } from './stat-lines.js';
import { commandProblem, excerpt } from './output.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

/** URIs the site must route: the login API, the admin, a static and a media file. */
const API_URI = '/api/auth/login/';
const ADMIN_URI = '/admin/';
const STATIC_URI = '/static/admin/css/base.css';
const MEDIA_URI = '/media/probe.png';

/** Reads the OMS site config and says whether `/api`, `/admin`, `/static`, `/media` and the upstream are right. */
export const nginxSite = defineCheck({
  id: 'nginx-site',
  title: 'nginx 站点配置',
  titleEn: 'nginx site configuration',
  commands(target) {
    const p = targetPaths(target);
    return [
      { argv: ['cat', p.nginxConf], timeoutMs: 8000 },
      { argv: ['stat', '-c', '%n|%U|%G|%a|%F', p.staticDir, p.mediaDir], timeoutMs: 8000 },
    ];
  },
  interpret(results, target): Result {
    const p = targetPaths(target);
    const [cat, stat] = results;
    if (!cat)
      return { status: 'error', summary: `未运行 / ${p.nginxConf} was not read`, evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(cat, 'cat');
    if (problem) return problem;
    if (cat.code !== 0) {
      const err = cat.stderr.trim().slice(0, 300);
      if (/No such file or directory/i.test(err)) {
        return {
          status: 'fail',
          summary: `nginx 站点配置不存在 / ${p.nginxConf} does not exist`,
          evidence: err,
          facts: { file: p.nginxConf },
          signals: ['file-missing'],
        };
      }
      return {
        status: 'error',
        summary: `无法读取 nginx 站点配置 / cannot read ${p.nginxConf}`,
        evidence: err,
        facts: { file: p.nginxConf },
        signals: [],
      };
    }
    const conf = parseNginxConf(cat.stdout);
    if (conf.truncated || cat.truncated) {
      return {
        status: 'error',
        summary: `nginx 站点配置过大 / ${p.nginxConf} is too large to judge (${cat.stdout.length} characters read)`,
        evidence: '',
        facts: { file: p.nginxConf },
        signals: [],
      };
    }
    const servers = serverBlocks(conf);
    if (servers.length === 0) {
      return {
        status: 'error',
        summary: `配置中没有 server 块 / no server block found in ${p.nginxConf}`,
        evidence: redact(excerpt(cat.stdout, 8, 600)),
        facts: { file: p.nginxConf, parseErrors: conf.errors.length },
        signals: [],
      };
    }
    const dirs = stat && !commandProblem(stat, 'stat') ? parseStat(stat.stdout, stat.stderr) : undefined;
    return judge(conf, cat.stdout.split('\n'), pickServer(servers, target), target, dirs);
  },
  signals: {
    'upstream-missing': 'a proxy_pass names an upstream with no `upstream NAME` block',
    'upstream-wrong-port': 'the upstream server is not backendBind',
    'api-location-missing': 'no location proxies /api (it falls to `location /`)',
    'admin-location-missing': 'no location proxies /admin',
    'api-proxy-pass-uri': 'proxy_pass in /api has a URI part (e.g. a trailing /) that rewrites the path',
    'admin-proxy-pass-uri': 'proxy_pass in /admin has a URI part that rewrites the path',
    'static-alias-missing': 'no alias serves /static from staticDir (or the directory is missing)',
    'media-alias-missing': 'no alias serves /media from mediaDir (or the directory is missing)',
    'file-missing': 'the site config file does not exist',
    'site-ok': 'nothing wrong seen in the site config',
  },
});

function listenPort(target: Target): number {
  return splitHostPort(target.nginxListen, 80).port;
}

/** The server block the probes reach: one listening on nginxListen's port, preferring the one that proxies most. */
function pickServer(servers: NginxDirective[], target: Target): NginxDirective {
  const port = listenPort(target);
  const listens = (s: NginxDirective) => {
    const ls = (s.block ?? []).filter((d) => d.name === 'listen');
    if (ls.length === 0) return [80];
    return ls.map((d) =>
      d.args[0]?.startsWith('unix:')
        ? -1
        : splitHostPort(/^\d+$/.test(d.args[0] ?? '') ? `:${d.args[0]}` : (d.args[0] ?? ''), 80).port,
    );
  };
  const onPort = servers.filter((s) => listens(s).includes(port));
  const pool = onPort.length ? onPort : servers;
  let best = pool[0]!;
  let bestScore = -1;
  for (const s of pool) {
    const score = findAll(s.block ?? [], 'proxy_pass').length;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

function judge(
  conf: NginxConf,
  lines: string[],
  server: NginxDirective,
  target: Target,
  dirs: ReturnType<typeof parseStat> | undefined,
): Result {
  const p = targetPaths(target);
  const upstreams = upstreamBlocks(conf);
  const locs = locationsOf(server);
  const signals: string[] = [];
  const notes: string[] = [];
  const evidence: string[] = [];
  let status: CheckStatus = 'ok';
  const add = (signal: string, s: CheckStatus, note: string, proof: string) => {
    if (signals.includes(signal)) return;
    signals.push(signal);
    notes.push(note);
    evidence.push(proof);
    status = worseStatus(status, s);
  };
  const show = (d: NginxDirective, max = 12) => blockLines(lines, d, max);
  const locList = () =>
    locs.map((l) => `${l.directive.line}: location ${l.modifier ? `${l.modifier} ` : ''}${l.path}`).join('\n') ||
    '(no location blocks)';

  // /api and /admin must reach a proxy_pass that keeps the path.
  const routes = [
    { uri: API_URI, prefix: '/api', missing: 'api-location-missing', uriSignal: 'api-proxy-pass-uri' },
    { uri: ADMIN_URI, prefix: '/admin', missing: 'admin-location-missing', uriSignal: 'admin-proxy-pass-uri' },
  ];
  const passes: ProxyRoute[] = [];
  for (const r of routes) {
    const loc = matchLocation(locs, r.uri);
    const ppd = loc && child(loc.directive.block, 'proxy_pass');
    if (!loc || !ppd) {
      const where = loc ? `falls to \`location ${loc.path}\`` : 'matches no location';
      add(
        r.missing,
        'fail',
        `缺少 ${r.prefix} 反向代理 / no location proxies ${r.prefix}: ${r.uri} ${where}`,
        `${r.uri} ${where}; locations in the server block:\n${locList()}`,
      );
      continue;
    }
    const pass = parseProxyPass(ppd.args[0] ?? '');
    if (!pass) continue;
    passes.push({ loc, pass, d: ppd });
    const sent = proxiedPath(loc, pass, r.uri);
    if (sent !== undefined && sent !== r.uri) {
      add(
        r.uriSignal,
        'fail',
        `${r.prefix} 的 proxy_pass 带 URI / proxy_pass in ${r.prefix} has a URI part: ${r.uri} reaches Django as ${sent}`,
        show(loc.directive),
      );
    }
  }

  judgeUpstreams(server, upstreams, passes, target.backendBind, add, show);

  // /static and /media: served from the configured directories, which must exist.
  const files = [
    { uri: STATIC_URI, prefix: '/static', dir: p.staticDir, signal: 'static-alias-missing' },
    { uri: MEDIA_URI, prefix: '/media', dir: p.mediaDir, signal: 'media-alias-missing' },
  ];
  const facts: Record<string, string | number | boolean | null | readonly string[]> = {};
  for (const f of files) {
    const loc = matchLocation(locs, f.uri);
    if (loc && child(loc.directive.block, 'proxy_pass')) continue; // Django (e.g. WhiteNoise) serves them
    const file = loc && servedFile(loc, f.uri);
    facts[`${f.prefix.slice(1)}Served`] = file ?? null;
    const zh = f.prefix === '/static' ? '静态文件' : '上传文件';
    if (!loc || !file || !file.startsWith(`${trimSlash(f.dir)}/`)) {
      const where = !loc
        ? 'matches no location'
        : file
          ? `is served from ${file}`
          : `falls to \`location ${loc.path}\``;
      add(
        f.signal,
        'warn',
        `${zh}未指向 ${f.dir} / ${f.prefix} is not aliased to ${f.dir}: ${f.uri} ${where}`,
        loc ? show(loc.directive, 6) : locList(),
      );
    } else if (dirs?.missing.has(f.dir) || dirs?.missing.has(trimSlash(f.dir))) {
      add(
        f.signal,
        'warn',
        `${zh}目录不存在 / ${f.dir} (the ${f.prefix} alias target) does not exist`,
        `stat: ${f.dir}: No such file or directory`,
      );
    }
  }

  const site = {
    file: p.nginxConf,
    serverLine: server.line,
    upstreams: [...upstreams.keys()].slice(0, 20),
    locations: locs.slice(0, 30).map((l) => `${l.modifier ? `${l.modifier} ` : ''}${l.path}`),
    parseErrors: conf.errors.length,
    ...siteRouting(locs, upstreams),
  };
  if (signals.length === 0) {
    return {
      status: 'ok',
      summary:
        `nginx 站点配置正确 / ${p.nginxConf}: /api and /admin proxied to ${target.backendBind}, ` +
        '/static and /media aliased',
      evidence: redact(locList()),
      facts: { ...site, ...facts },
      signals: ['site-ok'],
    };
  }
  return {
    status,
    summary: notes.join('; '),
    evidence: redact(excerpt(evidence.join('\n\n'), 40, 2500)),
    facts: { ...site, ...facts },
    signals,
  };
}
