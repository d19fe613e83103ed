import type { Target } from '../config/target.js';
import { defineAction, type Action } from './action.js';

/** systemctl's path on RHEL-family and Debian systems alike (usrmerge). */
const SYSTEMCTL = '/usr/bin/systemctl';

const restartBackend = defineAction({
  id: 'restart-backend',
  title: '重启后端服务',
  titleEn: 'Restart the backend service',
  argv: (t: Target) => [[SYSTEMCTL, 'restart', t.service]],
  preconditions: ['unit-user'],
  postChecks: ['backend-service', 'backend-port', 'login-direct'],
  timeoutMs: 60_000,
});

const startBackend = defineAction({
  id: 'start-backend',
  title: '启动后端服务',
  titleEn: 'Start the backend service',
  argv: (t: Target) => [[SYSTEMCTL, 'start', t.service]],
  preconditions: ['unit-user'],
  postChecks: ['backend-service', 'backend-port', 'login-direct'],
  timeoutMs: 60_000,
});

const daemonReloadRestart = defineAction({
  id: 'daemon-reload',
  title: '重新加载 systemd 配置并重启后端',
  titleEn: 'Reload systemd unit files, then restart the backend',
  argv: (t: Target) => [
    [SYSTEMCTL, 'daemon-reload'],
    [SYSTEMCTL, 'restart', t.service],
  ],
  preconditions: ['unit-file', 'unit-user'],
  postChecks: ['backend-service', 'backend-port', 'login-direct'],
  timeoutMs: 90_000,
});

const reloadNginx = defineAction({
  id: 'reload-nginx',
  title: '重载 Nginx 配置',
  titleEn: 'Reload nginx',
  argv: (t: Target) => [[SYSTEMCTL, 'reload', t.nginxService]],
  preconditions: ['nginx-config-test'],
  postChecks: ['nginx-service', 'login-nginx'],
  timeoutMs: 30_000,
});

const restartNginx = defineAction({
  id: 'restart-nginx',
  title: '重启 Nginx',
  titleEn: 'Restart nginx',
  argv: (t: Target) => [[SYSTEMCTL, 'restart', t.nginxService]],
  preconditions: ['nginx-config-test'],
  postChecks: ['nginx-service', 'login-nginx'],
  timeoutMs: 30_000,
});

/** The write whitelist: the only commands the bot ever runs with sudo besides `nginx -t`. */
export const ACTIONS: readonly Action[] = Object.freeze([
  restartBackend,
  startBackend,
  daemonReloadRestart,
  reloadNginx,
  restartNginx,
]);

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export function findAction(id: string): Action | undefined {
  return byId.get(id);
}
