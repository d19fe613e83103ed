import type { Check } from './check.js';
import { djangoMigrations } from './django-migrations.js';
import { nginxServers } from './nginx-servers.js';
import { staticFiles } from './static-files.js';

/**
 * Checks beyond the OMS files (docs/checks.md, "Beyond the site"): what nginx
 * really loaded, whether nginx can read the static folders, and the host itself.
 */
export const HOST_CHECKS: Check[] = [nginxServers, staticFiles, djangoMigrations];
