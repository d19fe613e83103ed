import type { Playbook } from './playbook.js';

/**
 * Find a playbook by id or alias, case-insensitively (full-width letters folded, as operators type on Chinese
 * keyboards). Lives apart from the loader so that looking a playbook up never loads the markdown and YAML parsers.
 */
export function findPlaybook(playbooks: readonly Playbook[], idOrAlias: string): Playbook | undefined {
  const key = foldName(idOrAlias);
  if (key === '') return undefined;
  return (
    playbooks.find((p) => foldName(p.id) === key) ?? playbooks.find((p) => p.aliases.some((a) => foldName(a) === key))
  );
}

/** The form names are compared in: NFKC (full-width → ASCII), trimmed, lower case. */
export function foldName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}
