import type { Check } from './check.js';
import { backendMemory } from './backend-memory.js';
import { diskSpace } from './disk-space.js';
import { djangoMigrations } from './django-migrations.js';
import { firewalld } from './firewalld.js';
import { nginxServers } from './nginx-servers.js';
import { selinux } from './selinux.js';
import { staticFiles } from './static-files.js';

/**
 * Checks beyond the OMS files (docs/checks.md, "Beyond the site"): what nginx
 * really loaded, whether nginx can read the static folders, and the host itself.
 */
export const HOST_CHECKS: Check[] = [
  nginxServers,
  staticFiles,
  djangoMigrations,
  backendMemory,
  diskSpace,
  selinux,
  firewalld,
];
