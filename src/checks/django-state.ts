import { dirname } from 'node:path/posix';
import { targetPaths, type Target } from '../config/target.js';
import type { CheckCommand } from './check.js';
import { clip } from './output.js';

/**
 * One Django start answers both Django questions of a diagnosis (docs/speed.md, "The warm diagnosis"): the
 * superusers (src/checks/django-superusers.ts) and the migration state (src/checks/django-migrations.ts) come
 * from one fixed program run by the server's own `manage.py shell -c`. Both checks ask for the identical
 * command, and a run sends a command once however many checks ask for it (src/transport/once-per-run.ts, the
 * wrapper src/app/run.ts puts around every run), so a playbook with both pays one Django start, and each check
 * alone still works.
 *
 * The program prints one section per question, each between its own markers, and each part runs in its own
 * `try`: a part that fails (a table missing, the database unreadable, a permission) prints its traceback inside
 * its own section, every line prefixed with `! ` so that no text of an error can pass for a marker, and the
 * other part still answers. A failure before both (settings, `django.setup()`) fails the process: exit 1 and
 * Django's traceback on stderr, as before.
 *
 * Read-only: it reads the superusers' user name and two flags (never a password hash or an email) and the
 * migration graph with the `django_migrations` table (never created), each inside a transaction that is always
 * rolled back. No part of it comes from chat or config. Straight-line code without functions or comprehensions:
 * Django 2.x runs `shell -c` code with separate locals, where those could not see the names around them.
 */
export const DJANGO_STATE_CODE = [
  'import json, traceback',
  'from django.db import connection, transaction',
  'print("__oms_superusers_begin__")',
  'try:',
  '    from django.contrib.auth import get_user_model',
  '    U = get_user_model()',
  '    with transaction.atomic():',
  '        rows = list(U.objects.filter(is_superuser=True).order_by("pk")[:50])',
  '        for u in rows:',
  '            row = {"username": u.get_username(), "is_superuser": bool(u.is_superuser)}',
  '            row["is_active"] = bool(u.is_active)',
  '            print(json.dumps(row))',
  // Marked for rollback only after the reads: Django refuses any query in an
  // atomic block once set_rollback(True) has been called.
  '        transaction.set_rollback(True)',
  '    print("__oms_superusers_done__", len(rows))',
  'except Exception:',
  '    print("__oms_superusers_failed__")',
  '    for line in traceback.format_exc().splitlines()[-30:]:',
  '        print("! " + line[:500])',
  'print("__oms_migrations_begin__")',
  'try:',
  '    from django.db.migrations.loader import MigrationLoader',
  '    with transaction.atomic():',
  // What `showmigrations --plan` and `migrate` read: the migration files and the recorder's table (an empty
  // database, without the table, has nothing applied).
  '        loader = MigrationLoader(connection, ignore_no_migrations=True)',
  '        applied = loader.applied_migrations',
  '        plan = []',
  '        seen = set()',
  '        for leaf in loader.graph.leaf_nodes():',
  '            for key in loader.graph.forwards_plan(leaf):',
  '                if key not in seen:',
  '                    seen.add(key)',
  '                    plan.append(key)',
  '        transaction.set_rollback(True)',
  '    done = 0',
  '    pending = 0',
  '    for key in plan:',
  '        if key in applied:',
  '            done += 1',
  '        else:',
  '            pending += 1',
  '            if pending <= 200:',
  '                print("[ ]  %s.%s" % key)',
  '    print("__oms_migrations_done__", done, pending)',
  'except Exception:',
  '    print("__oms_migrations_failed__")',
  '    for line in traceback.format_exc().splitlines()[-30:]:',
  '        print("! " + line[:500])',
].join('\n');

/** The server's python (next to the configured gunicorn, its venv) running the program through manage.py. */
export function djangoStateArgv(target: Target): string[] {
  const p = targetPaths(target);
  return [`${dirname(p.gunicorn)}/python`, `${p.backend}/manage.py`, 'shell', '-c', DJANGO_STATE_CODE];
}

/**
 * The one command both checks declare: identical argv, deadline and output cap, so a run sends it once.
 * A plan of a few hundred migrations prints only its pending ones (at most 200 names), so the output is small.
 */
export function djangoStateCommand(target: Target): CheckCommand {
  return { argv: djangoStateArgv(target), timeoutMs: 20_000, maxBytes: 256 * 1024 };
}

export type SectionName = 'superusers' | 'migrations';

/** One part's output: `done` with the marker's words, `failed` with the error's lines, or `cut`/`missing`. */
export type Section =
  | { state: 'done'; lines: string[]; done: string[] }
  | { state: 'failed'; lines: string[]; error: string[] }
  | { state: 'cut'; lines: string[] }
  | { state: 'missing' };

/**
 * The lines of one section of the program's stdout (bounded: 20 000 lines of at most 1 000 characters are
 * read). Markers count only at the start of a line; the lines of an error are those prefixed with `! `.
 */
export function readSection(stdout: string, name: SectionName): Section {
  const begin = `__oms_${name}_begin__`;
  const done = `__oms_${name}_done__`;
  const failed = `__oms_${name}_failed__`;
  let inside = false;
  let failing = false;
  const lines: string[] = [];
  const error: string[] = [];
  for (const raw of stdout.split('\n', 20_000)) {
    const line = raw.replace(/\r$/, '');
    if (!inside) {
      if (line === begin) inside = true;
      continue;
    }
    if (failing) {
      if (!line.startsWith('! ')) break;
      if (error.length < 40) error.push(line.slice(2, 1002));
      continue;
    }
    if (line === done || line.startsWith(`${done} `)) return { state: 'done', lines, done: line.split(' ').slice(1) };
    if (line === failed) {
      failing = true;
      continue;
    }
    if (/^__oms_[a-z]+_begin__$/.test(line)) break;
    if (line.length <= 1000 && lines.length < 20_000) lines.push(line);
  }
  if (failing) return { state: 'failed', lines, error };
  return inside ? { state: 'cut', lines } : { state: 'missing' };
}

/** The last non-blank line of a part's error (the exception itself), control characters shown as `?`, clipped. */
export function lastErrorLine(lines: readonly string[] | undefined): string | undefined {
  const last = lines?.filter((l) => l.trim()).at(-1);
  return last === undefined ? undefined : clip(last.trim().replace(/[\x00-\x1f\x7f]/g, '?'), 160);
}
