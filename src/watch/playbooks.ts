import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config-file.js';
import { checkWatchPlaybooks } from '../config/watch-spec.js';
import { findPlaybook } from '../playbooks/find.js';
import type { Playbook } from '../playbooks/playbook.js';

/**
 * The config's watches with their playbook names checked against the loaded
 * playbooks (an alias becomes the id). An unknown name is a {@link ConfigError}
 * naming the file, the entry's line and the playbooks that exist.
 */
export function withWatchPlaybooks(config: Config, playbooks: readonly Playbook[]): void {
  const r = checkWatchPlaybooks(
    config.watches ?? [],
    (name) => findPlaybook(playbooks, name)?.id,
    playbooks.map((p) => p.id),
  );
  if (!r.ok) {
    const i = (config.watches ?? []).indexOf(r.watch);
    throw new ConfigError(config.source, `watch.${i}.playbook`, r.problem, r.watch.line);
  }
  config.watches = r.watches;
}
