/**
 * The defaults of a target's keys (the layout in the operators' notes), as plain values: the schema
 * (src/config/target-schema.ts) fills them in, and the built-in `local` target is made of them without zod.
 */
export const PATH_DEFAULTS = {
  backend: '/opt/OMS/backend',
  frontend: '/opt/OMS/frontend-pc',
  nginxConf: '/etc/nginx/conf.d/oms.conf',
  logDir: '/var/log/oms',
  nginxErrorLogs: ['/var/log/nginx/error.log', '/var/log/nginx/oms_error.log'] as readonly string[],
} as const;

export const TARGET_DEFAULTS = {
  host: 'local',
  port: 22,
  agent: false,
  publicUrl: 'http://172.29.91.61',
  service: 'oms-backend',
  nginxService: 'nginx',
  backendBind: '127.0.0.1:8000',
  nginxListen: '127.0.0.1:80',
  maxConcurrency: 8,
} as const;

/** `host:port` or `[v6]:port`: what `backendBind` and `nginxListen` must look like. */
export const HOST_PORT = /^[0-9.]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$/;

/**
 * Whether a layout value passes the schema's rules (an absolute path; a non-empty list of them for
 * `nginxErrorLogs`; `host:port` for the two addresses), without zod: discovery checks what it found with it.
 */
export function layoutValueValid(key: string, value: unknown): boolean {
  const absolute = (v: unknown) => typeof v === 'string' && v.startsWith('/');
  if (key === 'backendBind' || key === 'nginxListen') return typeof value === 'string' && HOST_PORT.test(value);
  if (key === 'paths.nginxErrorLogs') return Array.isArray(value) && value.length > 0 && value.every(absolute);
  return key.startsWith('paths.') && absolute(value);
}
