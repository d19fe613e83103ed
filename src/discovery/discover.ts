/**
 * Run the read-only discovery commands on a target (through its transport,
 * argv arrays from this whitelist, no shell) and derive its layout.
 */
import type { Target } from '../config/target.js';
import { NGINX_DUMP_ARGV } from '../access/sudoers.js';
import type { ExecResult, Transport } from '../transport/transport.js';
import { deriveLayout } from './derive-layout.js';
import type { Discovery } from './layout.js';
import { SHOW_PROPERTIES } from './unit-read.js';

export interface DiscoveryCommand {
  argv: readonly string[];
  sudo?: boolean;
  timeoutMs: number;
  maxBytes?: number;
}

/** The whitelist: what discovery runs on a target. */
export function discoveryCommands(target: Target): {
  show: DiscoveryCommand;
  cat: DiscoveryCommand;
  nginx: DiscoveryCommand;
} {
  const unit = `${target.service}.service`;
  return {
    // The unit named as the `backend-service` check names it, with the same properties: one command line.
    show: { argv: ['systemctl', 'show', target.service, '-p', SHOW_PROPERTIES], timeoutMs: 8000 },
    cat: { argv: ['systemctl', 'cat', '--no-pager', unit], timeoutMs: 8000, maxBytes: 256 * 1024 },
    // `nginx -T` reads root-only files (certificates, includes): through `sudo -n`, listed in the sudoers drop-in.
    nginx: { argv: NGINX_DUMP_ARGV, sudo: true, timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 },
  };
}

/** Discover the layout of `target`. Rejects only when the target cannot be reached (TransportError). */
export async function discover(transport: Transport, target: Target): Promise<Discovery> {
  const cmds = discoveryCommands(target);
  const run = (c: DiscoveryCommand): Promise<ExecResult> =>
    transport.exec(c.argv, { timeoutMs: c.timeoutMs, sudo: c.sudo, maxBytes: c.maxBytes });
  const [show, cat, nginx] = await Promise.all([run(cmds.show), run(cmds.cat), run(cmds.nginx)]);
  return deriveLayout({ service: target.service, show, cat, nginx, fallbackBind: target.backendBind });
}
