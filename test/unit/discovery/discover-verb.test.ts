import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CHECKS, findCheck } from '../../../src/checks/registry.js';
import { CommandRunner, EXIT } from '../../../src/cli/runner.js';
import { parseConfig } from '../../../src/config/config.js';
import { LayoutService, memoryLayoutCache } from '../../../src/discovery/layout-service.js';
import { TransportError, type ExecOptions, type Transport } from '../../../src/transport/transport.js';
import { result } from '../../helpers/capture.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'utf8');

/** Answers the discovery commands from the relocated-install fixtures; everything else exits 1. */
class FixtureTransport implements Transport {
  readonly describe = 'fixture';
  readonly ran: string[] = [];
  constructor(private readonly nginx = result(fixture('nginx-T-relocated.txt'))) {}
  async exec(argv: readonly string[], options: ExecOptions = {}) {
    this.ran.push(`${options.sudo ? 'sudo ' : ''}${argv.join(' ')}`);
    if (argv[0] === 'systemctl' && argv[1] === 'show') return result(fixture('systemctl-show-relocated.txt'));
    if (argv[0] === 'systemctl' && argv[1] === 'cat') return result(fixture('systemctl-cat-relocated.txt'));
    if (argv[0] === '/usr/sbin/nginx' && argv[1] === '-T') return this.nginx;
    if (argv[0] === 'tail')
      return result('', 1, `tail: cannot open '${argv[3]}' for reading: No such file or directory`);
    return result('', 1, `${argv[0]}: not in this fixture`);
  }
  async close() {}
}

const config = parseConfig(
  [
    'targets:',
    '  relocated:',
    '    host: 172.29.91.61',
    '    user: omsbot',
    '    privateKey: /k',
    '    service: erp-backend',
    '    paths:',
    '      frontend: /opt/OMS/frontend-pc',
  ].join('\n'),
  'test.yml',
);

function setup(transport: Transport, now = { t: 0 }) {
  const lines: string[] = [];
  const layout = new LayoutService({
    transportFor: () => transport,
    cache: memoryLayoutCache(() => now.t),
    ttlMs: 60_000,
  });
  const runner = new CommandRunner({
    config,
    playbooks: [],
    checks: CHECKS,
    findCheck,
    transportFor: () => transport,
    out: (t) => lines.push(t),
    layout,
  });
  return { runner, lines, layout };
}

