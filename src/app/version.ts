import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from './deps.js';

/** `version`: what is running, and with which config. */
export interface VersionInfo {
  /** package.json's version. */
  version: string;
  /** `process.version`, e.g. `v20.20.2`. */
  node: string;
  /** The config file in use, or `built-in`. */
  config: string;
}

let cached: string | undefined;

/** The version in this package's package.json, found upwards from this module (src/ or the bundle in bin/). */
function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'oms-chatops' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // not here: one level up
    }
  }
  return (cached = 'unknown');
}

export function version(deps: Pick<AppDeps, 'config'>): VersionInfo {
  return { version: packageVersion(), node: process.version, config: deps.config.source };
}
