import { parseConfig } from '../../../src/config/config.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { findCheck } from '../../../src/checks/registry.js';
import { resolveCheck, resolveDiagnose, resolveTarget } from '../../../src/command/resolve.js';

const config = parseConfig(
  'targets:\n  prod:\n    host: 10.0.0.1\n    user: omsbot\n    privateKey: /k\ndefaultTarget: prod\n',
  't.yml',
);
let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

describe('resolveDiagnose', () => {
  it('id, alias and trailing target', () => {
    expect(resolveDiagnose('login', undefined, playbooks, config)).toMatchObject({
      kind: 'run',
      playbook: { id: 'login' },
      target: { name: 'prod' },
    });
    expect(resolveDiagnose('登录 local', undefined, playbooks, config)).toMatchObject({
      kind: 'run',
      playbook: { id: 'login' },
      target: { name: 'local' },
    });
  });
  it('free text through intent matching', () => {
    expect(resolveDiagnose('超级管理员登录不上', undefined, playbooks, config)).toMatchObject({
      kind: 'run',
      playbook: { id: 'login' },
    });
  });
  it('unknown target, explicit or trailing', () => {
    expect(resolveDiagnose('login', 'staging', playbooks, config)).toEqual({ kind: 'unknown-target', name: 'staging' });
    expect(resolveDiagnose('login prdo', undefined, playbooks, config)).toEqual({
      kind: 'unknown-target',
      name: 'prdo',
    });
  });
  it('a known phrase after a playbook word is not taken for a target', () => {
    expect(resolveDiagnose('login failed', undefined, playbooks, config)).toMatchObject({
      kind: 'run',
      playbook: { id: 'login' },
    });
  });
  it('nothing matches', () => {
    expect(resolveDiagnose('今天中午吃什么', undefined, playbooks, config)).toEqual({
      kind: 'unknown-playbook',
      text: '今天中午吃什么',
    });
  });
});

describe('resolveCheck / resolveTarget', () => {
  it('a known check on the named target, else the default', () => {
    expect(resolveCheck('backend-service', 'local', findCheck, config)).toMatchObject({
      kind: 'run',
      check: { id: 'backend-service' },
      target: { name: 'local' },
    });
    expect(resolveCheck('backend-service', undefined, findCheck, config)).toMatchObject({
      kind: 'run',
      target: { name: 'prod' },
    });
    expect(resolveTarget(undefined, config)?.name).toBe('prod');
  });
  it('the check is looked up before the target', () => {
    expect(resolveCheck('no-such-check', 'staging', findCheck, config)).toEqual({
      kind: 'unknown-check',
      id: 'no-such-check',
    });
    expect(resolveCheck('backend-service', 'staging', findCheck, config)).toEqual({
      kind: 'unknown-target',
      name: 'staging',
    });
    expect(resolveTarget('staging', config)).toBeUndefined();
  });
});
