/**
 * The facts `compare` sets side by side, in the order they are shown when none explains a finding. Only
 * facts listed here are ever compared or shown: a fact a check adds later stays out until it is listed
 * (its values may not be fit to show). Each names the checks whose findings a difference in it can explain.
 */

/** Where a fact belongs, in display order. */
export const FACT_GROUPS = [
  'settings',
  'frontend',
  'nginx',
  'unit',
  'files',
  'ports',
  'versions',
  'responses',
] as const;
export type FactGroup = (typeof FACT_GROUPS)[number] | 'checks';

export interface FactSpec {
  check: string;
  fact: string;
  group: FactGroup;
  /** What the fact is, Chinese first where it helps. */
  label: string;
  /** Checks whose findings a difference in this fact can explain (its own check is always one). */
  explains: readonly string[];
  /** The order of a list does not matter (hosts, origins): compared as a set. */
  unordered?: true;
}

const DJANGO_HOSTS = [
  'backend-env',
  'login-nginx',
  'login-direct',
  'admin-page',
  'backend-error-log',
  'backend-journal',
];
const CORS = ['backend-env', 'cors-preflight', 'login-nginx'];
const NGINX = ['nginx-site', 'nginx-config-test', 'login-nginx', 'api-root', 'admin-page', 'cors-preflight'];
const UNIT = ['unit-file', 'unit-user', 'backend-service', 'backend-paths', 'backend-journal', 'backend-port'];
const BACKEND = ['backend-service', 'backend-port', 'login-direct', 'login-nginx', 'backend-port-holder'];

const spec = (
  check: string,
  fact: string,
  group: FactGroup,
  label: string,
  explains: readonly string[] = [check],
  unordered?: true,
): FactSpec => ({ check, fact, group, label, explains, ...(unordered ? { unordered } : {}) });

