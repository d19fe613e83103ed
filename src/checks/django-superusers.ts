import { dirname } from 'node:path/posix';
import { targetPaths, type Target } from '../config/target.js';
import { defineCheck, type CheckCommand, type Observation } from './check.js';
import { clip, commandProblem, tailExcerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

/** Printed after the last account: output without it was cut or the query failed midway. */
const DONE = '__oms_superusers_done__';

/**
 * The fixed, read-only query run through the server's own manage.py. It reads
 * the superusers' user name and two flags, never a password hash or an email,
 * and runs inside a transaction that is always rolled back. No part of it comes
 * from chat or config.
 */
export const SUPERUSERS_CODE = [
  'import json',
  'from django.contrib.auth import get_user_model',
  'from django.db import transaction',
  'U = get_user_model()',
  'with transaction.atomic():',
  '    rows = list(U.objects.filter(is_superuser=True).order_by("pk")[:50])',
  '    for u in rows:',
  '        row = {"username": u.get_username(), "is_superuser": bool(u.is_superuser)}',
  '        row["is_active"] = bool(u.is_active)',
  '        print(json.dumps(row))',
  // Marked for rollback only after the reads: Django refuses any query in an
  // atomic block once set_rollback(True) has been called.
  '    transaction.set_rollback(True)',
  `print("${DONE}", len(rows))`,
].join('\n');

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

/** The server's python: next to the configured gunicorn (its venv). */
export function superusersArgv(target: Target): string[] {
  const p = targetPaths(target);
  return [`${dirname(p.gunicorn)}/python`, `${p.backend}/manage.py`, 'shell', '-c', SUPERUSERS_CODE];
}

/** Accounts printed by the query, and whether it ran to the end. Lines that are not an account are ignored. */
export function parseSuperusers(stdout: string): { accounts: Account[]; complete: boolean } {
  const accounts: Account[] = [];
  let complete = false;
  for (const line of stdout.split('\n', 10_000)) {
    const t = line.trim();
    if (t.startsWith(DONE)) complete = true;
    if (!t.startsWith('{') || t.length > 1000 || accounts.length >= 50) continue;
    try {
      const a = asAccount(JSON.parse(t));
      if (a) accounts.push(a);
    } catch {
      // not JSON: a warning Django printed; ignored
    }
  }
  return { accounts, complete };
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
  commands: (target): CheckCommand[] => [{ argv: superusersArgv(target), timeoutMs: 20_000, maxBytes: 256 * 1024 }],
  interpret: ([r]): Result => {
    if (!r)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(r, 'python manage.py');
    if (problem) return problem;
    const { accounts, complete } = parseSuperusers(r.code === 0 ? r.stdout : '');
    if (r.code !== 0 || !complete) {
      const last = tailExcerpt(r.stderr, 4, 600);
      return {
        status: 'error',
        summary: `无法通过 manage.py 查询超级管理员 / manage.py could not list the superusers (exit ${r.code ?? 'none'})`,
        evidence: last,
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
