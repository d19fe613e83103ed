import { defineCheck, type CheckCommand, type Observation } from './check.js';
import { djangoStateCommand, lastErrorLine, readSection } from './django-state.js';
import { clip, commandProblem, tailExcerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

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

/** The error line that says the database cannot be reached or opened, if one of `lines` does. */
function unreachableLine(lines: readonly string[]): string | undefined {
  return lines.find((l) => l.length < 2000 && DATABASE_UNREACHABLE.test(l));
}

/** A failure to read the state: the database unreachable (fail) or another error (query-failed). */
function failed(lines: readonly string[], zh: string, en: string, exitCode: number | null): Result {
  const tail = tailExcerpt(lines.join('\n'), 4, 600);
  const unreachable = unreachableLine(lines);
  const last = lastErrorLine(lines);
  if (unreachable)
    return {
      status: 'fail',
      summary:
        `无法连接或打开数据库 / Django cannot open its database: ${clip(unreachable.trim(), 200)} ` +
        '(as the bot user; see the backend journal for what the service sees)',
      evidence: tail,
      facts: { exitCode },
      signals: ['database-unreachable'],
    };
  return {
    status: 'error',
    summary:
      `${zh} / ${en}${exitCode === 0 ? '' : ` (exit ${exitCode ?? 'none'})`}` +
      `${last ? `: ${last}` : ''} (see the traceback)`,
    evidence: tail,
    facts: { exitCode },
    signals: ['query-failed'],
  };
}

/** `applied pending` after the section's end marker: two counts, or undefined. */
function counts(words: readonly string[]): { applied: number; pending: number } | undefined {
  if (words.length !== 2 || !words.every((w) => /^\d{1,6}$/.test(w))) return undefined;
  return { applied: Number(words[0]), pending: Number(words[1]) };
}

/**
 * Is the Django project's database reachable, and are its migrations applied? Read from the migrations section
 * of the one Django program (src/checks/django-state.ts): Django's own `MigrationLoader`, as `showmigrations
 * --plan` and `migrate` read it (an empty database, without the `django_migrations` table, has nothing applied).
 */
export const djangoMigrations = defineCheck({
  id: 'django-migrations',
  title: '数据库连接与迁移（MigrationLoader）',
  titleEn: 'Database reachable, migrations applied',
  signals: {
    'migrations-applied': 'the database answers and every migration is applied',
    'migrations-pending': 'migrations are not applied (a new release without `migrate`, or an empty database)',
    'database-unreachable':
      'Django cannot open or connect to its database (OperationalError: file unreadable, server down, access denied)',
    'query-failed': 'manage.py failed for another reason (settings, imports): see the traceback',
  },
  commands: (target): CheckCommand[] => [djangoStateCommand(target)],
  interpret: ([r]): Result => {
    if (!r)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(r, 'python manage.py');
    if (problem) return problem;
    // Django did not start (settings, imports): its traceback on stderr, as before the program ran.
    if (r.code !== 0)
      return failed(r.stderr.slice(-64 * 1024).split('\n'), 'manage.py 失败', 'manage.py failed', r.code);
    const section = readSection(r.stdout, 'migrations');
    if (section.state === 'failed')
      return failed(section.error, '读取迁移状态失败', 'reading the migration state failed', r.code);
    const plan = section.state === 'done' ? counts(section.done) : undefined;
    if (section.state !== 'done' || !plan)
      return {
        status: 'error',
        summary:
          '迁移状态的输出不完整或无法识别 / the migration state was cut short or not recognised ' +
          `(${section.state === 'done' ? 'unexpected counts' : `section ${section.state}`})`,
        evidence: tailExcerpt(r.stdout, 4, 400),
        facts: {},
        signals: [],
      };
    const pending = parsePlan(section.lines.join('\n')).pending;
    const facts = { applied: plan.applied, pending: plan.pending, firstPending: pending.slice(0, 10) };
    if (plan.pending > 0) {
      const shown = pending.slice(0, 6).join(', ') + (plan.pending > 6 ? ', …' : '');
      return {
        status: 'fail',
        summary:
          `有 ${plan.pending} 个数据库迁移未执行 / ${plan.pending} migration(s) not applied ` +
          `(${plan.applied} applied): ${clip(shown, 300)}`,
        evidence: pending
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
