/** Installs the src/ stack-trace mapping for the bundle's own directory (imported first by ./entry.ts). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapStacksToSources } from './stack-source-map.js';

mapStacksToSources(path.dirname(fileURLToPath(import.meta.url)));
