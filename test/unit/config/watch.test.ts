import { parseConfig } from '../../../src/config/config.js';
import { checkWatchPlaybooks } from '../../../src/config/watch.js';
import { configErrorOf as errorOf } from '../../helpers/config-error.js';

const target = (name: string, port: number) =>
  `  ${name}:\n    host: 127.0.0.1\n    port: ${port}\n    user: omsbot\n    privateKey: /k\n`;
const BASE = `targets:\n${target('web1', 2201)}${target('web2', 2202)}${target('staging', 2203)}groups:\n  prod: [web1, web2]\n`;

describe('watch: entries in the config', () => {
  it('resolves a group, a list and defaults (id from playbook and targets, remindEvery 4h)', () => {
    const c = parseConfig(
      `${BASE}watch:\n` +
        '  - playbook: checklist\n    targets: prod\n    every: 5m\n    channel: C0123ABCD\n' +
        '  - id: stage-login\n    playbook: login\n    targets: [staging, web1]\n    every: 1m\n' +
        '    channel: C0999ZZZZ\n    remindEvery: 30m\n',
      'f.yml',
    );
    expect(c.watches).toEqual([
      {
        id: 'checklist-prod',
        playbook: 'checklist',
        targetsText: 'prod',
        targets: ['web1', 'web2'],
        everyMs: 300_000,
        channel: 'C0123ABCD',
        remindEveryMs: 4 * 3_600_000,
        line: 20,
      },
      {
        id: 'stage-login',
        playbook: 'login',
        targetsText: 'staging, web1',
        targets: ['staging', 'web1'],
        everyMs: 60_000,
        channel: 'C0999ZZZZ',
        remindEveryMs: 1_800_000,
        line: 24,
      },
    ]);
  });

  it('no watch: an empty list', () => {
    expect(parseConfig(BASE, 'f').watches).toEqual([]);
  });

  it('refuses an interval under 1 minute, with file:line and the key', () => {
    const e = errorOf(
      `${BASE}watch:\n  - playbook: checklist\n    targets: prod\n    every: 30s\n    channel: C0123ABCD\n`,
    );
    expect(e.message).toBe(
      'oms-chatops.yml:22: watch.0.every: is under 1 minute: a watch runs at most once a minute (e.g. every: 5m)',
    );
  });

  it('refuses an unknown target or group, naming what exists', () => {
    const e = errorOf(
      `${BASE}watch:\n  - playbook: checklist\n    targets: [web1, prdo]\n    every: 5m\n    channel: C0123ABCD\n`,
    );
    expect(e.key).toBe('watch.0.targets.1');
    expect(e.line).toBe(21);
    expect(e.problem).toBe('names no target or group: "prdo" (targets: local, web1, web2, staging; groups: prod, all)');
  });

  it('refuses a channel that is not a channel id, an unknown key and a duplicate id', () => {
    const entry = (extra = '') =>
      `  - playbook: checklist\n    targets: prod\n    every: 5m\n    channel: C0123ABCD\n${extra}`;
    expect(
      errorOf(`${BASE}watch:\n  - playbook: checklist\n    targets: prod\n    every: 5m\n    channel: "#ops"\n`)
        .message,
    ).toMatch(/watch\.0\.channel: must be a Slack channel ID such as C0123ABCD/);
    expect(errorOf(`${BASE}watch:\n${entry('    evry: 5m\n')}`).message).toMatch(/watch\.0: unknown key "?evry/);
    const dup = errorOf(`${BASE}watch:\n${entry()}${entry()}`);
    expect(dup.key).toBe('watch.1.id');
    expect(dup.problem).toMatch(/used twice/);
  });

  it('checkWatchPlaybooks: an alias becomes the id; an unknown playbook is refused with the list', () => {
    const c = parseConfig(
      `${BASE}watch:\n  - playbook: 登录\n    targets: prod\n    every: 5m\n    channel: C0123ABCD\n`,
      'f',
    );
    const find = (n: string) => ({ 登录: 'login', login: 'login', checklist: 'checklist' })[n];
    const ok = checkWatchPlaybooks(c.watches!, find, ['checklist', 'login']);
    expect(ok.ok && ok.watches[0]!.playbook).toBe('login');
    const bad = checkWatchPlaybooks([{ ...c.watches![0]!, playbook: 'nope' }], find, ['checklist', 'login']);
    expect(bad).toEqual({
      ok: false,
      watch: expect.objectContaining({ line: 20 }),
      problem: 'names no playbook: "nope" (playbooks: checklist, login)',
    });
  });
});