describe('discover verb', () => {
  it('prints each value with its source, and where the config disagrees with the server', async () => {
    const t = new FixtureTransport();
    const { runner, lines } = setup(t);
    expect(await runner.runWords(['discover', 'relocated'])).toBe(EXIT.problem);
    const text = lines.join('\n');
    expect(t.ran).toEqual([
      'systemctl show erp-backend -p LoadState,UnitFileState,ActiveState,SubState,Result,ExecMainStatus,' +
        'ExecMainCode,NRestarts,MainPID,User,Group,WorkingDirectory,FragmentPath,ExecStart',
      'systemctl cat --no-pager erp-backend.service',
      'sudo /usr/sbin/nginx -T',
    ]);
    expect(text).toMatch(/paths\.backend\s+\/srv\/oms\/backend {2}← unit WorkingDirectory/);
    expect(text).toMatch(
      /paths\.nginxConf\s+\/etc\/nginx\/conf\.d\/erp-site\.conf {2}← nginx -T \/etc\/nginx\/conf\.d\/erp-site\.conf:5/,
    );
    expect(text).toMatch(/paths\.frontend\s+\/opt\/OMS\/frontend-pc {2}← config/);
    expect(text).toContain(
      'paths.frontend is /opt/OMS/frontend-pc but the server says /srv/oms/web (nginx -T /etc/nginx/conf.d/erp-site.conf:20)',
    );
  });

  it('--json gives the rows, the undecided parts and the conflicts', async () => {
    const { runner, lines } = setup(new FixtureTransport(result('', 1, 'sudo: a password is required')));
    await runner.runWords(['discover', '--json', '--target', 'relocated']);
    const out = JSON.parse(lines[0]!);
    expect(out.layout).toContainEqual({
      setting: 'paths.nginxConf',
      value: '/etc/nginx/conf.d/oms.conf',
      source: 'default',
    });
    expect(out.undecided[0].reason).toContain('sudo: a password is required');
  });

  it('fills unset paths before a check, asks the server once per TTL, and again when a cached path is missing', async () => {
    const t = new FixtureTransport();
    const now = { t: 0 };
    const { runner } = setup(t, now);
    await runner.runWords(['check', 'backend-error-log', 'relocated']);
    expect(t.ran).toContain('tail -n 200 /srv/logs/oms/gunicorn-error.log');
    const discoveries = () => t.ran.filter((c) => c.startsWith('systemctl cat')).length;
    expect(discoveries()).toBe(1);
    // Discovered for this very request: the log is missing on the server, nothing is asked again.
    await runner.runWords(['check', 'backend-service', 'relocated']);
    expect(discoveries()).toBe(1);
    // From the cache, a path is missing (the fixture has no log file): the server is asked again at once;
    // the layout did not move, so the check is not run a second time.
    await runner.runWords(['check', 'backend-error-log', 'relocated']);
    expect(discoveries()).toBe(2);
    expect(t.ran.filter((c) => c.startsWith('tail -n 200')).length).toBe(2);
    await runner.runWords(['check', 'backend-service', 'relocated']);
    expect(discoveries()).toBe(2);
    now.t = 61_000;
    await runner.runWords(['check', 'backend-service', 'relocated']);
    expect(discoveries()).toBe(3);
  });

  it('a server that moved since its layout was cached: discovered again and diagnosed once more with the fresh layout', async () => {
    const t = new FixtureTransport();
    const { runner, lines } = setup(t);
    await runner.runWords(['check', 'backend-service', 'relocated']);
    // The install moves: the unit now runs gunicorn with its error log elsewhere.
    const moved = (text: string) => text.replaceAll('/srv/logs/oms/', '/data/oms-logs/');
    const exec = t.exec.bind(t);
    t.exec = async (argv, options) => {
      const r = await exec(argv, options);
      return { ...r, stdout: moved(r.stdout) };
    };
    lines.length = 0;
    await runner.runWords(['check', 'backend-error-log', 'relocated']);
    const tails = t.ran.filter((c) => c.startsWith('tail -n 200'));
    expect(tails).toEqual([
      'tail -n 200 /srv/logs/oms/gunicorn-error.log',
      'tail -n 200 /data/oms-logs/gunicorn-error.log',
    ]);
    const text = lines.join('\n');
    expect(text).toContain('diagnosed again with the fresh one');
    expect(text).toContain('paths.errorLog: /srv/logs/oms/gunicorn-error.log → /data/oms-logs/gunicorn-error.log');
    // Once: the fresh layout is cached, the next request uses it without asking.
    const discoveries = () => t.ran.filter((c) => c.startsWith('systemctl cat')).length;
    expect(discoveries()).toBe(2);
    await runner.runWords(['check', 'backend-service', 'relocated']);
    expect(discoveries()).toBe(2);
  });

  it('says before the report where the config disagrees with the server and what was undecided', async () => {
    const { runner, lines } = setup(new FixtureTransport(result('', 1, 'sudo: a password is required')));
    await runner.runWords(['check', 'backend-service', 'relocated']);
    expect(lines[0]).toContain('layout of relocated (`discover relocated`)');
    expect(lines[0]).toContain('nginx -T failed (exit 1): sudo: a password is required');
    const json = setup(new FixtureTransport());
    await json.runner.runWords(['check', 'backend-service', 'relocated', '--json']);
    expect(() => JSON.parse(json.lines[0]!)).not.toThrow();
  });

  it('targets shows what was discovered and from where, once discovery ran', async () => {
    const { runner, lines } = setup(new FixtureTransport());
    await runner.runWords(['targets']);
    expect(lines.pop()).not.toContain('paths.backend');
    await runner.runWords(['discover', 'relocated']);
    await runner.runWords(['targets']);
    const text = lines.pop()!;
    expect(text).toContain('paths.backend=/srv/oms/backend ← unit WorkingDirectory');
    expect(text).toContain('paths.frontend=/opt/OMS/frontend-pc ← config');
  });

  it('an unreachable target is diagnosed as configured (and reported unreachable by the check)', async () => {
    const down: Transport = {
      describe: 'down',
      exec: async () => {
        throw new TransportError('connect_refused', 'refused', 'start sshd');
      },
      close: async () => {},
    };
    const { layout } = setup(down);
    const target = config.targets.get('relocated')!;
    expect(await layout.targetFor(target)).toBe(target);
  });

  it('discover and bundle on an unreachable target: what went wrong, what to do next, exit 3, no file', async () => {
    const down: Transport = {
      describe: 'down',
      exec: async () => {
        throw new TransportError('connect_refused', 'connect ECONNREFUSED 172.29.91.61:22', 'start sshd on the server');
      },
      close: async () => {},
    };
    const { runner, lines } = setup(down);
    expect(await runner.runWords(['discover', 'relocated'])).toBe(EXIT.unreachable);
    expect(await runner.runWords(['bundle', 'relocated', '-o', '/nonexistent-dir/b.tar.gz'])).toBe(EXIT.unreachable);
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toContain('cannot reach relocated: connect ECONNREFUSED');
      expect(l).toContain('Next: start sshd on the server');
    }
  });

  it('refuses an unknown target and extra words', async () => {
    const { runner, lines } = setup(new FixtureTransport());
    expect(await runner.runWords(['discover', 'nope'])).toBe(EXIT.usage);
    expect(await runner.runWords(['discover', 'a', 'b'])).toBe(EXIT.usage);
    expect(lines.join('\n')).toContain('unknown target or group "nope"');
  });
});
