/**
 * Reading a gunicorn command line (the unit's ExecStart) the way gunicorn's
 * argparse does: `--bind X`, `--bind=X`, `-b X`, `-bX`; repeated `--bind`;
 * the WSGI module as the positional argument. Pure; never throws.
 */

export interface GunicornArgs {
  /** The gunicorn executable (from the venv), when the command runs gunicorn. */
  gunicorn?: string;
  /** The interpreter when started as `python -m gunicorn`. */
  python?: string;
  binds: string[];
  errorLog?: string;
  accessLog?: string;
  chdir?: string;
  /** `-c/--config`: bind or logs may be set there instead of on the command line. */
  configFile?: string;
  /** `oms_backend.wsgi:application` */
  wsgiModule?: string;
}

/** Options that take no value (gunicorn 20–23); every other option takes one. */
const FLAGS = new Set([
  '-D',
  '--daemon',
  '-R',
  '--enable-stdio-inheritance',
  '--reload',
  '--preload',
  '--no-sendfile',
  '--reuse-port',
  '--check-config',
  '--print-config',
  '--spew',
  '--capture-output',
  '--log-syslog',
  '--disable-redirect-access-to-syslog',
  '--strip-header-spaces',
  '--do-handshake-on-connect',
  '--suppress-ragged-eofs',
  '--no-control-socket',
  '-h',
  '--help',
  '-v',
  '--version',
]);

/** Long option → what we keep; short forms map to the same. */
const WANTED: Record<string, keyof GunicornArgs> = {
  '--bind': 'binds',
  '-b': 'binds',
  '--error-logfile': 'errorLog',
  '--log-file': 'errorLog',
  '--access-logfile': 'accessLog',
  '--chdir': 'chdir',
  '--config': 'configFile',
  '-c': 'configFile',
};

const MODULE = /^[A-Za-z_][A-Za-z0-9_.]*(?::[A-Za-z_][A-Za-z0-9_.]*(?:\(.*\))?)?$/;
const GUNICORN_EXE = /(?:^|\/)gunicorn[0-9.]*$/;
const PYTHON_EXE = /(?:^|\/)python[0-9.]*$/;

/** Does this argv start gunicorn (directly or as `python -m gunicorn`)? Returns the options after the program. */
function gunicornStart(argv: readonly string[]): { rest: readonly string[]; out: GunicornArgs } | undefined {
  const [exe, ...rest] = argv;
  if (!exe) return undefined;
  if (GUNICORN_EXE.test(exe)) return { rest, out: { gunicorn: exe, binds: [] } };
  if (PYTHON_EXE.test(exe)) {
    const m = rest.indexOf('-m');
    if (m !== -1 && rest[m + 1] === 'gunicorn' && rest.slice(0, m).every((a) => a.startsWith('-')))
      return { rest: rest.slice(m + 2), out: { python: exe, binds: [] } };
  }
  return undefined;
}

/** Parse a gunicorn command line; `undefined` when the program is not gunicorn. */
export function parseGunicornArgs(argv: readonly string[]): GunicornArgs | undefined {
  const start = gunicornStart(argv.slice(0, 4096));
  if (!start) return undefined;
  const { rest, out } = start;
  const positional: string[] = [];
  const set = (opt: string, value: string) => {
    const key = WANTED[opt];
    if (!key) return;
    if (key === 'binds') out.binds.push(value);
    else (out as unknown as Record<string, string>)[key] = value;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq !== -1) set(a.slice(0, eq), a.slice(eq + 1));
      else if (!FLAGS.has(a)) set(a, rest[++i] ?? '');
    } else if (a.startsWith('-') && a.length > 1) {
      const opt = a.slice(0, 2);
      if (FLAGS.has(opt)) continue;
      if (a.length > 2) set(opt, a.slice(2));
      else set(opt, rest[++i] ?? '');
    } else positional.push(a);
  }
  const module = [...positional].reverse().find((p) => MODULE.test(p));
  if (module) out.wsgiModule = module;
  return out;
}

/**
 * The WSGI module's file under the directory gunicorn imports from:
 * `oms_backend.wsgi:application` in `/srv/oms/backend` → `/srv/oms/backend/oms_backend/wsgi.py`.
 */
export function wsgiFileOf(module: string, dir: string): string | undefined {
  const name = module.split(':')[0]!;
  if (!/^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) return undefined;
  return `${dir.replace(/\/+$/, '')}/${name.split('.').join('/')}.py`;
}
