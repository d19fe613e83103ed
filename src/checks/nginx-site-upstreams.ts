/**
 * The nginx-site check's upstream step: every `proxy_pass` to a name needs an
 * `upstream` block of that name, and the upstream (or a literal address) must
 * reach the backend's bind address.
 */
import type { CheckStatus } from './check.js';
import { findAll, type NginxDirective } from './nginx-conf.js';
import {
  isIp,
  LOOPBACK,
  parseProxyPass,
  sameBind,
  splitHostPort,
  type NginxLocation,
  type ProxyPass,
} from './nginx-locations.js';

/** A location that proxies, with its parsed `proxy_pass` and the directive itself. */
export interface ProxyRoute {
  loc: NginxLocation;
  pass: ProxyPass;
  d: NginxDirective;
}

/** Record one finding: its signal, status, one-line note and the lines that prove it. */
export type AddFinding = (signal: string, status: CheckStatus, note: string, proof: string) => void;

/** Upstream names and addresses of the server block, and of the /api and /admin routes (`passes`). */
export function judgeUpstreams(
  server: NginxDirective,
  upstreams: ReadonlyMap<string, NginxDirective>,
  passes: readonly ProxyRoute[],
  backendBind: string,
  add: AddFinding,
  show: (d: NginxDirective) => string,
): void {
  for (const d of findAll(server.block ?? [], 'proxy_pass')) {
    const pass = parseProxyPass(d.args[0] ?? '');
    if (!pass || pass.hasVariables || pass.unix) continue;
    const { host } = splitHostPort(pass.hostPort, 80);
    const hasPort = /:\d+$/.test(pass.hostPort);
    const looksLikeName = !isIp(host) && !LOOPBACK.has(host) && (!host.includes('.') || host.includes('_'));
    if (!upstreams.has(pass.hostPort) && !hasPort && looksLikeName) {
      const defined = [...upstreams.keys()].join(', ') || 'none';
      add(
        'upstream-missing',
        'fail',
        `缺少 upstream ${host} / proxy_pass names upstream "${host}" but no \`upstream ${host}\` block exists`,
        `${d.line}: proxy_pass ${pass.raw};\nupstream blocks in the file: ${defined}`,
      );
    }
  }
  for (const { pass, d } of passes) {
    if (pass.hasVariables) continue;
    const up = upstreams.get(pass.hostPort);
    if (up) {
      const addrs = (up.block ?? []).filter((s) => s.name === 'server').map((s) => s.args[0] ?? '');
      if (addrs.length && !addrs.some((a) => sameBind(a, backendBind))) {
        add(
          'upstream-wrong-port',
          'fail',
          `upstream 地址与后端不符 / upstream ${pass.hostPort} points to ${addrs.join(', ')}, not ${backendBind}`,
          show(up),
        );
      }
    } else if (
      pass.unix ||
      isIp(splitHostPort(pass.hostPort, 80).host) ||
      LOOPBACK.has(splitHostPort(pass.hostPort, 80).host)
    ) {
      const addr = pass.unix ? `unix:${pass.hostPort}` : pass.hostPort;
      if (!sameBind(addr, backendBind)) {
        add(
          'upstream-wrong-port',
          'fail',
          `proxy_pass 地址与后端不符 / proxy_pass goes to ${addr}, not ${backendBind}`,
          `${d.line}: proxy_pass ${pass.raw};`,
        );
      }
    }
  }
}
