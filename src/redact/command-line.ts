import { REDACTED } from './marker.js';
import { redactLabelled } from './values.js';

/**
 * Passwords given on a command line, as a log tail, a unit file or a process
 * list shows them: `--password X`, `--db-password=X`, `mysql -uoms -pS3cret`,
 * `sshpass -p X`, `curl -u admin:X`, `redis-cli -a X`.
 */

/** `--password X`, `--password=X`, `--passwd`, `--db-pass`, `--token`, `--secret`, `--api-key`, for any program. */
const LONG_FLAG = /(?<![^\s"'=])--[\w-]*?(?:password|passwd|pass|pwd|token|secret|api-?key)(?:=|[ \t]+(?=[^\s-]))/gi;

/** One program's flag whose value is a password, read only on a line that runs that program. */
interface ProgramFlag {
  program: RegExp;
  flag: RegExp;
}

/**
 * The value is a quoted string or the rest of the word; an already redacted
 * value is left as it is. For mysql only the attached `-pX` is a password
 * (`mysql -p db` prompts and names the database db); for sshpass only the first
 * `-p` (a later one belongs to ssh: the port).
 */
const VALUE = `("[^"\\n]*"?|'[^'\\n]*'?|[^\\s"'\`]+)`;
const PROGRAM_FLAGS: readonly ProgramFlag[] = [
  {
    program: /(?<![\w-])(?:mysql(?:dump|admin|import|check|show|pump)?|mariadb(?:-dump|-admin)?)(?![\w-])[^\n]*/g,
    flag: new RegExp(`(?<![^\\s"'])(-p)${VALUE}`, 'g'),
  },
  // Up to the next sshpass: each one's first -p is its password.
  {
    program: /(?<![\w-])sshpass(?![\w-])(?:(?!sshpass)[^\n])*/g,
    flag: new RegExp(`(?<![^\\s"'])(-p[ \\t]*)${VALUE}`),
  },
  { program: /(?<![\w-])redis-cli(?![\w-])[^\n]*/g, flag: new RegExp(`(?<![^\\s"'])(-a[ \\t]+)${VALUE}`, 'g') },
  {
    program: /(?<![\w-])curl(?![\w-])[^\n]*/g,
    flag: new RegExp(`(?<![^\\s"'])((?:-u[ \\t]*|--user(?:[ \\t]+|=))["']?[^\\s:"']*:)${VALUE}`, 'g'),
  },
];

export function redactCommandLines(text: string): string {
  let out = redactLabelled(text, LONG_FLAG, () => ({ name: 'password', mode: 'token' }));
  for (const { program, flag } of PROGRAM_FLAGS) {
    out = out.replace(program, (line) =>
      line.replace(flag, (all, prefix: string, value: string) =>
        value.replace(/^["']/, '').startsWith(REDACTED) ? all : `${prefix}${REDACTED}`,
      ),
    );
  }
  return out;
}
