import { previewWatch } from '../app/watch.js';
import type { WatchCommand } from '../command/watch-args.js';
import { toTerminal } from '../messages/message.js';
import { noWatches, unknownWatch, watchesUnavailable } from '../messages/watch.js';
import { renderJson } from '../render/text.js';
import { listWatches, pauseWatch, resumeWatch } from '../watch/control.js';
import { listingLines, pauseText, postSummary, targetLines } from '../watch/format.js';
import { EXIT_CODES as EXIT } from './exit.js';
import type { RunnerDeps } from './runner-deps.js';

/**
 * `watch list | pause | resume | run` at the terminal. The bot runs the
 * watches; here the shared records (file store or REDIS_URL) are read and
 * written, so a pause typed here holds for every bot instance. `watch run`
 * runs the playbook now and says what the bot would post, writing nothing.
 */
export async function watchVerb(
  cmd: WatchCommand,
  json: boolean,
  deps: RunnerDeps,
  ref: (words: string) => string,
  by: string,
): Promise<number> {
  const watches = deps.config.watches ?? [];
  const say = (m: Parameters<typeof toTerminal>[0], code: number) => (deps.out(toTerminal(m)), code);
  const store = deps.watchStore;
  if (!store) return say(watchesUnavailable(ref), EXIT.usage);
  if (watches.length === 0) return say(noWatches(deps.config.source), cmd.sub === 'list' ? EXIT.ok : EXIT.usage);
  const now = () => deps.now?.().getTime() ?? Date.now();
  switch (cmd.sub) {
    case 'list': {
      const list = await listWatches(watches, store);
      deps.out(json ? renderJson(list) : list.map((l) => listingLines(l).join('\n')).join('\n\n'));
      return EXIT.ok;
    }
    case 'pause':
    case 'resume': {
      const r =
        cmd.sub === 'pause'
          ? await pauseWatch({ id: cmd.id, by, ...(cmd.forMs ? { forMs: cmd.forMs } : {}) }, watches, store, now)
          : await resumeWatch({ id: cmd.id, by }, watches, store);
      if (r.kind === 'unknown-watch') return say(unknownWatch(r.id, r.known, ref), EXIT.usage);
      if (r.kind === 'paused') deps.out(`${r.watch.id}: ${pauseText({ until: r.until, by })}`);
      else deps.out(`${r.watch.id}: ${r.wasPaused ? '已恢复 / resumed' : '本来就在运行 / was not paused'}`);
      return EXIT.ok;
    }
    case 'run': {
      const r = await previewWatch(cmd.id, watches, { ...deps, watchStore: store });
      if (r.kind === 'unknown-watch') return say(unknownWatch(r.id, r.known, ref), EXIT.usage);
      if (json)
        deps.out(renderJson({ watch: r.watch.id, targets: r.targets, wouldPost: r.wouldPost.map((p) => p.kind) }));
      else {
        deps.out(targetLines(r.targets).join('\n'));
        deps.out(
          r.wouldPost.length
            ? 'bot 下次运行会发 / the bot would post:\n' +
                r.wouldPost.map((p) => `  ${postSummary(r.watch.id, p)}`).join('\n')
            : 'bot 不会发消息（没有变化）/ the bot would post nothing (no change)',
        );
      }
      return r.targets.some((t) => t.status === 'unreachable')
        ? EXIT.unreachable
        : r.targets.some((t) => t.status === 'problem')
          ? EXIT.problem
          : EXIT.ok;
    }
  }
}
