import type { Check } from './check.js';
import { adminPage } from './admin-page.js';
import { apiRoot } from './api-root.js';
import { backendEnv } from './backend-env.js';
import { corsPreflight } from './cors-preflight.js';
import { frontendEnv } from './frontend-env.js';
import { loginDirect } from './login-direct.js';
import { loginNginx } from './login-nginx.js';
import { nginxConfigTest } from './nginx-config-test.js';
import { nginxErrorLog } from './nginx-error-log.js';
import { nginxSite } from './nginx-site.js';

/** The web-side checks (docs/checks.md, "Web side"), in the order the page lists them. */
export const WEB_CHECKS: Check[] = [
  loginDirect,
  loginNginx,
  corsPreflight,
  adminPage,
  apiRoot,
  backendEnv,
  frontendEnv,
  nginxConfigTest,
  nginxSite,
  nginxErrorLog,
];
