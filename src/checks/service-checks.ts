import type { Check } from './check.js';
import { backendErrorLog } from './backend-error-log.js';
import { backendJournal } from './backend-journal.js';
import { backendPaths } from './backend-paths.js';
import { backendPort } from './backend-port.js';
import { backendPortHolder } from './backend-port-holder.js';
import { backendService } from './backend-service.js';
import { djangoSuperusers } from './django-superusers.js';
import { envFormat } from './env-format.js';
import { nginxService } from './nginx-service.js';
import { unitFile } from './unit-file.js';
import { unitReloadNeeded } from './unit-reload-needed.js';
import { unitUser } from './unit-user.js';

/** Service-side checks (docs/checks.md, "Service side"), in the order the report shows them. */
export const SERVICE_CHECKS: Check[] = [
  backendService,
  backendJournal,
  backendErrorLog,
  backendPort,
  backendPortHolder,
  unitFile,
  unitReloadNeeded,
  unitUser,
  backendPaths,
  nginxService,
  envFormat,
  djangoSuperusers,
];
