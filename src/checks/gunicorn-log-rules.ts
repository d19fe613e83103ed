/**
 * The signals a gunicorn / Django / systemd log line can raise, and the patterns
 * that recognise them (used by the classifier in gunicorn-log.ts). Wording differs
 * between versions, so the patterns key on stable fragments.
 */

/** One pattern that matches wherever any of `parts` does (written as several literals to keep lines short). */
function anyOf(flags: string, ...parts: RegExp[]): RegExp {
  return new RegExp(parts.map((p) => p.source).join('|'), flags);
}

/** What a log line can tell about the backend. */
export const LOG_SIGNALS = {
  'worker-sigterm': 'a worker was sent SIGTERM (gunicorn replaces workers on reload/restart: benign alone)',
  'worker-timeout': 'WORKER TIMEOUT: a request took longer than gunicorn --timeout and the worker was aborted',
  'worker-oom': 'a worker was killed with SIGKILL or by the kernel OOM killer (out of memory)',
  'address-in-use': 'gunicorn could not bind: the address/port is already in use',
  'permission-denied': 'Permission denied / PermissionError (files, log dir or socket)',
  'module-import-error':
    'the WSGI application could not be imported (ImportError, wrong module, worker failed to boot)',
  'disallowed-host': 'Django refused a request: Invalid HTTP_HOST header (ALLOWED_HOSTS)',
  'no-such-table':
    'a request failed on a missing table (`no such table`, `relation … does not exist`, MySQL 1146): ' +
    'migrations not applied',
  'database-unavailable':
    'Django could not open or reach its database (OperationalError: unable to open database file, connection refused)',
  'exit-217-user': 'systemd could not switch to User= (217/USER: the user does not exist)',
  'exit-200-chdir': 'systemd could not enter WorkingDirectory= (200/CHDIR)',
  'exit-203-exec': 'systemd could not execute ExecStart= (203/EXEC: missing or not executable)',
  'unit-syntax': "systemd ignored lines of the unit file (Assignment outside of section / Missing '=')",
  'no-entries': 'journalctl found no entries for the unit',
  'journal-access-denied': 'the bot user cannot read the system journal (not in systemd-journal/adm)',
} as const;

export type LogSignal = keyof typeof LOG_SIGNALS;

/** Signals only systemd's journal can produce (not gunicorn's own error log). */
export const SYSTEMD_ONLY_SIGNALS: readonly LogSignal[] = [
  'exit-217-user',
  'exit-200-chdir',
  'exit-203-exec',
  'unit-syntax',
  'no-entries',
  'journal-access-denied',
];

export interface Rule {
  signal: LogSignal;
  test: RegExp;
}

/** Checked in order on every line; one line may raise several signals. */
export const RULES: readonly Rule[] = [
  { signal: 'worker-sigterm', test: /Worker \(pid:\s*\d+\) was sent SIGTERM/i },
  { signal: 'worker-timeout', test: /WORKER TIMEOUT \(pid:\s*\d+\)/i },
  {
    signal: 'worker-oom',
    test: anyOf(
      'i',
      /was sent SIGKILL|Perhaps out of memory|Out of memory: Kill|oom-kill(?:er)?\b|invoked oom-killer/,
      /killed by the OOM killer|Failed with result 'oom-kill'|Memory cgroup out of memory/,
    ),
  },
  { signal: 'address-in-use', test: /Connection in use|Address already in use|\[Errno 98\]|EADDRINUSE/i },
  { signal: 'permission-denied', test: /Permission denied|PermissionError|\[Errno 13\]|EACCES/ },
  {
    signal: 'module-import-error',
    test: anyOf(
      'i',
      /ModuleNotFoundError|ImportError|No module named|Failed to find attribute '?application/,
      /Failed to find application|Worker failed to boot|App failed to load/,
    ),
  },
  { signal: 'disallowed-host', test: /DisallowedHost|Invalid HTTP_HOST header/ },
  {
    signal: 'no-such-table',
    test: anyOf(
      'i',
      /no such table: \w|relation "[^"]{1,200}" does not exist|\(1146, "Table '[^']{1,200}' doesn't exist/,
    ),
  },
  {
    signal: 'database-unavailable',
    test: anyOf(
      'i',
      /OperationalError.{0,40}(?:unable to open database file|attempt to write a readonly database)/,
      /OperationalError.{0,40}(?:\(2002|\(2003|\(1045|\(1049|could not connect to server|connection to server at)/,
    ),
  },
  {
    signal: 'exit-217-user',
    test: /status=217(?:\/USER)?\b|Failed at step USER\b|Failed to determine user credentials/,
  },
  {
    signal: 'exit-200-chdir',
    test: anyOf(
      '',
      /status=200\/CHDIR|code=exited,? status=200\b|Failed at step CHDIR\b/,
      /Changing to the requested working directory failed/,
    ),
  },
  {
    signal: 'exit-203-exec',
    test: anyOf(
      '',
      /status=203(?:\/EXEC)?\b|Failed at step EXEC\b|Failed to execute command/,
      /Failed to locate executable|Unable to locate executable/,
    ),
  },
  { signal: 'unit-syntax', test: /Assignment outside of section|Missing '='/i },
  { signal: 'no-entries', test: /^-- No entries --\s*$/ },
  {
    signal: 'journal-access-denied',
    test: anyOf(
      'i',
      /No journal files were (?:found|opened)|You are currently not seeing messages|insufficient permissions/,
      /Users in (?:the )?groups? .* can see all messages/,
    ),
  },
];

/** Signals that stop gunicorn from starting; a later successful start makes them history. */
export const STARTUP_LOG_SIGNALS: readonly LogSignal[] = [
  'exit-217-user',
  'exit-200-chdir',
  'exit-203-exec',
  'module-import-error',
  'address-in-use',
  'permission-denied',
];

/** Signals that mean the backend is broken (as opposed to benign or informative ones). */
export const FAILING_LOG_SIGNALS: readonly LogSignal[] = [
  'worker-oom',
  'worker-timeout',
  ...STARTUP_LOG_SIGNALS,
  'database-unavailable',
  'no-such-table',
];

/** Order signals are reported in (most serious first, for summaries). */
export const ORDER: readonly LogSignal[] = [
  ...FAILING_LOG_SIGNALS,
  'disallowed-host',
  'unit-syntax',
  'journal-access-denied',
  'no-entries',
  'worker-sigterm',
];
