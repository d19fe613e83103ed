import { defineCheck, type CheckCommand, type Observation } from './check.js';
import { djangoStateCommand, lastErrorLine, readSection } from './django-state.js';
import { clip, commandProblem, tailExcerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

interface Account {
  username: string;
  is_superuser: boolean;
  is_active: boolean;
}

/** Exactly the three fields the query prints (a user name of at most 300 characters, two booleans), or undefined. */
function asAccount(v: unknown): Account | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const a = v as Record<string, unknown>;
  if (Object.keys(a).some((k) => k !== 'username' && k !== 'is_superuser' && k !== 'is_active')) return undefined;
  if (typeof a.username !== 'string' || a.username.length > 300) return undefined;
  if (typeof a.is_superuser !== 'boolean' || typeof a.is_active !== 'boolean') return undefined;
  return { username: a.username, is_superuser: a.is_superuser, is_active: a.is_active };
}

/**
 * Accounts printed in the superusers section of the one Django program (src/checks/django-state.ts), and
 * whether that part ran to its end marker (`failed` when it printed an error instead). Lines that are not an
 * account are ignored.
 */
export function parseSuperusers(stdout: string): { accounts: Account[]; complete: boolean; error?: string[] } {
  const section = readSection(stdout, 'superusers');
  if (section.state === 'missing') return { accounts: [], complete: false };
  const accounts: Account[] = [];
  for (const line of section.lines) {
    const t = line.trim();
    if (!t.startsWith('{') || accounts.length >= 50) continue;
    try {
      const a = asAccount(JSON.parse(t));
      if (a) accounts.push(a);
    } catch {
      // not JSON: a warning Django printed; ignored
    }
  }
  return section.state === 'failed'
    ? { accounts, complete: false, error: section.error }
    : { accounts, complete: section.state === 'done' };
}

const name = (a: Account) => clip(a.username.replace(/[^\p{L}\p{N}_.@+-]/gu, '?'), 40);

/** Django's superusers and whether each may log in: "the password is right but login says 401". */
export const djangoSuperusers = defineCheck({
  id: 'django-superusers',
  title: 'Django 超级管理员账号',
  titleEn: 'Django superusers',
  signals: {
    'active-superuser': 'every superuser is active (fact superusers: names and flags)',
    'no-superuser': 'the database has no superuser: nobody can log in as admin',
    'all-inactive': 'every superuser is inactive (is_active=False): login answers 401 whatever the password',
    'some-inactive': 'some superusers are inactive: those cannot log in',
    'query-failed': 'manage.py could not run the query (traceback: settings, database, permissions)',
  },
  commands: (target): CheckCommand[] => [djangoStateCommand(target)],
  interpret: ([r]): Result => {
    if (!r)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(r, 'python manage.py');
    if (problem) return problem;
    // Django did not start (settings, imports): its traceback on stderr. The query failed: its error in the section.
    const { accounts, complete, error } = parseSuperusers(r.code === 0 ? r.stdout : '');
    if (r.code !== 0 || !complete) {
      const last = lastErrorLine(error);
      const failedWith = last ? `: ${last}` : '';
      const why =
        r.code !== 0 ? `exit ${r.code ?? 'none'}` : error ? `the query failed${failedWith}` : 'output cut short';
      return {
        status: 'error',
        summary: `无法通过 manage.py 查询超级管理员 / manage.py could not list the superusers (${why}; see the traceback)`,
        evidence: tailExcerpt(r.code !== 0 ? r.stderr : error ? error.join('\n') : r.stdout, 4, 600),
        facts: { exitCode: r.code },
        signals: ['query-failed'],
      };
    }
    const facts = { superusers: accounts.map((a) => `${name(a)}:${a.is_active ? 'active' : 'inactive'}`) };
    if (accounts.length === 0)
      return {
        status: 'fail',
        summary: '数据库里没有超级管理员 / the database has no superuser',
        evidence: '',
        facts,
        signals: ['no-superuser'],
      };
    const inactive = accounts.filter((a) => !a.is_active);
    const evidence = accounts.map((a) => `${name(a)} is_superuser=True is_active=${a.is_active ? 'True' : 'False'}`);
    const list = inactive.map(name).join(', ');
    if (inactive.length === accounts.length)
      return {
        status: 'fail',
        summary: `所有超级管理员都被禁用：${list} / every superuser is inactive (is_active=False): ${list}`,
        evidence: evidence.join('\n'),
        facts,
        signals: ['all-inactive'],
      };
    if (inactive.length > 0)
      return {
        status: 'warn',
        summary: `部分超级管理员被禁用：${list} / inactive superusers: ${list}`,
        evidence: evidence.join('\n'),
        facts,
        signals: ['some-inactive'],
      };
    return {
      status: 'ok',
      summary: `${accounts.length} 个超级管理员，均已启用 / ${accounts.length} superuser(s), all active`,
      evidence: evidence.join('\n'),
      facts,
      signals: ['active-superuser'],
    };
  },
});
