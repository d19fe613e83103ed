import { parseSpan } from '../duration.js';
import { fail, type ParseFailure, type VerbContext } from './args.js';

/** `watch list | pause <id> [for 2h] | resume <id> | run <id>` as typed after the verb. */
export type WatchCommand =
  | { verb: 'watch'; sub: 'list' }
  | { verb: 'watch'; sub: 'pause'; id: string; forMs?: number }
  | { verb: 'watch'; sub: 'resume' | 'run'; id: string };

const WATCH_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** The longest pause with `for`: longer ones are `watch pause <id>` (until resumed). */
const MAX_PAUSE_MS = 30 * 86_400_000;

export function parseWatch(args: readonly string[], { ref }: VerbContext): WatchCommand | ParseFailure {
  const [sub = 'list', id, ...rest] = args;
  const usage =
    `e.g. ${ref('watch list')}, ${ref('watch pause checklist-prod for 2h')}, ` + ref('watch run checklist-prod');
  if (sub === 'list') return args.length <= 1 ? { verb: 'watch', sub } : fail('watch list takes nothing more', usage);
  if (sub !== 'pause' && sub !== 'resume' && sub !== 'run')
    return fail(`watch has no "${sub}": it knows list, pause, resume and run`, usage);
  if (!id) return fail(`watch ${sub} needs a watch id`, `${ref('watch list')} shows them; ${usage}`);
  if (!WATCH_ID.test(id)) return fail(`invalid watch id "${id}"`, `${ref('watch list')} shows the ids`);
  if (sub !== 'pause') return rest.length ? fail(`watch ${sub} takes one id`, usage) : { verb: 'watch', sub, id };
  if (rest.length === 0) return { verb: 'watch', sub, id };
  const span = rest[0] === 'for' ? rest.slice(1).join('') : rest.join('');
  const forMs = parseSpan(span, { units: ['m', 'h', 'd'], maxDigits: 4 });
  if (forMs === undefined || forMs <= 0 || forMs > MAX_PAUSE_MS)
    return fail(
      `"${rest.join(' ')}" is not a pause length: e.g. for 30m, for 2h, for 1d (at most 30d)`,
      `${ref(`watch pause ${id} for 2h`)}, or ${ref(`watch pause ${id}`)} until ${ref(`watch resume ${id}`)}`,
    );
  return { verb: 'watch', sub, id, forMs };
}
