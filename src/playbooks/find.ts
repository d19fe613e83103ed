import type { Playbook } from './playbook.js';

/** A playbook by id or alias, case-insensitive, full-width folded. */
export function findPlaybookByName(playbooks: readonly Playbook[], name: string): Playbook | undefined {
  const n = name.normalize('NFKC').trim().toLowerCase();
  return playbooks.find((p) => p.id === n) ?? playbooks.find((p) => p.aliases.some((a) => a.normalize('NFKC').toLowerCase() === n));
}
