/**
 * The lab's scenarios: each is the healthy replica plus `scenarios/<name>.sh`,
 * applied to the container's file system before boot (and, for some, steps
 * after boot in /etc/lab/after-boot.d). `rootCause` is the finding the bot must
 * put first with `playbook` and with `checklist` (null: nothing above info).
 */
export interface Scenario {
  name: string;
  /** What an operator sees. */
  symptom: string;
  /** The playbook an operator would pick for the symptom. */
  playbook: string;
  /** The first non-info finding expected (null for healthy situations). */
  rootCause: string | null;
  /** Info findings that must be there (e.g. `sigterm-graceful`). */
  infoFindings?: string[];
  /** Expected verdict (default `problem`, or `ok` when rootCause is null). */
  verdict?: 'ok' | 'warning' | 'problem';
  /** From the operators' notes (false: one an operator meets next on such a server). */
  fromNotes: boolean;
}

export const SCENARIOS: readonly Scenario[] = Object.freeze([
  { name: 'healthy', symptom: 'everything works (baseline)', playbook: 'checklist', rootCause: null, fromNotes: true },
  {
    name: 'cors-missing-origin',
    symptom: 'login blocked by CORS in the browser; CORS_ALLOWED_ORIGINS lacks http://172.29.91.61',
    playbook: 'login',
    rootCause: 'cors-origin-missing',
    fromNotes: true,
  },
  {
    name: 'allowed-hosts-missing-ip',
    symptom: 'login answers 400 Bad Request; ALLOWED_HOSTS lacks 172.29.91.61',
    playbook: 'login',
    rootCause: 'allowed-hosts',
    fromNotes: true,
  },
  {
    name: 'frontend-api-url-wrong',
    symptom: 'login does nothing; the front end was built with VITE_API_BASE_URL=http://localhost:8000/api',
    playbook: 'login',
    rootCause: 'frontend-api-url',
    fromNotes: true,
  },
  {
    name: 'backend-stopped',
    symptom: 'API answers 502 Bad Gateway; oms-backend stopped and disabled',
    playbook: 'api-not-found',
    rootCause: 'backend-down',
    fromNotes: true,
  },
  {
    name: 'nginx-api-location-missing',
    symptom: 'login answers 405 / the SPA page: no `location /api` in oms.conf',
    playbook: 'api-not-found',
    rootCause: 'api-location-missing',
    fromNotes: true,
  },
  {
    name: 'nginx-proxy-pass-trailing-slash',
    symptom: 'API answers Django 404: `proxy_pass http://oms_backend/;` in /api',
    playbook: 'api-not-found',
    rootCause: 'api-proxy-pass-uri',
    fromNotes: true,
  },
  {
    name: 'nginx-upstream-missing',
    symptom: 'nginx does not start: `host not found in upstream "oms_backend"`',
    playbook: 'api-not-found',
    rootCause: 'nginx-upstream-missing',
    fromNotes: true,
  },
  {
    name: 'nginx-admin-location-missing',
    symptom: '/admin/ shows the front end instead of Django admin: no `location /admin`',
    playbook: 'admin',
    rootCause: 'admin-location-missing',
    fromNotes: true,
  },
  {
    name: 'unit-user-www-data',
    symptom: 'oms-backend fails with status=217/USER: User=www-data on a host without www-data',
    playbook: 'service-start',
    rootCause: 'unit-user-missing',
    fromNotes: true,
  },
  {
    name: 'unit-file-bom',
    symptom: "`Assignment outside of section` / `Missing '='` on daemon-reload: BOM and pasted lines in the unit",
    playbook: 'service-start',
    rootCause: 'unit-file-syntax',
    fromNotes: true,
  },
  {
    name: 'worker-sigterm',
    symptom: '`[ERROR] Worker (pid:N) was sent SIGTERM!` in the logs after reloads, service healthy',
    playbook: 'worker-sigterm',
    rootCause: null,
    infoFindings: ['sigterm-graceful'],
    fromNotes: true,
  },
  {
    name: 'logdir-not-writable',
    symptom: 'oms-backend keeps restarting: /var/log/oms belongs to root, gunicorn cannot open its error log',
    playbook: 'service-start',
    rootCause: 'path-permissions',
    fromNotes: false,
  },
  {
    name: 'port-held-by-other',
    symptom:
      'oms-backend keeps restarting with `Connection in use`: a leftover server (run as root) holds the backend port',
    playbook: 'service-start',
    rootCause: 'port-taken',
    fromNotes: false,
  },
  {
    name: 'workdir-wrong',
    symptom:
      'oms-backend fails with status=200/CHDIR: WorkingDirectory is the development path /home/zxy_8581/OMS/backend',
    playbook: 'service-start',
    rootCause: 'workdir-missing',
    fromNotes: false,
  },
  {
    name: 'gunicorn-path-wrong',
    symptom:
      'oms-backend fails with status=203/EXEC: ExecStart names the development venv /home/zxy_8581/OMS/backend/venv/bin/gunicorn',
    playbook: 'service-start',
    rootCause: 'gunicorn-missing',
    fromNotes: false,
  },
  {
    name: 'wsgi-module-wrong',
    symptom:
      'oms-backend keeps restarting: ExecStart names `oms.wsgi:application` (ModuleNotFoundError, Worker failed to boot)',
    playbook: 'service-start',
    rootCause: 'app-import-error',
    fromNotes: false,
  },
  {
    name: 'nginx-upstream-wrong-port',
    symptom: 'API answers 502: the upstream points at another port than gunicorn binds',
    playbook: 'api-not-found',
    rootCause: 'nginx-upstream-wrong-port',
    fromNotes: false,
  },
  {
    name: 'debug-on',
    symptom: 'works, but DEBUG=True in production .env (error pages leak settings)',
    playbook: 'login',
    rootCause: 'insecure-settings',
    verdict: 'warning',
    fromNotes: false,
  },
  {
    name: 'superuser-inactive',
    symptom: 'the password is right but the login answers 401: the only superuser has is_active=False',
    playbook: 'login',
    rootCause: 'superuser-inactive',
    fromNotes: true,
  },
  {
    name: 'cors-origin-trailing-slash',
    symptom: 'login blocked by CORS: CORS_ALLOWED_ORIGINS=http://172.29.91.61/ (trailing slash)',
    playbook: 'login',
    rootCause: 'cors-origin-format',
    fromNotes: false,
  },
  {
    name: 'nginx-default-server',
    symptom: "the API answers nginx's own 404: Debian's default site with default_server on the OMS listen socket",
    playbook: 'api-not-found',
    rootCause: 'nginx-other-server-first',
    fromNotes: false,
  },
  {
    name: 'static-alias-missing',
    symptom: '/admin/ shows without CSS: no `location /static` (the CSS falls to the SPA)',
    playbook: 'admin',
    rootCause: 'static-alias-missing',
    verdict: 'warning',
    fromNotes: false,
  },
  {
    name: 'static-not-readable',
    symptom: '/admin/ shows without CSS: staticfiles belongs to root with mode 0700, nginx answers 403',
    playbook: 'admin',
    rootCause: 'static-not-readable',
    fromNotes: false,
  },
  {
    name: 'migrations-not-applied',
    symptom: 'login answers 500 (`no such table: auth_user`): DATABASE_NAME is a new database without migrate',
    playbook: 'login',
    rootCause: 'migrations-pending',
    fromNotes: false,
  },
  {
    name: 'database-unreadable',
    symptom: 'login answers 500 (`unable to open database file`): db.sqlite3 restored by root with mode 0600',
    playbook: 'login',
    rootCause: 'database-unavailable',
    fromNotes: false,
  },
  {
    name: 'env-crlf',
    symptom: 'the backend .env was saved with Windows line endings (CRLF)',
    playbook: 'login',
    rootCause: 'env-format-style',
    verdict: 'warning',
    fromNotes: false,
  },
  {
    name: 'unit-changed-no-reload',
    symptom: 'the unit was edited after the service started, without systemctl daemon-reload',
    playbook: 'service-start',
    rootCause: 'unit-reload-needed',
    fromNotes: false,
  },
]);

