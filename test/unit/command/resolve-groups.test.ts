import { parseConfig } from '../../../src/config/config.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { findCheck } from '../../../src/checks/registry.js';
import { resolveCheck, resolveDiagnose, targetsOf } from '../../../src/command/resolve.js';

const config = parseConfig(
  'targets:\n' +
    ['web1', 'web2', 'staging'].map((n) => `  ${n}: { host: 10.0.0.1, user: omsbot, privateKey: /k }\n`).join('') +
    'groups:\n  prod: [web1, web2]\ndefaultTarget: web1\n',
  't.yml',
);
const onlyLocal = parseConfig('targets: {}\n', 'empty.yml');
let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

const names = (r: { targets?: { name: string }[] }) => r.targets?.map((t) => t.name);

describe('groups wherever a target is accepted', () => {
  it('diagnose: --target prod, a trailing group word, and `all` run as a fleet', () => {
    const flag = resolveDiagnose('login', 'prod', playbooks, config);
    expect(flag).toMatchObject({ kind: 'fleet', playbook: { id: 'login' }, group: 'prod' });
    expect(names(flag as never)).toEqual(['web1', 'web2']);
    const trailing = resolveDiagnose('登录 prod', undefined, playbooks, config);
    expect(trailing).toMatchObject({ kind: 'fleet', playbook: { id: 'login' }, group: 'prod' });
    expect(names(resolveDiagnose('login', 'all', playbooks, config) as never)).toEqual(['web1', 'web2', 'staging']);
    // Free text still goes through intent matching, then runs on the group.
    expect(resolveDiagnose('超级管理员登录不上 prod', undefined, playbooks, config)).toMatchObject({
      kind: 'fleet',
      playbook: { id: 'login' },
    });
  });

  it('a single target still resolves as before', () => {
    expect(resolveDiagnose('login staging', undefined, playbooks, config)).toMatchObject({
      kind: 'run',
      target: { name: 'staging' },
    });
  });

  it('check: a group as the trailing argument or --target', () => {
    const r = resolveCheck('backend-service', 'prod', findCheck, config);
    expect(r).toMatchObject({ kind: 'fleet', check: { id: 'backend-service' }, group: 'prod' });
    expect(resolveCheck('backend-service', 'nope', findCheck, config)).toEqual({
      kind: 'unknown-target',
      name: 'nope',
    });
    // The check id is judged first: nothing is said about the target of an unknown check.
    expect(resolveCheck('no-such-check', 'prod', findCheck, config)).toEqual({
      kind: 'unknown-check',
      id: 'no-such-check',
    });
  });

  it('`all` with no configured target is an empty group, not a run on nothing', () => {
    expect(resolveDiagnose('login', 'all', playbooks, onlyLocal)).toEqual({ kind: 'empty-group', name: 'all' });
    expect(resolveCheck('backend-service', 'all', findCheck, onlyLocal)).toEqual({ kind: 'empty-group', name: 'all' });
    expect(targetsOf('local', onlyLocal)).toMatchObject({ kind: 'target', target: { name: 'local' } });
  });
});
