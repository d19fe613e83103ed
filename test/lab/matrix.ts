/**
 * The lab matrix (test/e2e/lab.test.ts): for each scenario, the playbooks an operator might reasonably pick for
 * what they see — besides the scenario's own playbook and `checklist`, which always run. Every pair must put the
 * scenario's root cause first (the catalogue of causes reaches every playbook, and the engine follows the
 * evidence). A scenario not listed here runs with its own playbook and `checklist` only.
 *
 * To add a scenario: add it to SCENARIOS (test/lab/scenarios.ts), then a row here naming the other playbooks
 * an operator with that symptom would try.
 */
export const OTHER_PLAYBOOKS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  // "the login fails": the browser shows a CORS error, a 400, or nothing happens.
  'cors-missing-origin': [],
  'allowed-hosts-missing-ip': ['api-not-found', 'admin'],
  'frontend-api-url-wrong': [],
  // 502 everywhere: the API, the login, the admin; or they know the service is down.
  'backend-stopped': ['login', 'admin', 'service-start'],
  'nginx-api-location-missing': ['login'],
  'nginx-proxy-pass-trailing-slash': ['login'],
  'nginx-upstream-missing': ['login', 'admin'],
  'nginx-admin-location-missing': [],
  // The unit fails to start: systemctl says so, the browser sees 502.
  'unit-user-www-data': ['api-not-found', 'login'],
  // daemon-reload prints the errors; the service itself may still run, so only service-start is reasonable.
  'unit-file-bom': [],
  'worker-sigterm': [],
  'logdir-not-writable': ['api-not-found'],
  'port-held-by-other': ['api-not-found', 'login'],
  'workdir-wrong': ['api-not-found'],
  'gunicorn-path-wrong': ['api-not-found'],
  'wsgi-module-wrong': ['api-not-found', 'worker-sigterm'],
  'nginx-upstream-wrong-port': ['login'],
  'debug-on': [],
  // The password is right, the login says 401; the Django admin refuses the same account.
  'superuser-inactive': ['admin'],
  'cors-origin-trailing-slash': [],
  // nginx's own 404 (or its welcome page) for the API, the login and the admin.
  'nginx-default-server': ['login', 'admin'],
  'static-alias-missing': [],
  'static-not-readable': [],
  // 500 on the login and in the admin.
  'migrations-not-applied': ['api-not-found', 'admin'],
  'database-unreadable': ['api-not-found', 'admin'],
  // A .env edited on Windows: "the service misbehaves after I changed .env".
  'env-crlf': ['service-start'],
  'unit-changed-no-reload': [],
});

/** Every playbook of the matrix for a scenario: its own first, then the others, then `checklist`, each once. */
export function matrixPlaybooks(scenario: { name: string; playbook: string }): string[] {
  return [...new Set([scenario.playbook, ...(OTHER_PLAYBOOKS[scenario.name] ?? []), 'checklist'])];
}
