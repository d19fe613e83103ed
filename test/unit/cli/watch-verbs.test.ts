import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../../src/cli/runner.js';
import { parseConfig } from '../../../src/config/config.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { FileStore } from '../../../src/store/file-store.js';
import { withWatchPlaybooks } from '../../../src/watch/playbooks.js';
import { WatchStore } from '../../../src/watch/watch-store.js';
import { fleetConfigYaml, SimulatedFleet } from '../../helpers/watch-fleet.js';

const NOW = Date.parse('2026-11-30T08:00:00Z');

async function setup(yaml = fleetConfigYaml(2, { every: '5m', channel: 'C0123ABCD' })) {
  const config = parseConfig(yaml, 'watch.yml');
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  withWatchPlaybooks(config, playbooks);
  const fleet = new SimulatedFleet();
  const lines: string[] = [];
  const watchStore = new WatchStore(new FileStore({ dir: mkdtempSync(join(tmpdir(), 'oms-watch-cli-')) }), () => NOW);
  const runner = new CommandRunner({
    config,
    playbooks,
    checks: CHECKS,
    findCheck,
    transportFor: fleet.transportFor,
    watchStore,
    now: () => new Date(NOW),
    operator: 'console:alice',
    out: (t) => lines.push(t),
  });
  return { runner, fleet, watchStore, text: () => lines.join('\n'), lines };
}

describe('watch verbs at the terminal', () => {
  test('list, pause for 2h (until when, for every instance), resume', async () => {
    const { runner, watchStore, text } = await setup();
    expect(await runner.runWords(['watch', 'list'])).toBe(EXIT.ok);
    expect(text()).toMatch(
      /fleet-checklist: checklist on fleet \(2 targets\) every 5m → C0123ABCD, reminders every 4h/,
    );
    expect(text()).toMatch(/not run yet/);
    expect(await runner.runWords(['watch', 'pause', 'fleet-checklist', 'for', '2h'])).toBe(EXIT.ok);
    expect(text()).toMatch(/fleet-checklist: 已暂停 \/ paused 直到 \/ until 2026-11-30 10:00 UTC \(by console:alice\)/);
    expect(await watchStore.pause('fleet-checklist')).toMatchObject({ until: NOW + 7_200_000 });
    await runner.runWords(['watch', 'list']);
    expect(text()).toMatch(/ {2}已暂停 \/ paused 直到 \/ until 2026-11-30 10:00 UTC/);
    expect(await runner.runWords(['watch', 'resume', 'fleet-checklist'])).toBe(EXIT.ok);
    expect(text()).toMatch(/fleet-checklist: 已恢复 \/ resumed/);
    expect(await watchStore.pause('fleet-checklist')).toBeUndefined();
    expect(await runner.runWords(['watch', 'pause', 'fleet-checklist'])).toBe(EXIT.ok);
    expect(text()).toMatch(/until `watch resume`/);
  });

  test('run: each target and what the bot would post; nothing is written', async () => {
    const { runner, fleet, watchStore, lines } = await setup();
    fleet.set('web2', 'allowed-hosts-missing-ip');
    expect(await runner.runWords(['watch', 'run', 'fleet-checklist'])).toBe(EXIT.problem);
    const out = lines.join('\n');
    expect(out).toMatch(/web1 +正常 \/ ok/);
    expect(out).toMatch(/web2 +有问题 \/ problem +.*ALLOWED_HOSTS/);
    expect(out).toMatch(/the bot would post:\n {2}\[fleet-checklist\] web2: 新发现 \/ new: /);
    expect((await watchStore.state('fleet-checklist')).version).toBe(0);
    fleet.set('web1', 'down');
    expect(await runner.runWords(['watch', 'run', 'fleet-checklist'])).toBe(EXIT.unreachable);
    expect(lines.at(-2)).toMatch(/web1 +连不上 \/ unreachable +connect ECONNREFUSED/);
  });

  test('an unknown id names the ones that exist; no watches configured says how to add one', async () => {
    const { runner, text } = await setup();
    expect(await runner.runWords(['watch', 'resume', 'nope'])).toBe(EXIT.usage);
    expect(text()).toMatch(/no watch is called "nope" — nothing was changed/);
    expect(text()).toMatch(/fleet-checklist/);
    const empty = await setup('targets: {}\n');
    expect(await empty.runner.runWords(['watch', 'list'])).toBe(EXIT.ok);
    expect(empty.text()).toMatch(/no watches are configured \(watch.yml\)/);
    expect(await empty.runner.runWords(['watch', 'run', 'x'])).toBe(EXIT.usage);
  });
});
