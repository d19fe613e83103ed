import { dirname } from 'node:path/posix';
import { targetPaths, type Target } from '../config/target.js';
import { defineCheck, type CheckCommand, type Observation } from './check.js';
import { clip, commandProblem, tailExcerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

/**
 * `manage.py showmigrations --plan` through the server's own venv: it connects to the
 * database and reads the `django_migrations` table, nothing else (it never creates
 * the table). `--skip-checks`: a system-check error elsewhere (e.g. corsheaders.E013)
 * must not hide the database's state.
 */
export function migrationsArgv(target: Target): string[] {
  const p = targetPaths(target);
  return [`${dirname(p.gunicorn)}/python`, `${p.backend}/manage.py`, 'showmigrations', '--plan', '--skip-checks'];
}

/** `[X]  app.0001_initial` / `[ ]  app.0002_x` lines (Django 2.x–5.x print the same). */
const PLAN_LINE = /^\s*\[([X ])\]\s+([A-Za-z_][\w]*)\.([\w]+)/;

export interface MigrationPlan {
  applied: number;
  pending: string[];
  /** Lines that looked like plan lines. */
  lines: number;
}

/** Read the plan; bounded (a real plan has a few hundred lines). */
export function parsePlan(stdout: string): MigrationPlan {
  const out: MigrationPlan = { applied: 0, pending: [], lines: 0 };
  for (const line of stdout.split('\n', 20_000)) {
    if (line.length > 1000) continue;
    const m = PLAN_LINE.exec(line);
    if (!m) continue;
    out.lines++;
    if (m[1] === 'X') out.applied++;
    else out.pending.push(`${m[2]}.${m[3]}`);
  }
  return out;
}

/** Database errors that mean the backend cannot reach or open its database (not a missing table). */
export const DATABASE_UNREACHABLE = new RegExp(
  [
    /unable to open database file|attempt to write a readonly database|database is locked/,
    /Can't connect to (?:local )?MySQL server|Lost connection to MySQL server|Access denied for user/,
    /could not connect to server|connection to server at .* failed|password authentication failed/,
    /Unknown database '|database "[^"]{1,100}" does not exist|Connection refused/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);

/** Is the Django project's database reachable, and are its migrations applied? */
export const djangoMigrations = defineCheck({
  id: 'django-migrations',
  title: '数据库连接与迁移（showmigrations）',
  titleEn: 'Database reachable, migrations applied',
  signals: {
    'migrations-applied': 'the database answers and every migration is applied',
    'migrations-pending': 'migrations are not applied (a new release without `migrate`, or an empty database)',
    'database-unreachable':
      'Django cannot open or connect to its database (OperationalError: file unreadable, server down, access denied)',
    'query-failed': 'manage.py failed for another reason (settings, imports): see the traceback',
  },
  commands: (target): CheckCommand[] => [{ argv: migrationsArgv(target), timeoutMs: 20_000, maxBytes: 512 * 1024 }],
  interpret: ([r]): Result => {
    if (!r)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(r, 'python manage.py');
    if (problem) return problem;
    const err = r.stderr.slice(-64 * 1024);
    const tail = tailExcerpt(err, 4, 600);
    if (r.code !== 0) {
      const unreachable = err.split('\n').find((l) => l.length < 2000 && DATABASE_UNREACHABLE.test(l));
      if (unreachable)
        return {
          status: 'fail',
          summary:
            `无法连接或打开数据库 / Django cannot open its database: ${clip(unreachable.trim(), 200)} ` +
            '(as the bot user; see the backend journal for what the service sees)',
          evidence: tail,
          facts: { exitCode: r.code },
          signals: ['database-unreachable'],
        };
      return {
        status: 'error',
        summary: `manage.py showmigrations 失败 / manage.py showmigrations failed (exit ${r.code ?? 'none'})`,
        evidence: tail,
        facts: { exitCode: r.code },
        signals: ['query-failed'],
      };
    }
    const plan = parsePlan(r.stdout);
    if (plan.lines === 0)
      return {
        status: 'error',
        summary: '无法识别的 showmigrations 输出 / showmigrations printed no migration plan',
        evidence: tailExcerpt(r.stdout, 4, 400),
        facts: {},
        signals: [],
      };
    const facts = { applied: plan.applied, pending: plan.pending.length, firstPending: plan.pending.slice(0, 10) };
    if (plan.pending.length > 0) {
      const shown = plan.pending.slice(0, 6).join(', ') + (plan.pending.length > 6 ? ', …' : '');
      return {
        status: 'fail',
        summary:
          `有 ${plan.pending.length} 个数据库迁移未执行 / ${plan.pending.length} migration(s) not applied ` +
          `(${plan.applied} applied): ${clip(shown, 300)}`,
        evidence: plan.pending
          .slice(0, 12)
          .map((m) => `[ ]  ${clip(m, 120)}`)
          .join('\n'),
        facts,
        signals: ['migrations-pending'],
      };
    }
    return {
      status: 'ok',
      summary: `数据库可连接，迁移已全部执行 / the database answers; all ${plan.applied} migrations applied`,
      evidence: '',
      facts,
      signals: ['migrations-applied'],
    };
  },
});
