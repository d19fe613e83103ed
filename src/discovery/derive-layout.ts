/**
 * From the raw output of the discovery commands to a {@link Discovery}: every
 * value with its source, every part that could not be decided with the reason.
 * Pure: the same output always gives the same layout.
 */
import { redact } from '../redact.js';
import type { ExecResult } from '../transport/transport.js';
import { parseGunicornArgs, wsgiFileOf, type GunicornArgs } from './gunicorn-args.js';
import { emptyDiscovery, type Discovery, type LayoutKey, type LayoutValue } from './layout.js';
import { findBackendSite, probeAddress, splitNginxDump } from './nginx-dump.js';
import { parseSystemctlCat, parseUnitShow, splitUnitCommand, type UnitLine } from './unit-read.js';

export interface DiscoveryOutput {
  service: string;
  show?: ExecResult;
  cat?: ExecResult;
  nginx?: ExecResult;
  /** The bind to look for in nginx when the unit does not tell (configured or default). */
  fallbackBind: string;
}

const BIND = /^[0-9.]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$/;
const UNIT_KEYS: LayoutKey[] = [
  'paths.backend',
  'paths.unitFile',
  'paths.gunicorn',
  'paths.wsgiFile',
  'paths.logDir',
  'paths.errorLog',
  'backendBind',
];
const EXEC_KEYS: LayoutKey[] = ['paths.gunicorn', 'paths.wsgiFile', 'paths.logDir', 'paths.errorLog', 'backendBind'];
const NGINX_KEYS: LayoutKey[] = [
  'paths.nginxConf',
  'nginxListen',
  'paths.staticDir',
  'paths.mediaDir',
  'paths.frontend',
  'paths.nginxErrorLogs',
];

/** Why a command gave nothing usable, in one line; `undefined` when it ran fine. */
function failure(res: ExecResult | undefined, what: string): string | undefined {
  if (!res) return `${what} 未运行 / ${what} was not run`;
  if (res.timedOut) return `${what} 超时 / ${what} timed out`;
  if (res.code !== 0) {
    // Redacted whole before the cut: the reason reaches Slack, the console and the layout cache.
    const first =
      redact(res.stderr || res.stdout)
        .trim()
        .split('\n')[0]
        ?.slice(0, 200) ?? '';
    return `${what} 失败 / ${what} failed (exit ${res.code ?? res.signal}): ${first}`;
  }
  return undefined;
}

function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function absolute(path: string, base: string | undefined): string | undefined {
  if (path.startsWith('/')) return path.replace(/\/{2,}/g, '/');
  return base ? `${base.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}` : undefined;
}

