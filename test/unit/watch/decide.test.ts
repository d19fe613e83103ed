import { decideWatch, type SeenFinding, type TargetOutcome } from '../../../src/watch/decide.js';
import { EMPTY_STATE, parseWatchState, type WatchState } from '../../../src/watch/state.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const REMIND = 4 * HOUR;
const T0 = Date.parse('2026-11-30T08:00:00Z');

const hosts: SeenFinding = { id: 'allowed-hosts', title: 'ALLOWED_HOSTS lacks the address', severity: 'error' };
const cors: SeenFinding = { id: 'cors-origin', title: 'CORS origin missing', severity: 'warning' };
const note: SeenFinding = { id: 'sigterm-benign', title: 'SIGTERM during restarts is normal', severity: 'info' };

const ok = (target: string, ...findings: SeenFinding[]): TargetOutcome<string> => ({
  target,
  kind: 'report',
  findings,
  report: `report:${target}`,
});
const down = (target: string): TargetOutcome<string> => ({
  target,
  kind: 'unreachable',
  error: 'connect ECONNREFUSED',
});

/** Runs one after another, a minute apart; each answer's posts. */
function sequence(runs: TargetOutcome<string>[][], start: WatchState = EMPTY_STATE, remindEveryMs = REMIND) {
  let state = start;
  return runs.map((results, i) => {
    const r = decideWatch(state, results, { now: T0 + i * MIN, remindEveryMs });
    state = r.state;
    return r;
  });
}