/**
 * Layout discovery's scenarios (test/e2e/discovery-lab.test.ts): diagnosed with a config of only
 * host/user/key/hostKey/publicUrl (plus the lab's random ports where discovery cannot know them), so
 * they are not part of the matrix above, which diagnoses with the notes' layout.
 */
export const DISCOVERY_SCENARIOS: readonly Scenario[] = Object.freeze([
  {
    name: 'relocated-install',
    symptom: 'healthy, installed under /srv/erp (backend, web), logs in /data/logs/erp, site in erp-portal.conf',
    playbook: 'checklist',
    rootCause: null,
    fromNotes: false,
  },
  {
    name: 'discovery-unit-missing',
    symptom: 'the backend unit is not installed: discovery cannot read it and falls back for its part',
    playbook: 'service-start',
    rootCause: 'unit-not-installed',
    fromNotes: false,
  },
  {
    name: 'discovery-nginx-t-fails',
    symptom: '`sudo -n nginx -T` is refused (an older sudoers drop-in): discovery falls back for nginx',
    playbook: 'checklist',
    rootCause: null,
    fromNotes: false,
  },
  {
    name: 'discovery-two-sites',
    symptom: 'two server blocks proxy to the backend (the OMS site and an admin site): discovery cannot choose',
    playbook: 'checklist',
    rootCause: null,
    fromNotes: false,
  },
]);

export function findScenario(name: string): Scenario | undefined {
  return [...SCENARIOS, ...DISCOVERY_SCENARIOS].find((s) => s.name === name);
}
