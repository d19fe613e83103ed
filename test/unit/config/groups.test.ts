import { parseConfig } from '../../../src/config/config.js';
import { resolveGroups, resolveTargetSpec } from '../../../src/config/groups.js';
import { configErrorOf as errorOf } from '../../helpers/config-error.js';

const target = (name: string, port: number) =>
  `  ${name}:\n    host: 127.0.0.1\n    port: ${port}\n    user: omsbot\n    privateKey: /k\n`;
const TARGETS = `targets:\n${target('web1', 2201)}${target('web2', 2202)}${target('staging', 2203)}`;

describe('groups of targets', () => {
  it('flattens nested groups in order, lists a target once, and builds `all` without local', () => {
    const config = parseConfig(`${TARGETS}groups:\n  prod: [web1, web2]\n  everything: [staging, prod, web1]\n`, 'f');
    expect(config.groups.get('prod')).toEqual(['web1', 'web2']);
    expect(config.groups.get('everything')).toEqual(['staging', 'web1', 'web2']);
    expect(config.groups.get('all')).toEqual(['web1', 'web2', 'staging']);
    expect(config.targets.has('local')).toBe(true);
  });

  it('a config without groups still has `all`', () => {
    const config = parseConfig(TARGETS, 'f');
    expect([...config.groups.keys()]).toEqual(['all']);
  });

  it('names the member that is neither a target nor a group, with its line', () => {
    const e = errorOf(`${TARGETS}groups:\n  prod: [web1, web3]\n`);
    expect(e.key).toBe('groups.prod.1');
    expect(e.line).toBe(18);
    expect(e.problem).toContain('"web3"');
    expect(e.problem).toContain('web1, web2, staging');
  });

  it('refuses a cycle and shows it', () => {
    const e = errorOf(`${TARGETS}groups:\n  a: [web1, b]\n  b: [c]\n  c: [a]\n`);
    expect(e.key).toMatch(/^groups\.[abc]\.\d$/);
    expect(e.problem).toMatch(/cycle: (a → b → c → a|b → c → a → b|c → a → b → c)/);
  });

  it('refuses an empty group, a group named like a target, and a group named all', () => {
    expect(errorOf(`${TARGETS}groups:\n  prod: []\n`).problem).toContain('is empty');
    expect(errorOf(`${TARGETS}groups:\n  web1: [web2]\n`).problem).toContain('also a target name');
    expect(errorOf(`${TARGETS}groups:\n  all: [web2]\n`).problem).toContain('built in');
  });

  it('a group may include `all`', () => {
    const r = resolveGroups({ every: ['all', 'local'] }, ['local', 'a', 'b']);
    expect(r).toEqual({
      ok: true,
      groups: new Map([
        ['every', ['a', 'b', 'local']],
        ['all', ['a', 'b']],
      ]),
    });
  });

  it('resolves what a command names: a target, a group, an empty all, or unknown', () => {
    const config = parseConfig(`${TARGETS}groups:\n  prod: [web1, web2]\n`, 'f');
    expect(resolveTargetSpec('web1', config)).toEqual({ kind: 'target', name: 'web1' });
    expect(resolveTargetSpec('prod', config)).toEqual({ kind: 'group', name: 'prod', targets: ['web1', 'web2'] });
    expect(resolveTargetSpec('nope', config)).toEqual({ kind: 'unknown', name: 'nope' });
    const bare = parseConfig('targets: {}\n', 'f');
    expect(resolveTargetSpec('all', bare)).toEqual({ kind: 'empty-group', name: 'all' });
  });
});
