import { clip } from './output.js';
import { child, type NginxDirective } from './nginx-conf.js';
import type { NginxLocation } from './nginx-locations.js';

/**
 * What the site routes where, as facts `compare` can set side by side: each location's `proxy_pass`
 * (`/api → http://oms_backend`) and each upstream's servers (`oms_backend → 127.0.0.1:8000`).
 */
export function siteRouting(
  locations: readonly NginxLocation[],
  upstreams: ReadonlyMap<string, NginxDirective>,
): { proxyPasses: string[]; upstreamServers: string[] } {
  const proxyPasses = locations.flatMap((l) => {
    const pass = child(l.directive.block, 'proxy_pass')?.args[0];
    const where = `${l.modifier ? `${l.modifier} ` : ''}${l.path}`;
    return pass === undefined ? [] : [clip(`${where} → ${pass}`, 200)];
  });
  const upstreamServers = [...upstreams].map(([name, d]) => {
    const servers = (d.block ?? []).filter((s) => s.name === 'server').map((s) => s.args.join(' '));
    return clip(`${name} → ${servers.join(', ') || '(no server)'}`, 200);
  });
  return { proxyPasses: proxyPasses.slice(0, 30), upstreamServers: upstreamServers.slice(0, 20) };
}
