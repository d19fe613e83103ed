import type { Message } from './message.js';

/** The watch verbs' refusals (src/command/watch-args.ts, src/cli/watch-verbs.ts, src/slack/watch.ts). */
type Ref = (words: string) => string;

export function unknownWatch(id: string, known: readonly string[], ref: Ref): Message {
  return {
    zh: `没有名为 "${id}" 的巡检 — 什么都没有改变`,
    en: `no watch is called "${id}" — nothing was changed`,
    next: known.length
      ? { zh: `用上面列出的 id（${ref('watch list')}）`, en: `use one of the ids above (${ref('watch list')})` }
      : { zh: '配置文件里还没有 watch: 条目', en: 'the config file has no watch: entries yet (see docs/watch.md)' },
    choices: known,
  };
}

export function noWatches(source: string): Message {
  return {
    zh: `没有配置巡检（${source}）`,
    en: `no watches are configured (${source})`,
    next: {
      zh: '在配置文件中加入 watch: 条目（见 docs/watch.md），然后重启 bot',
      en: 'add watch: entries to the config file (see docs/watch.md) and restart the bot',
    },
  };
}

export function watchesUnavailable(ref: Ref): Message {
  return {
    zh: '这个进程没有连接巡检的存储 — 什么都没有改变',
    en: 'this process has no store for the watches — nothing was changed',
    next: { en: `run ${ref('watch list')} where the bot runs (same dataDir or REDIS_URL)` },
  };
}
