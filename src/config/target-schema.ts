import { z } from 'zod';
import { HOST_PORT, PATH_DEFAULTS, TARGET_DEFAULTS } from './target-defaults.js';

/**
 * A server the bot diagnoses. Defaults are the layout in the operators' notes,
 * so a target usually names only how to reach it.
 */
const pathsSchema = z
  .object({
    backend: z.string().startsWith('/', 'must be an absolute path').default(PATH_DEFAULTS.backend),
    frontend: z.string().startsWith('/', 'must be an absolute path').default(PATH_DEFAULTS.frontend),
    nginxConf: z.string().startsWith('/', 'must be an absolute path').default(PATH_DEFAULTS.nginxConf),
    logDir: z.string().startsWith('/', 'must be an absolute path').default(PATH_DEFAULTS.logDir),
    /** gunicorn's `--error-logfile`; default `<logDir>/backend-error.log`. */
    errorLog: z.string().startsWith('/', 'must be an absolute path').optional(),
    unitFile: z.string().startsWith('/', 'must be an absolute path').optional(),
    nginxErrorLogs: z
      .array(z.string().startsWith('/', 'must be an absolute path'))
      .min(1)
      .default(() => [...PATH_DEFAULTS.nginxErrorLogs]),
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
    host: z.string().min(1).default(TARGET_DEFAULTS.host),
    port: z.number().int().min(1).max(65535).default(TARGET_DEFAULTS.port),
    user: safeName.optional(),
    privateKey: z.string().optional(),
    /** Use the running ssh-agent (SSH_AUTH_SOCK) instead of a key file. */
    agent: z.boolean().default(TARGET_DEFAULTS.agent),
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
    publicUrl: z.string().url().default(TARGET_DEFAULTS.publicUrl),
    service: safeName.default(TARGET_DEFAULTS.service),
    nginxService: safeName.default(TARGET_DEFAULTS.nginxService),
    backendBind: z
      .string()
      .regex(HOST_PORT, 'must be host:port, e.g. 127.0.0.1:8000')
      .default(TARGET_DEFAULTS.backendBind),
    /** Where nginx listens on the server, probed with the public Host header. */
    nginxListen: z
      .string()
      .regex(HOST_PORT, 'must be host:port, e.g. 127.0.0.1:80')
      .default(TARGET_DEFAULTS.nginxListen),
    paths: pathsSchema.default(() => pathsSchema.parse({})),
    /** Per-target concurrency for checks (SSH channels); OpenSSH allows 10 sessions per connection. */
    maxConcurrency: z.number().int().min(1).max(10).default(TARGET_DEFAULTS.maxConcurrency),
  })
  .strict();

export type TargetConfig = z.infer<typeof targetSchema>;
