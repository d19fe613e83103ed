import { dirname } from 'node:path/posix';
import type { Target } from '../config/target.js';
import { targetPaths } from '../config/target.js';
import type { CheckStatus, Observation } from './check.js';
import { defineCheck } from './check.js';
import { parseNginxConf } from './nginx-conf.js';
import { clip, commandProblem } from './output.js';
import { parseStat, type StatLine } from './stat-lines.js';
import { worseStatus } from './status-rank.js';

type Result = Omit<Observation, 'check'>;

const NGINX_CONF = '/etc/nginx/nginx.conf';
/** The file the Django admin's pages load first: missing means collectstatic never ran. */
const ADMIN_CSS = 'admin/css/base.css';

/** `/a/b/c` → `/a`, `/a/b`, `/a/b/c`. */
function chain(path: string): string[] {
  const out: string[] = [];
  for (let p = path.replace(/\/+$/, ''); p && p !== '/'; p = dirname(p)) out.unshift(p);
  return out;
}

/** Paths stat'ed: every directory from / down to the static and media folders, and the admin CSS. */
export function staticPaths(target: Target): string[] {
  const p = targetPaths(target);
  const css = `${p.staticDir.replace(/\/+$/, '')}/${ADMIN_CSS}`;
  return [...new Set([...chain(p.staticDir), ...chain(p.mediaDir), css])];
}

/** nginx's worker user and group from nginx.conf (`user nginx [group];`, default `nobody`). */
export function nginxUser(conf: string): { user: string; group: string; stated: boolean } {
  const d = parseNginxConf(conf.slice(0, 512 * 1024)).directives.find((x) => x.name === 'user');
  const user = d?.args[0] ?? 'nobody';
  return { user, group: d?.args[1] ?? (user === 'nobody' ? 'nogroup' : user), stated: d !== undefined };
}

/** Can `user`/`group` do `want` (4 read, 1 search/execute) on `s`? Supplementary groups are not known. */
function can(s: StatLine, user: string, group: string, want: number): boolean {
  if (user === 'root') return true;
  const mode = parseInt(s.mode.slice(-3), 8);
  if (Number.isNaN(mode)) return true;
  const bits = s.owner === user ? mode >> 6 : s.group === group ? mode >> 3 : mode;
  return (bits & want) === want;
}

/**
 * Can nginx serve `/static` and `/media`? The folders (and the admin's CSS) must
 * exist, and nginx's user needs search permission on every directory above them
 * and read permission on them: otherwise the admin shows without CSS (403/404).
 */
export const staticFiles = defineCheck({
  id: 'static-files',
  title: '静态文件与上传目录（nginx 能否读取）',
  titleEn: 'Static and media folders readable by nginx',
  signals: {
    'static-ok': "the static folder, the admin's CSS and the media folder are readable by nginx's user",
    'static-not-collected': 'the static folder exists but has no admin/css/base.css: collectstatic did not run',
    'static-not-readable': "nginx's user cannot reach or read the static folder (the admin shows without CSS)",
    'media-not-readable': "nginx's user cannot reach or read the media folder (uploads answer 403)",
    'static-missing': 'the static folder does not exist (nginx-site reports the alias)',
  },
  commands: (target) => [
    { argv: ['cat', NGINX_CONF], timeoutMs: 8000, maxBytes: 512 * 1024 },
    { argv: ['stat', '-L', '-c', '%n|%U|%G|%a|%F', ...staticPaths(target)], timeoutMs: 8000 },
  ],
  interpret([conf, st], target): Result {
    if (!conf || !st)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(st, 'stat');
    if (problem) return problem;
    const who = nginxUser(conf.code === 0 ? conf.stdout : '');
    const { found, missing } = parseStat(st.stdout, st.stderr);
    if (found.size === 0 && missing.size === 0)
      return {
        status: 'error',
        summary: `无法识别的 stat 输出 / stat printed nothing usable (exit ${st.code ?? 'none'})`,
        evidence: clip(st.stderr.trim(), 300),
        facts: {},
        signals: [],
      };
    return judge(target, who, found, missing);
  },
});