export function deriveLayout(out: DiscoveryOutput): Discovery {
  const d = emptyDiscovery();
  const set = (key: LayoutKey, value: LayoutValue, source: string) => (d.values[key] = { value, source });
  const undecided = (keys: LayoutKey[], reason: string) => d.undecided.push({ keys, reason });
  const unit = `${out.service}.service`;

  // The unit.
  const showFail = failure(out.show, `systemctl show ${unit}`);
  const show = showFail ? undefined : parseUnitShow(out.show!.stdout);
  const cat = failure(out.cat, `systemctl cat ${unit}`) ? undefined : parseSystemctlCat(out.cat!.stdout);
  if (!show || show.loadState === 'not-found' || (!show.fragmentPath && !cat?.files.length)) {
    const why =
      showFail ??
      (show?.loadState === 'not-found' || show
        ? `服务单元 ${unit} 不存在 / unit ${unit} not found (LoadState=${show?.loadState ?? '?'})`
        : `无法读取 systemctl show 输出 / could not read \`systemctl show ${unit}\``);
    undecided(UNIT_KEYS, why);
  } else {
    if (show.fragmentPath) set('paths.unitFile', show.fragmentPath, 'systemctl show FragmentPath');
    if (show.user) d.notes.push({ value: `User=${show.user}`, source: 'systemctl show User' });
    if (show.group) d.notes.push({ value: `Group=${show.group}`, source: 'systemctl show Group' });
    const workDir: { value: string; source: string } | undefined = show.workingDirectory?.startsWith('/')
      ? { value: show.workingDirectory, source: 'unit WorkingDirectory' }
      : undefined;
    const exec = readExecStart(cat?.execStart, show.execArgv);
    if (!exec) {
      undecided(EXEC_KEYS, `单元没有 ExecStart / the unit has no readable ExecStart`);
      if (workDir) set('paths.backend', workDir.value, workDir.source);
      else undecided(['paths.backend'], `单元没有 WorkingDirectory / the unit sets no WorkingDirectory`);
    } else if (!exec.args) {
      undecided(
        EXEC_KEYS,
        `ExecStart 不是直接启动 gunicorn / ExecStart does not start gunicorn directly: ${exec.argv0}`,
      );
      if (workDir) set('paths.backend', workDir.value, workDir.source);
      else undecided(['paths.backend'], `单元没有 WorkingDirectory / the unit sets no WorkingDirectory`);
    } else {
      fromGunicorn(exec.args, exec.source, workDir, set, undecided, d);
    }
  }

  // nginx.
  const nginxFail = failure(out.nginx, 'nginx -T');
  if (nginxFail) {
    undecided(NGINX_KEYS, nginxFail);
    return d;
  }
  const files = splitNginxDump(out.nginx!.stdout);
  if (files.length === 0) {
    undecided(NGINX_KEYS, 'nginx -T 输出中没有配置文件 / nginx -T printed no configuration file');
    return d;
  }
  const bind = typeof d.values.backendBind?.value === 'string' ? d.values.backendBind.value : out.fallbackBind;
  const found = findBackendSite(files, bind);
  if (found.kind === 'none') {
    undecided(NGINX_KEYS, `没有 server 块代理到 ${bind} / no server block in nginx -T proxies to ${bind}`);
    return d;
  }
  if (found.kind === 'ambiguous') {
    const where = found.candidates.map((c) => `${c.file}:${c.line}`).join(', ');
    const n = found.candidates.length;
    undecided(NGINX_KEYS, `${n} 个 server 块代理到 ${bind} / ${n} server blocks proxy to ${bind}: ${where}`);
    return d;
  }
  const s = found.site;
  const src = (file: string, line: number) => `nginx -T ${file}:${line}`;
  set('paths.nginxConf', s.file, src(s.file, s.serverLine));
  if (s.serverNames.length)
    d.notes.push({ value: `server_name ${s.serverNames.join(' ')}`, source: src(s.file, s.serverLine) });
  if (s.upstream)
    d.notes.push({
      value: `upstream ${s.upstream.value.name} → ${s.upstream.value.servers.join(', ')}`,
      source: src(s.upstream.file, s.upstream.line),
    });
  const probe = s.listen ? probeAddress(s.listen.value) : '127.0.0.1:80';
  if (probe) set('nginxListen', probe, s.listen ? src(s.listen.file, s.listen.line) : 'nginx default (no listen)');
  else undecided(['nginxListen'], `无法探测 listen ${s.listen?.value} / cannot probe listen ${s.listen?.value}`);
  if (s.staticDir) set('paths.staticDir', s.staticDir.value, src(s.staticDir.file, s.staticDir.line));
  else undecided(['paths.staticDir'], `站点没有 /static 的 alias / the site has no alias for /static`);
  if (s.mediaDir) set('paths.mediaDir', s.mediaDir.value, src(s.mediaDir.file, s.mediaDir.line));
  else undecided(['paths.mediaDir'], `站点没有 /media 的 alias / the site has no alias for /media`);
  const root = s.frontendRoot;
  if (root && /\/dist$/.test(root.value)) set('paths.frontend', dirname(root.value), src(root.file, root.line));
  else
    undecided(
      ['paths.frontend'],
      root
        ? `前端 root ${root.value} 不是 dist/ 目录 / the front end's root ${root.value} is not a dist/ directory`
        : `站点没有前端 root / the site has no root for the front end`,
    );
  if (s.errorLogs.length)
    set(
      'paths.nginxErrorLogs',
      s.errorLogs.map((e) => e.value),
      s.errorLogs.map((e) => src(e.file, e.line)).join(', '),
    );
  return d;
}

