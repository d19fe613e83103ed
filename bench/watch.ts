/**
 * A watch over 30 targets every minute for an hour of simulated time, run by
 * two bot instances (the real Bolt app, HTTP receiver) sharing one real
 * redis-server, posting to the fake Slack Web API. Each simulated minute a
 * few targets change (a finding appears or goes, a target goes down or comes
 * back); at minute 30 one instance dies without giving its lease up, at
 * minute 40 a fresh instance joins. Expected posts are counted from the
 * changes by a model independent of src/watch/decide.ts. Target: one post per
 * change, zero duplicates.
 */
import { execFileSync } from 'node:child_process';
import { findCheck } from '../src/checks/registry.js';
import { runPlaybook } from '../src/engine/engine.js';
import { realPlaybooks, testConfig } from '../test/helpers/fake-slack-harness.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { startRedis } from '../test/helpers/redis.js';
import { ReplayTransport } from '../test/helpers/replay-transport.js';
import { startWatchBot, type WatchBot } from '../test/helpers/watch-bots.js';
import { fleetConfigYaml, SimulatedFleet } from '../test/helpers/watch-fleet.js';

const N = 30;
const MINUTES = 60;
const TICK = 15_000;
const CHANNEL = 'C0BENCH01';
const SCENARIOS = ['healthy', 'allowed-hosts-missing-ip', 'cors-missing-origin', 'backend-stopped', 'down'];

/** Problem finding ids per scenario, from the real playbook on the captures (the model's input). */
async function problemsOf(): Promise<Map<string, Set<string>>> {
  const checklist = (await realPlaybooks()).find((p) => p.id === 'checklist')!;
  const target = testConfig().targets.get('prod')!;
  const out = new Map<string, Set<string>>();
  for (const s of SCENARIOS.filter((x) => x !== 'down')) {
    const r = await runPlaybook(checklist, target, new ReplayTransport(s), { findCheck });
    out.set(s, new Set(r.findings.filter((f) => f.severity !== 'info').map((f) => f.id)));
  }
  return out;
}

/** Posts one change makes, by the rules in docs/watch.md: went down 1; back 1, plus new 1 and resolved 1 if any. */
function expectedPosts(known: Set<string>, wasDown: boolean, next: string, problems: Map<string, Set<string>>) {
  if (next === 'down') return wasDown ? 0 : 1;
  const now = problems.get(next)!;
  const added = [...now].some((f) => !known.has(f)) ? 1 : 0;
  const gone = [...known].some((f) => !now.has(f)) ? 1 : 0;
  return (wasDown ? 1 : 0) + added + gone;
}

export async function runWatchBench(): Promise<void> {
  const problems = await problemsOf();
  const redis = await startRedis();
  const slack = await new FakeSlack().start();
  const fleet = new SimulatedFleet();
  let clock = Date.parse('2026-11-30T08:00:00Z');
  const yaml = fleetConfigYaml(N, { every: '1m', channel: CHANNEL });
  const start = (name: string) =>
    startWatchBot({ name, configYaml: yaml, redisUrl: redis.url, apiUrl: slack.apiUrl, fleet, now: () => clock });
  const bots: WatchBot[] = [await start('bot-a'), await start('bot-b')];
  // The model: per target, the scenario now and the last findings seen while reachable.
  const scenario = new Map<string, string>();
  const known = new Map<string, Set<string>>();
  let seed = 12345;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  let expected = 0;
  let changes = 0;
  const seen = new Map<string, number>();
  let duplicates = 0;
  let takeOverMinute: number | undefined;
  const holders = new Set<string>();
  const t0 = performance.now();
  try {
    for (let minute = 0; minute < MINUTES; minute++) {
      const changed = new Set<string>();
      if (minute > 0)
        for (let k = 0; k < 3; k++) {
          const t = `web${rand(N) + 1}`;
          // One change per target per minute: the watch sees only where a target ends up at its run.
          if (changed.has(t)) continue;
          changed.add(t);
          const next = SCENARIOS[rand(SCENARIOS.length)]!;
          const cur = scenario.get(t) ?? 'healthy';
          if (next === cur) continue;
          expected += expectedPosts(known.get(t) ?? new Set(), cur === 'down', next, problems);
          if (next !== 'down') known.set(t, problems.get(next)!);
          scenario.set(t, next);
          fleet.set(t, next);
          changes++;
        }
      if (minute === 30) {
        const dead = bots.shift()!;
        await dead.stop(false);
      }
      if (minute === 40) bots.push(await start('bot-c'));
      for (let t = 0; t < 60_000; t += TICK) {
        await Promise.all(bots.map((b) => b.scheduler.tick()));
        clock += TICK;
      }
      const holder = await bots[0]!.watchStore.holder('fleet-checklist');
      if (holder) holders.add(holder);
      if (minute >= 30 && takeOverMinute === undefined && holder && holder !== 'bot-a') takeOverMinute = minute;
      const posts = slack.calls.filter(
        (c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && !c.body.thread_ts,
      );
      for (const p of posts.slice([...seen.values()].reduce((a, b) => a + b, 0))) {
        const key = `${minute}:${String(p.body.text)}`;
        if (seen.has(key)) duplicates++;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  } finally {
    for (const b of bots) await b.stop(true);
    await slack.stop();
    await redis.stop();
  }
  const wall = (performance.now() - t0) / 1000;
  const posted = [...seen.values()].reduce((a, b) => a + b, 0);
  const nodeStart = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  const nodeMs = performance.now() - nodeStart;
  console.log(
    `watch: ${N} targets every 1m for ${MINUTES} simulated minutes, 2 instances on one redis-server ` +
      `(one killed at minute 30, one added at minute 40): ${changes} changes → ${expected} posts expected, ` +
      `${posted} posted, ${duplicates} duplicates; ${fleet.diagnoses} diagnoses (${MINUTES * N} if each minute ran once); ` +
      `lease holders ${[...holders].join(', ')}, taken over at minute ${takeOverMinute ?? '—'}; ` +
      `${wall.toFixed(1)} s wall, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB ` +
      `(node -e 0: ${nodeMs.toFixed(0)} ms)`,
  );
  if (posted !== expected || duplicates > 0) console.log('watch: MISMATCH — see the counts above');
}

if (import.meta.url === `file://${process.argv[1]}`) await runWatchBench();
