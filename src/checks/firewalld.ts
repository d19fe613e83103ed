import type { Target } from '../config/target.js';
import type { Observation } from './check.js';
import { defineCheck } from './check.js';
import { notApplicable } from './not-applicable.js';
import { clip, commandProblem, excerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

/** Well-known firewalld services and their TCP ports (the ones that can carry the OMS web site). */
const SERVICE_PORTS: Record<string, number[]> = { http: [80], https: [443], http3: [443] };

/** The port browsers use: the public URL's, else 80/443 by scheme. */
export function publicPort(target: Target): number {
  const u = new URL(target.publicUrl);
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
}

export interface Zone {
  name: string;
  target: string;
  services: string[];
  ports: string[];
  richRules: string[];
}

/** `firewall-cmd --list-all`: the zone line, then `  key: values` lines (rich rules one per line). */
export function parseZone(text: string): Zone | undefined {
  const lines = text.split('\n', 2000).map((l) => l.replace(/\r$/, ''));
  const head = lines.findIndex((l) => /^[\w.-]{1,64}(?: \([\w, ]{1,40}\))?\s*$/.test(l));
  if (head === -1) return undefined;
  const zone: Zone = { name: lines[head]!.split(' ')[0]!, target: '', services: [], ports: [], richRules: [] };
  let inRich = false;
  for (const raw of lines.slice(head + 1)) {
    if (raw.length > 2000) continue;
    const m = /^\s+([a-z][a-z -]{0,30}):\s?(.*)$/.exec(raw);
    if (m) {
      inRich = m[1] === 'rich rules';
      const values = m[2]!.trim().split(/\s+/).filter(Boolean).slice(0, 200);
      if (m[1] === 'target') zone.target = values[0] ?? '';
      else if (m[1] === 'services') zone.services = values;
      else if (m[1] === 'ports') zone.ports = values;
    } else if (inRich && /^\s+rule\b/.test(raw) && zone.richRules.length < 100) zone.richRules.push(raw.trim());
  }
  return zone;
}

/** Is TCP `port` open in the zone: its target accepts all, a service, a port (range) or a rich rule opens it? */
export function portOpen(zone: Zone, port: number): boolean {
  if (zone.target.toUpperCase() === 'ACCEPT') return true;
  if (zone.services.some((s) => SERVICE_PORTS[s]?.includes(port))) return true;
  for (const p of zone.ports) {
    const m = /^(\d+)(?:-(\d+))?\/tcp$/.exec(p);
    if (m && port >= Number(m[1]) && port <= Number(m[2] ?? m[1])) return true;
  }
  return zone.richRules.some(
    (r) =>
      /\baccept\b/.test(r) &&
      (new RegExp(`port port="?${port}"? protocol="?tcp"?`).test(r) ||
        [...r.matchAll(/service name="?([\w-]+)"?/g)].some((s) => SERVICE_PORTS[s[1]!]?.includes(port))),
  );
}

/**
 * firewalld on RHEL-family hosts: running, with the web port (80, or the public URL's)
 * not opened in the default zone, drops every browser's request before nginx sees it,
 * while everything on the server itself (and the bot's probes) works. Not applicable
 * where firewall-cmd does not exist (Debian).
 */
export const firewalld = defineCheck({
  id: 'firewalld',
  title: 'firewalld 是否放行 Web 端口',
  titleEn: 'firewalld lets the web port in',
  signals: {
    'not-applicable': 'firewall-cmd is not installed (Debian): nothing to check',
    'not-running': 'firewalld is installed but not running: it blocks nothing',
    'http-open': 'the default zone lets the public port in (http/https service, port or rich rule)',
    'http-not-open':
      'firewalld runs and its default zone does not open the public port: browsers time out, local probes work',
  },
  // One command: `--list-all` says `FirewallD is not running` (exit 252) itself, so `--state` is not needed.
  commands: () => [{ argv: ['firewall-cmd', '--list-all'], timeoutMs: 8000 }],
  interpret([list], target): Result {
    if (!list)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const na = notApplicable(list, 'firewall-cmd', 'firewalld is a RHEL-family service');
    if (na) return na;
    const problem = commandProblem(list, 'firewall-cmd');
    if (problem) return problem;
    if (/^\s*(?:FirewallD is )?not running\s*$/im.test(`${list.stdout}\n${list.stderr}`.slice(0, 2000)))
      return {
        status: 'ok',
        summary: 'firewalld 未运行 / firewalld is not running: it blocks nothing',
        evidence: 'FirewallD is not running',
        facts: { running: false },
        signals: ['not-running'],
      };
    const port = publicPort(target);
    const zone = list.code !== 0 ? undefined : parseZone(list.stdout);
    if (!zone)
      return {
        status: 'error',
        summary:
          `无法读取 firewalld 规则 / firewall-cmd --list-all failed (exit ${list.code ?? 'none'}): ` +
          'allow the bot user to query firewalld (polkit) or check by hand',
        evidence: excerpt(`${list.stderr}\n${list.stdout}`.trim(), 4, 400),
        facts: { running: true },
        signals: [],
      };
    const facts = { running: true, zone: clip(zone.name, 64), port, services: zone.services.slice(0, 20) };
    const evidence = clip(
      [`${zone.name}`, `  services: ${zone.services.join(' ')}`, `  ports: ${zone.ports.join(' ')}`, ...zone.richRules]
        .slice(0, 12)
        .join('\n'),
      1200,
    );
    if (portOpen(zone, port))
      return {
        status: 'ok',
        summary: `firewalld 放行了 ${port} 端口 / firewalld lets port ${port} in (zone ${clip(zone.name, 40)})`,
        evidence,
        facts,
        signals: ['http-open'],
      };
    return {
      status: 'fail',
      summary:
        `firewalld 没有放行 ${port} 端口 / firewalld runs and zone ${clip(zone.name, 40)} does not open port ${port}: ` +
        'browsers cannot reach nginx',
      evidence,
      facts,
      signals: ['http-not-open'],
    };
  },
});