function readExecStart(
  lines: UnitLine[] | undefined,
  showArgv: string | undefined,
): { args?: GunicornArgs; argv0: string; source: string } | undefined {
  const first = lines?.[0];
  let argv: string[] | undefined;
  let source: string;
  if (first) {
    argv = splitUnitCommand(first.value);
    source = `unit ExecStart (${first.file}:${first.line})`;
  } else {
    // systemd prints argv joined by spaces: arguments with spaces are lost, but simple ones read fine.
    argv = showArgv?.split(/\s+/).filter(Boolean);
    source = 'systemctl show ExecStart';
  }
  if (!argv || argv.length === 0) return undefined;
  return { args: parseGunicornArgs(argv), argv0: argv[0]!.slice(0, 200), source };
}

function fromGunicorn(
  g: GunicornArgs,
  source: string,
  workDir: { value: string; source: string } | undefined,
  set: (key: LayoutKey, value: LayoutValue, source: string) => void,
  undecided: (keys: LayoutKey[], reason: string) => void,
  d: Discovery,
): void {
  const opt = (name: string) => source.replace('ExecStart', `ExecStart ${name}`);
  const chdir = g.chdir ? absolute(g.chdir, workDir?.value) : undefined;
  const backend = chdir ? { value: chdir, source: opt('--chdir') } : workDir;
  if (backend) set('paths.backend', backend.value, backend.source);
  else
    undecided(
      ['paths.backend'],
      `单元没有 WorkingDirectory 或 --chdir / the unit sets neither WorkingDirectory nor --chdir`,
    );
  if (g.gunicorn?.startsWith('/')) set('paths.gunicorn', g.gunicorn, source);
  else if (g.python?.startsWith('/')) set('paths.gunicorn', g.python, `${source}, python -m gunicorn`);
  else undecided(['paths.gunicorn'], `ExecStart 的程序不是绝对路径 / ExecStart's program is not an absolute path`);
  const wsgi = g.wsgiModule && backend ? wsgiFileOf(g.wsgiModule, backend.value) : undefined;
  if (wsgi) set('paths.wsgiFile', wsgi, opt(g.wsgiModule!));
  else undecided(['paths.wsgiFile'], `ExecStart 没有可读的 WSGI 模块 / no WSGI module in ExecStart`);
  const configNote = g.configFile ? ` (-c ${g.configFile} may set it)` : '';
  const bind = g.binds.find((b) => BIND.test(b));
  if (bind) set('backendBind', bind, opt('--bind'));
  else if (g.binds.length)
    undecided(
      ['backendBind'],
      `gunicorn 绑定的不是 host:port / gunicorn binds ${g.binds[0]!.slice(0, 120)}, not host:port`,
    );
  else if (g.configFile) undecided(['backendBind'], `ExecStart 没有 --bind / no --bind in ExecStart${configNote}`);
  else set('backendBind', '127.0.0.1:8000', 'gunicorn default (no --bind, no -c)');
  if (g.errorLog && g.errorLog !== '-') {
    const file = absolute(g.errorLog, backend?.value);
    if (file) {
      set('paths.errorLog', file, opt('--error-logfile'));
      set('paths.logDir', dirname(file), opt('--error-logfile'));
    }
  } else
    undecided(
      ['paths.errorLog', 'paths.logDir'],
      g.errorLog === '-'
        ? 'gunicorn 错误日志写到 stderr（journal）/ gunicorn writes its error log to stderr (the journal)'
        : `ExecStart 没有 --error-logfile / no --error-logfile in ExecStart${configNote}`,
    );
  if (g.accessLog) d.notes.push({ value: `access log ${g.accessLog}`, source: opt('--access-logfile') });
  if (g.configFile) d.notes.push({ value: `gunicorn config ${g.configFile}`, source: opt('-c') });
}
