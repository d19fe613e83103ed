/** A watch as the application uses it, and the check made once the playbooks are loaded: no zod, so every start
 * can run it (src/watch/playbooks.ts) without loading the config schema (src/config/watch.ts). */

export interface WatchSpec {
  id: string;
  playbook: string;
  /** What the config says (`prod`, `[web1, web2]`), for `watch list`. */
  targetsText: string;
  targets: string[];
  everyMs: number;
  channel: string;
  remindEveryMs: number;
  /** The line of the entry in the config file, for errors found later (an unknown playbook). */
  line?: number;
}

/**
 * Each watch's playbook must exist (by id or alias): the playbook ids are
 * known only after loading, so main.ts calls this. Answers the watches with
 * their playbook ids, or the first problem (index, what exists).
 */
export function checkWatchPlaybooks(
  watches: readonly WatchSpec[],
  findPlaybookId: (name: string) => string | undefined,
  known: readonly string[],
): { ok: true; watches: WatchSpec[] } | { ok: false; watch: WatchSpec; problem: string } {
  const out: WatchSpec[] = [];
  for (const w of watches) {
    const id = findPlaybookId(w.playbook);
    if (!id)
      return {
        ok: false,
        watch: w,
        problem: `names no playbook: ${JSON.stringify(w.playbook)} (playbooks: ${known.join(', ')})`,
      };
    out.push({ ...w, playbook: id });
  }
  return { ok: true, watches: out };
}
