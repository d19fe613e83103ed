import { z } from 'zod';
import { durationSchema, slackChannelId } from './fields.js';
import { resolveTargetSpec } from './groups.js';
import type { WatchSpec } from './watch-spec.js';

export { checkWatchPlaybooks, type WatchSpec } from './watch-spec.js';

/**
 * `watch:` entries: a playbook run on schedule over targets, posting to a
 * channel only when something changes (src/watch/). Validated here against the
 * targets and groups; the playbook names are checked once the playbooks are
 * loaded ({@link checkWatchPlaybooks}).
 */

/** The shortest interval: a watch is not a load test of the servers. */
export const MIN_WATCH_INTERVAL_MS = 60_000;
export const DEFAULT_REMIND_EVERY_MS = 4 * 3_600_000;

const watchId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'watch ids are lower-case letters, digits, _ and -');

export const watchEntrySchema = z
  .object({
    id: watchId.optional(),
    playbook: z.string().min(1, 'names no playbook: e.g. playbook: checklist'),
    /** A target, a group, or a list of them. */
    targets: z.union([z.string().min(1), z.array(z.string().min(1)).min(1, 'list at least one target or group')]),
    every: durationSchema.refine((ms) => ms >= MIN_WATCH_INTERVAL_MS, {
      message: 'is under 1 minute: a watch runs at most once a minute (e.g. every: 5m)',
    }),
    channel: slackChannelId,
    remindEvery: durationSchema
      .refine((ms) => ms >= MIN_WATCH_INTERVAL_MS, { message: 'is under 1 minute (e.g. remindEvery: 4h)' })
      .default(DEFAULT_REMIND_EVERY_MS),
  })
  .strict();

export type WatchEntry = z.infer<typeof watchEntrySchema>;

/** One watch, resolved: its targets flattened, durations in milliseconds. */

export type WatchesResult = { ok: true; watches: WatchSpec[] } | { ok: false; key: string[]; problem: string };

/**
 * Resolve entries against the configured targets and groups: unknown names,
 * duplicate ids and a watch with no target are refused, naming what exists.
 */
export function resolveWatches(
  entries: readonly WatchEntry[],
  config: { targets: ReadonlyMap<string, unknown>; groups: ReadonlyMap<string, string[]> },
  lineAt: (index: number) => number | undefined = () => undefined,
): WatchesResult {
  const watches: WatchSpec[] = [];
  for (const [i, e] of entries.entries()) {
    const names = typeof e.targets === 'string' ? [e.targets] : e.targets;
    const targets: string[] = [];
    for (const [j, n] of names.entries()) {
      const spec = resolveTargetSpec(n, config);
      if (spec.kind === 'unknown' || spec.kind === 'empty-group') {
        const key = typeof e.targets === 'string' ? [String(i), 'targets'] : [String(i), 'targets', String(j)];
        const problem =
          spec.kind === 'unknown'
            ? `names no target or group: ${JSON.stringify(n)} ` +
              `(targets: ${[...config.targets.keys()].join(', ')}; groups: ${[...config.groups.keys()].join(', ')})`
            : `the group ${JSON.stringify(n)} has no targets: configure a target first`;
        return { ok: false, key, problem };
      }
      for (const t of spec.kind === 'target' ? [spec.name] : spec.targets) if (!targets.includes(t)) targets.push(t);
    }
    const id = e.id ?? defaultId(e.playbook, names);
    if (watches.some((w) => w.id === id))
      return {
        ok: false,
        key: [String(i), 'id'],
        problem: `the watch id ${JSON.stringify(id)} is used twice: give each watch its own id`,
      };
    const line = lineAt(i);
    watches.push({
      id,
      playbook: e.playbook,
      targetsText: names.join(', '),
      targets,
      everyMs: e.every,
      channel: e.channel,
      remindEveryMs: e.remindEvery,
      ...(line !== undefined ? { line } : {}),
    });
  }
  return { ok: true, watches };
}

/** `checklist` over `prod` → `checklist-prod`. */
function defaultId(playbook: string, names: readonly string[]): string {
  const raw = `${playbook}-${names.join('-')}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  return raw.replace(/^-+/, '').slice(0, 64) || 'watch';
}
