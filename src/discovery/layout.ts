/**
 * What discovery found on a server, each value with where it came from, and
 * what it could not decide. Pure data; produced by `derive-layout.ts`.
 */

/** The target keys discovery can fill (dotted like the config file). */
export const LAYOUT_KEYS = [
  'paths.backend',
  'paths.frontend',
  'paths.nginxConf',
  'paths.logDir',
  'paths.errorLog',
  'paths.unitFile',
  'paths.nginxErrorLogs',
  'paths.staticDir',
  'paths.mediaDir',
  'paths.gunicorn',
  'paths.wsgiFile',
  'backendBind',
  'nginxListen',
] as const;

export type LayoutKey = (typeof LAYOUT_KEYS)[number];

export type LayoutValue = string | readonly string[];

/** One value and its origin, e.g. `unit ExecStart --error-logfile` or `nginx -T /etc/nginx/conf.d/oms.conf:12`. */
export interface Sourced<T extends LayoutValue = LayoutValue> {
  value: T;
  source: string;
}

/** A part discovery could not decide: the keys it would have filled and why (one line, Chinese / English). */
export interface Undecided {
  keys: readonly LayoutKey[];
  reason: string;
}

/** Everything discovery learned from one server. */
export interface Discovery {
  values: Partial<Record<LayoutKey, Sourced>>;
  /** Facts shown to the operator but not used by checks (User, server_name, upstream …). */
  notes: Sourced<string>[];
  undecided: Undecided[];
}

export function emptyDiscovery(): Discovery {
  return { values: {}, notes: [], undecided: [] };
}