export const FACT_CATALOGUE: readonly FactSpec[] = Object.freeze([
  spec('backend-env', 'allowedHosts', 'settings', 'ALLOWED_HOSTS', DJANGO_HOSTS, true),
  spec('backend-env', 'corsOrigins', 'settings', 'CORS_ALLOWED_ORIGINS', CORS, true),
  spec('backend-env', 'corsAllowAll', 'settings', 'CORS_ALLOW_ALL_ORIGINS', CORS),
  spec('backend-env', 'debug', 'settings', 'DEBUG'),
  spec('env-format', 'bom', 'settings', '.env 开头的 BOM / BOM at the start of .env', ['env-format', 'backend-env']),
  spec('env-format', 'crlfLines', 'settings', '.env 的 CRLF 行 / CRLF lines in .env', ['env-format', 'backend-env']),
  spec('frontend-env', 'apiBaseUrl', 'frontend', 'VITE_API_BASE_URL', ['frontend-env', 'cors-preflight']),
  spec('frontend-env', 'distApiUrls', 'frontend', '构建产物中的 API 地址 / API URL in the built front end'),
  spec('nginx-site', 'locations', 'nginx', 'nginx location', NGINX),
  spec('nginx-site', 'proxyPasses', 'nginx', 'nginx proxy_pass', NGINX),
  spec('nginx-site', 'upstreamServers', 'nginx', 'nginx upstream', [...NGINX, 'nginx-error-log']),
  spec('nginx-site', 'staticServed', 'nginx', '/static 文件 / file for /static'),
  spec('nginx-site', 'mediaServed', 'nginx', '/media 文件 / file for /media'),
  spec('unit-file', 'user', 'unit', 'User= (unit file)', UNIT),
  spec('unit-file', 'group', 'unit', 'Group= (unit file)', UNIT),
  spec('unit-file', 'workingDirectory', 'unit', 'WorkingDirectory= (unit file)', UNIT),
  spec('unit-file', 'execStart', 'unit', 'ExecStart= (unit file)', [...UNIT, ...BACKEND]),
  spec('unit-file', 'environmentFile', 'unit', 'EnvironmentFile= (unit file)', UNIT),
  spec('unit-file', 'badLines', 'unit', '单元文件无效行 / unit file lines systemd ignores', UNIT),
  spec('backend-service', 'user', 'unit', 'User (systemctl show)', UNIT),
  spec('backend-service', 'workingDirectory', 'unit', 'WorkingDirectory (systemctl show)', UNIT),
  spec('backend-service', 'activeState', 'unit', '后端服务状态 / backend service state', BACKEND),
  spec('backend-service', 'exit', 'unit', '后端退出状态 / backend exit status', BACKEND),
  spec('backend-service', 'nRestarts', 'unit', '后端重启次数 / backend restarts'),
  spec('nginx-service', 'activeState', 'unit', 'nginx 服务状态 / nginx service state', ['nginx-service', ...NGINX]),
  spec('unit-user', 'user', 'unit', '单元用户 / unit user (getent)', UNIT),
  spec('backend-paths', 'backend', 'files', '后端目录 / backend dir (owner mode type)', UNIT),
  spec('backend-paths', 'gunicorn', 'files', 'gunicorn (owner mode type)', UNIT),
  spec('backend-paths', 'wsgiFile', 'files', 'wsgi.py (owner mode type)', UNIT),
  spec('backend-paths', 'logDir', 'files', '日志目录 / log dir (owner mode type)', UNIT),
  spec('backend-port', 'listeners', 'ports', '后端端口 / backend bind listening', BACKEND),
  spec('backend-port', 'listening', 'ports', '监听端口 / listening addresses', [...BACKEND, 'nginx-service']),
  spec('backend-error-log', 'gunicornVersion', 'versions', 'gunicorn 版本 / gunicorn version'),
  spec('login-nginx', 'server', 'versions', 'nginx Server 头 / nginx Server header'),
  spec('login-direct', 'httpStatus', 'responses', 'POST :8000/api/auth/login/ (HTTP)', BACKEND),
  spec('login-nginx', 'httpStatus', 'responses', 'POST /api/auth/login/ via nginx (HTTP)', ['login-nginx', ...NGINX]),
  spec('login-nginx', 'allowOrigin', 'responses', 'Access-Control-Allow-Origin (login)', CORS),
  spec('cors-preflight', 'httpStatus', 'responses', 'OPTIONS /api/auth/login/ (HTTP)', CORS),
  spec('cors-preflight', 'allowOrigin', 'responses', 'Access-Control-Allow-Origin (preflight)', CORS),
  spec('api-root', 'httpStatus', 'responses', 'GET /api/ (HTTP)', NGINX),
  spec('admin-page', 'httpStatus', 'responses', 'GET /admin/ (HTTP)', NGINX),
  spec('django-superusers', 'superusers', 'responses', '超级管理员 / superusers', ['django-superusers']),
]);

/** The env-format fact holding each setting's state (src/checks/setting-states.ts). */
export const SETTINGS_FACT = { check: 'env-format', fact: 'settings' } as const;

/** Settings whose values are shown through their own facts above (so the state list skips them). */
export const SHOWN_SETTINGS: ReadonlySet<string> = new Set([
  'ALLOWED_HOSTS',
  'DJANGO_ALLOWED_HOSTS',
  'CORS_ALLOWED_ORIGINS',
  'CORS_ORIGIN_WHITELIST',
  'CORS_ALLOW_ALL_ORIGINS',
  'CORS_ORIGIN_ALLOW_ALL',
  'DEBUG',
  'DJANGO_DEBUG',
]);

/**
 * What a difference in a setting whose value is not shown can explain: the backend failing to start or
 * to answer (Django reads every setting at start). Not backend-env's own findings: those are about the
 * settings shown above, which explain them directly.
 */
export const SETTINGS_EXPLAIN: readonly string[] = [
  'env-format',
  'backend-service',
  'backend-journal',
  'backend-error-log',
];
