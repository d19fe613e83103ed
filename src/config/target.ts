import type { TargetConfig } from './target-schema.js';
import { PATH_DEFAULTS, TARGET_DEFAULTS } from './target-defaults.js';

export type { TargetConfig } from './target-schema.js';

/** A validated target with its name. */
export interface Target extends TargetConfig {
  name: string;
  /**
   * Layout keys the config file sets explicitly (`paths.backend`, `backendBind` …); discovery fills
   * only the others. Undefined (the built-in target, tests): nothing is explicit.
   */
  configured?: readonly string[];
}

/** True when the target runs on this machine without SSH. */
export function isLocal(target: Target): boolean {
  return target.host === 'local';
}

/** The unit file path: configured, or `/etc/systemd/system/<service>.service`. */
export function unitFilePath(target: Target): string {
  return target.paths.unitFile ?? `/etc/systemd/system/${target.service}.service`;
}

/** The host part of the public URL (what ALLOWED_HOSTS must contain). */
export function publicHost(target: Target): string {
  return new URL(target.publicUrl).hostname;
}

/** The origin of the public URL (what CORS_ALLOWED_ORIGINS must contain). */
export function publicOrigin(target: Target): string {
  return new URL(target.publicUrl).origin;
}

/** The built-in target: this machine, the notes' standard layout (what the schema makes of `{host: local}`). */
export function localTarget(): Target {
  return {
    name: 'local',
    ...TARGET_DEFAULTS,
    paths: { ...PATH_DEFAULTS, nginxErrorLogs: [...PATH_DEFAULTS.nginxErrorLogs] },
  };
}

/** Resolved filesystem layout of a target, every optional path filled in from the defaults. */
export function targetPaths(target: Target) {
  const p = target.paths;
  return {
    ...p,
    unitFile: unitFilePath(target),
    staticDir: p.staticDir ?? `${p.backend}/staticfiles`,
    mediaDir: p.mediaDir ?? `${p.backend}/media`,
    gunicorn: p.gunicorn ?? `${p.backend}/venv/bin/gunicorn`,
    wsgiFile: p.wsgiFile ?? `${p.backend}/oms_backend/wsgi.py`,
    errorLog: p.errorLog ?? `${p.logDir.replace(/\/+$/, '')}/backend-error.log`,
    backendEnv: `${p.backend}/.env`,
  };
}

/** The layout keys a target sets itself (`paths.backend`, `backendBind` …): discovery leaves them alone. */
export function layoutKeys(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  const t = raw as Record<string, unknown>;
  const keys = ['backendBind', 'nginxListen'].filter((k) => t[k] !== undefined);
  if (t.paths && typeof t.paths === 'object') for (const k of Object.keys(t.paths)) keys.push(`paths.${k}`);
  return keys;
}
