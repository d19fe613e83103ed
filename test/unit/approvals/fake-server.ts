/**
 * A scripted OMS server for the approval flow: answers the read-only checks
 * from the replica captures, and changes state when the whitelisted actions
 * run (a restart gives the backend a new MainPID). Counts every sudo command.
 */
import { loadCapture, result } from '../../helpers/capture.js';
import { ScriptedTransport } from '../engine/fakes.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import type { Config } from '../../../src/config/config.js';
import { parseConfig } from '../../../src/config/config.js';

export interface ServerState {
  running: boolean;
  mainPid: number;
  /** nginx -t fails (precondition of reload-nginx). */
  nginxBroken: boolean;
  /** After a restart the backend is still down (post-check failure). */
  restartDoesNotHelp: boolean;
  /** sudo refuses (no sudoers rule). */
  sudoRefuses: boolean;
  /** Every command run with sudo, as argv. */
  sudo: string[][];
}

export function fakeServer(initial: Partial<ServerState> = {}) {
  const state: ServerState = {
    running: false,
    mainPid: 0,
    nginxBroken: false,
    restartDoesNotHelp: false,
    sudoRefuses: false,
    sudo: [],
    ...initial,
  };
  let nextPid = 4100;
  const scenario = () => (state.running ? 'healthy' : 'backend-stopped');

  const showBackend = (): ExecResult => {
    const r = loadCapture(scenario(), 'systemctl-show.txt');
    return { ...r, stdout: r.stdout.replace(/^MainPID=\d+/m, `MainPID=${state.running ? state.mainPid : 0}`) };
  };

  const systemctl = (argv: readonly string[]): ExecResult => {
    const [, verb, unit] = argv;
    if (verb === 'show' && unit === 'oms-backend')
      return argv.join(' ').includes('MainPID') ? showBackend() : result('User=nginx\nGroup=nginx\n');
    if (verb === 'show' && unit === 'nginx')
      return result('LoadState=loaded\nActiveState=active\nSubState=running\nResult=success\n');
    return result('', 1, `unexpected systemctl call: ${argv.join(' ')}`);
  };

  const privileged = (argv: readonly string[]): ExecResult => {
    state.sudo.push([...argv]);
    if (state.sudoRefuses) return result('', 1, 'sudo: a password is required');
    const [, verb, unit] = argv;
    if ((verb === 'restart' || verb === 'start') && unit === 'oms-backend') {
      if (!state.restartDoesNotHelp) {
        state.running = true;
        state.mainPid = nextPid++;
      }
      return result('');
    }
    if (verb === 'reload' || verb === 'restart' || verb === 'daemon-reload') return result('');
    return result('', 1, `unexpected privileged call: ${argv.join(' ')}`);
  };

  const transport = new ScriptedTransport({
    systemctl: (argv) => systemctl(argv),
    '/usr/bin/systemctl': (argv) => privileged(argv),
    getent: (argv) =>
      result(
        argv[1] === 'passwd'
          ? 'root:x:0:0::/root:/bin/sh\nnginx:x:999:997::/:/sbin/nologin\n'
          : 'root:x:0:\nnginx:x:997:\n',
      ),
    ss: () => loadCapture(scenario(), 'ss-tlnp.txt'),
    curl: (argv) =>
      argv.some((a) => a.includes('127.0.0.1:8000'))
        ? loadCapture(scenario(), 'login-direct.txt')
        : loadCapture('healthy', 'login-nginx.txt'),
    '/usr/sbin/nginx': () =>
      state.nginxBroken
        ? result(
            '',
            1,
            'nginx: [emerg] unexpected "}" in /etc/nginx/conf.d/oms.conf:12\nnginx: configuration file /etc/nginx/nginx.conf test failed',
          )
        : loadCapture('healthy', 'nginx-t.txt'),
  });
  return { state, transport };
}

export const APPROVER = 'U0APPROVER';
export const APPROVER2 = 'U0SECOND';
export const REQUESTER = 'U0REQUESTER';
export const OUTSIDER = 'U0OUTSIDER';
export const GROUP = 'S0ONCALL';

/** A config with a `prod` target (SSH-shaped, never connected: the fake transport answers) and a policy. */
export function testConfig(policy = '', options: { approvers?: boolean } = {}): Config {
  return parseConfig(
    `targets:
  prod:
    host: 10.0.0.5
    user: omsbot
    privateKey: /nonexistent/key
  staging:
    host: 10.0.0.6
    user: omsbot
    privateKey: /nonexistent/key
defaultTarget: prod
policy:
${options.approvers === false ? '  approvers: []\n' : `  approvers: [${APPROVER}, ${APPROVER2}]\n  approverGroups: [${GROUP}]\n`}${policy}`,
    'test.yml',
  );
}