function judge(
  target: Target,
  who: { user: string; group: string; stated: boolean },
  found: Map<string, StatLine>,
  missing: Set<string>,
): Result {
  const p = targetPaths(target);
  const signals: string[] = [];
  const notes: string[] = [];
  const evidence: string[] = [];
  let status: CheckStatus = 'ok';
  const add = (signal: string, s: CheckStatus, note: string) => {
    signals.push(signal);
    notes.push(note);
    status = worseStatus(status, s);
  };
  const show = (s: StatLine) => `${clip(s.path, 200)}  ${s.owner}:${s.group} ${s.mode} ${s.type}`;
  /** The first path of `dir`'s chain nginx cannot pass, or undefined. */
  const blocked = (dir: string): StatLine | undefined => {
    const paths = chain(dir);
    for (const path of paths) {
      const s = found.get(path);
      if (!s) continue;
      const want = path === paths[paths.length - 1] ? 5 : 1;
      if (!can(s, who.user, who.group, want)) return s;
    }
    return undefined;
  };
  const staticDir = p.staticDir.replace(/\/+$/, '');
  const css = `${staticDir}/${ADMIN_CSS}`;
  if (missing.has(staticDir) || !found.has(staticDir)) {
    add('static-missing', 'warn', `静态文件目录不存在 / ${staticDir} does not exist`);
    evidence.push(`stat: ${staticDir}: No such file or directory`);
  } else {
    const b = blocked(staticDir);
    const cssStat = found.get(css);
    if (b) {
      add(
        'static-not-readable',
        'fail',
        `nginx 用户 ${who.user} 无法读取静态文件目录 / nginx (user ${who.user}) cannot read ${staticDir}: ` +
          `${clip(b.path, 120)} is ${b.owner}:${b.group} ${b.mode}`,
      );
      evidence.push(
        ...chain(staticDir)
          .map((x) => found.get(x))
          .filter((s): s is StatLine => s !== undefined && s !== null)
          .map(show),
      );
    } else if (!cssStat) {
      add(
        'static-not-collected',
        'fail',
        `静态文件没有收集 (collectstatic) / ${staticDir} has no ${ADMIN_CSS}: collectstatic did not run`,
      );
      evidence.push(`stat: ${css}: No such file or directory`);
    } else if (!can(cssStat, who.user, who.group, 4)) {
      add(
        'static-not-readable',
        'fail',
        `nginx 用户 ${who.user} 无法读取后台 CSS / nginx (user ${who.user}) cannot read ${clip(css, 160)}`,
      );
      evidence.push(show(cssStat));
    }
  }
  const mediaDir = p.mediaDir.replace(/\/+$/, '');
  const mb = found.has(mediaDir) ? blocked(mediaDir) : undefined;
  if (mb) {
    add(
      'media-not-readable',
      'warn',
      `nginx 用户 ${who.user} 无法读取上传目录 / nginx (user ${who.user}) cannot read ${mediaDir}: ` +
        `${clip(mb.path, 120)} is ${mb.owner}:${mb.group} ${mb.mode}`,
    );
    evidence.push(show(mb));
  }
  const facts = {
    nginxUser: clip(who.user, 64),
    nginxUserStated: who.stated,
    staticDir,
    mediaDir,
    missing: [...missing].slice(0, 10).map((m) => clip(m, 200)),
  };
  if (signals.length === 0)
    return {
      status: 'ok',
      summary:
        `nginx 用户 ${clip(who.user, 32)} 可以读取静态文件和上传目录 / ` +
        `nginx (user ${clip(who.user, 32)}) can read ${staticDir} and ${mediaDir}`,
      evidence: [found.get(staticDir), found.get(css), found.get(mediaDir)]
        .filter((s): s is StatLine => s !== undefined && s !== null)
        .map(show)
        .join('\n'),
      facts,
      signals: ['static-ok'],
    };
  return {
    status,
    summary: clip(notes.join('; '), 550),
    evidence: clip(evidence.join('\n'), 1500),
    facts,
    signals,
  };
}