describe('decideWatch', () => {
  test('healthy stays silent, run after run, and info findings are not problems', () => {
    const out = sequence([
      [ok('web1'), ok('web2', note)],
      [ok('web1'), ok('web2', note)],
    ]);
    expect(out.map((o) => o.posts)).toEqual([[], []]);
    expect(out[1]!.state.lastRunAt).toBe(T0 + MIN);
  });

  test('a new finding is posted once with its report; while it lasts nothing more', () => {
    const out = sequence([[ok('web1')], [ok('web1', hosts)], [ok('web1', hosts)], [ok('web1', hosts)]]);
    expect(out[1]!.posts).toEqual([{ kind: 'new', target: 'web1', findings: [hosts], report: 'report:web1' }]);
    expect(out[2]!.posts).toEqual([]);
    expect(out[3]!.posts).toEqual([]);
    expect(out[3]!.state.targets.web1!.findings['allowed-hosts']!.since).toBe(T0 + MIN);
  });

  test('only the finding that is new is posted when another one lasts', () => {
    const out = sequence([[ok('web1', hosts)], [ok('web1', hosts, cors)]]);
    expect(out[1]!.posts).toEqual([{ kind: 'new', target: 'web1', findings: [cors], report: 'report:web1' }]);
  });

  test('a resolved finding is posted once, then silence', () => {
    const out = sequence([[ok('web1', hosts, cors)], [ok('web1', cors)], [ok('web1', cors)], [ok('web1')]]);
    expect(out[1]!.posts).toEqual([
      { kind: 'resolved', target: 'web1', findings: [{ id: 'allowed-hosts', title: hosts.title }] },
    ]);
    expect(out[2]!.posts).toEqual([]);
    expect(out[3]!.posts).toEqual([
      { kind: 'resolved', target: 'web1', findings: [{ id: 'cors-origin', title: cors.title }] },
    ]);
  });

  test('unreachable for hours: one post when it goes, one when it comes back (and reminders between)', () => {
    const runs = [[ok('web1')], ...Array.from({ length: 180 }, () => [down('web1')]), [ok('web1')]];
    const out = sequence(runs, EMPTY_STATE, 24 * HOUR);
    const posts = out.flatMap((o) => o.posts);
    expect(posts).toEqual([
      { kind: 'unreachable', target: 'web1', error: 'connect ECONNREFUSED' },
      { kind: 'back', target: 'web1', downForMs: 180 * MIN },
    ]);
    expect(out[1]!.posts).toHaveLength(1);
    expect(out.at(-1)!.state.targets.web1!.unreachable).toBeUndefined();
  });

  test('findings from before an outage are neither resolved nor re-posted while it is down; compared when back', () => {
    const out = sequence([[ok('web1', hosts)], [down('web1')], [down('web1')], [ok('web1', cors)]]);
    expect(out[1]!.posts).toEqual([{ kind: 'unreachable', target: 'web1', error: 'connect ECONNREFUSED' }]);
    expect(out[1]!.state.targets.web1!.findings['allowed-hosts']).toBeDefined();
    expect(out[3]!.posts).toEqual([
      { kind: 'back', target: 'web1', downForMs: 2 * MIN },
      { kind: 'new', target: 'web1', findings: [cors], report: 'report:web1' },
      { kind: 'resolved', target: 'web1', findings: [{ id: 'allowed-hosts', title: hosts.title }] },
    ]);
  });

  test('a lasting problem is reminded every remindEvery in one post for all due targets, not before', () => {
    const remind = 10 * MIN;
    const runs = Array.from({ length: 25 }, () => [ok('web1', hosts), down('web2'), ok('web3')]);
    const out = sequence(runs, EMPTY_STATE, remind);
    const at = out.map((o, i) => ({ i, kinds: o.posts.map((p) => p.kind) })).filter((x) => x.kinds.length);
    expect(at).toEqual([
      { i: 0, kinds: ['new', 'unreachable'] },
      { i: 10, kinds: ['reminder'] },
      { i: 20, kinds: ['reminder'] },
    ]);
    expect(out[10]!.posts[0]).toEqual({
      kind: 'reminder',
      items: [
        { target: 'web1', findings: [hosts.title], unreachable: false, forMs: 10 * MIN },
        { target: 'web2', findings: [], unreachable: true, forMs: 10 * MIN },
      ],
    });
  });

  test('a change resets the reminder clock of that target', () => {
    const remind = 10 * MIN;
    const runs = [
      ...Array.from({ length: 8 }, () => [ok('web1', hosts)]),
      [ok('web1', hosts, cors)],
      ...Array.from({ length: 12 }, () => [ok('web1', hosts, cors)]),
    ];
    const out = sequence(runs, EMPTY_STATE, remind);
    const kinds = out.map((o, i) => o.posts.map((p) => `${i}:${p.kind}`)).flat();
    expect(kinds).toEqual(['0:new', '8:new', '18:reminder']);
  });

  test('paused: no posts and the state is left as it was', () => {
    const [first] = sequence([[ok('web1', hosts)]]);
    const r = decideWatch(first!.state, [ok('web1'), down('web2')], {
      now: T0 + HOUR,
      remindEveryMs: REMIND,
      paused: true,
    });
    expect(r.posts).toEqual([]);
    expect(r.state).toBe(first!.state);
  });

  test('a restart: the state read back from JSON posts nothing already said, and still notices the change', () => {
    const [first] = sequence([[ok('web1', hosts), down('web2')]]);
    expect(first!.posts).toHaveLength(2);
    const reloaded = parseWatchState(JSON.parse(JSON.stringify(first!.state)));
    const again = decideWatch(reloaded, [ok('web1', hosts), down('web2')], { now: T0 + MIN, remindEveryMs: REMIND });
    expect(again.posts).toEqual([]);
    const fixed = decideWatch(again.state, [ok('web1'), ok('web2')], { now: T0 + 2 * MIN, remindEveryMs: REMIND });
    expect(fixed.posts.map((p) => `${p.kind}:${'target' in p ? p.target : ''}`)).toEqual([
      'resolved:web1',
      'back:web2',
    ]);
  });

  test('a state that is not one (hand-edited, older) reads as empty rather than throwing', () => {
    expect(parseWatchState({ v: 7 })).toEqual({ v: 1, targets: {} });
    expect(parseWatchState('junk')).toEqual({ v: 1, targets: {} });
  });

  test('a target removed from the watch is forgotten silently; one added starts clean', () => {
    const out = sequence([[ok('web1', hosts)], [ok('web2', hosts)]]);
    expect(Object.keys(out[1]!.state.targets)).toEqual(['web2']);
    expect(out[1]!.posts).toEqual([{ kind: 'new', target: 'web2', findings: [hosts], report: 'report:web2' }]);
  });

  test('the channel problem is kept across runs (watch list shows it)', () => {
    const prev: WatchState = { v: 1, targets: {}, channelProblem: { code: 'not_in_channel', at: T0 } };
    expect(decideWatch(prev, [ok('web1')], { now: T0 + MIN, remindEveryMs: REMIND }).state.channelProblem).toEqual({
      code: 'not_in_channel',
      at: T0,
    });
  });
});
