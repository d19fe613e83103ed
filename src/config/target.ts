import { z } from 'zod';

/**
 * A server the bot diagnoses. Defaults are the layout in the operators' notes,
 * so a target usually names only how to reach it.
 */
const pathsSchema = z
  .object({
    backend: z.string().startsWith('/', 'must be an absolute path').default('/opt/OMS/backend'),
    frontend: z.string().startsWith('/', 'must be an absolute path').default('/opt/OMS/frontend-pc'),
    nginxConf: z.string().startsWith('/', 'must be an absolute path').default('/etc/nginx/conf.d/oms.conf'),
    logDir: z.string().startsWith('/', 'must be an absolute path').default('/var/log/oms'),
    /** gunicorn's `--error-logfile`; default `<logDir>/backend-error.log`. */
    errorLog: z.string().startsWith('/', 'must be an absolute path').optional(),
    unitFile: z.string().startsWith('/', 'must be an absolute path').optional(),
    nginxErrorLogs: z
      .array(z.string().startsWith('/', 'must be an absolute path'))
      .min(1)
      .default(['/var/log/nginx/error.log', '/var/log/nginx/oms_error.log']),
    /** Django collectstatic output and uploads, served by nginx `alias`. */
    staticDir: z.string().startsWith('/', 'must be an absolute path').optional(),
    mediaDir: z.string().startsWith('/', 'must be an absolute path').optional(),
    /** gunicorn inside the virtualenv; default `<backend>/venv/bin/gunicorn`. */
    gunicorn: z.string().startsWith('/', 'must be an absolute path').optional(),
    /** The WSGI module file; default `<backend>/oms_backend/wsgi.py`. */
    wsgiFile: z.string().startsWith('/', 'must be an absolute path').optional(),
  })
  .strict();

/**
 * Characters allowed in names that end up as command arguments (service names, users).
 * No leading `-`: such a value would reach systemctl/journalctl (and the sudoers rule) as an option.
 */
const safeName = z
  .string()
  .regex(/^[A-Za-z0-9_.@][A-Za-z0-9_.@-]*$/, 'may contain only letters, digits and _ . @ - and must not start with -');

export const targetSchema = z
  .object({
    /** `local` runs on this machine without SSH. */
    host: z.string().min(1).default('local'),
    port: z.number().int().min(1).max(65535).default(22),
    user: safeName.optional(),
    privateKey: z.string().optional(),
    /** Use the running ssh-agent (SSH_AUTH_SOCK) instead of a key file. */
    agent: z.boolean().default(false),
    /** Pinned host key fingerprint as `ssh-keygen -lf` prints it: `SHA256:…`. */
    hostKey: z
      .string()
      .regex(
        /^SHA256:[A-Za-z0-9+/]{43}=?$/,
        'must look like SHA256:<43 base64 characters> (from `oms-chatops keyscan`)',
      )
      .optional(),
    knownHosts: z.string().optional(),
    /** URL people open in the browser; its host is what ALLOWED_HOSTS and CORS must contain. */
    publicUrl: z.string().url().default('http://172.29.91.61'),
    service: safeName.default('oms-backend'),
    nginxService: safeName.default('nginx'),
    backendBind: z
      .string()
      .regex(/^[0-9.]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$/, 'must be host:port, e.g. 127.0.0.1:8000')
      .default('127.0.0.1:8000'),
    /** Where nginx listens on the server, probed with the public Host header. */
    nginxListen: z
      .string()
      .regex(/^[0-9.]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$/, 'must be host:port, e.g. 127.0.0.1:80')
      .default('127.0.0.1:80'),
    paths: pathsSchema.default(() => pathsSchema.parse({})),
    /** Per-target concurrency for checks (SSH channels); OpenSSH allows 10 sessions per connection. */
    maxConcurrency: z.number().int().min(1).max(10).default(8),
  })
  .strict();

export type TargetConfig = z.infer<typeof targetSchema>;

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

/** The built-in target: this machine, the notes' standard layout. */
export function localTarget(): Target {
  return { name: 'local', ...targetSchema.parse({ host: 'local' }) };
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
