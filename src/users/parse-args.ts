/** `users template [-o file.xlsx]` / `users validate FILE [-o corrected.xlsx]`. */
export type UsersCommand =
  | { verb: 'users'; action: 'template'; output?: string }
  | { verb: 'users'; action: 'validate'; file: string; output?: string };

type Parsed = { ok: true; command: UsersCommand } | { ok: false; error: string; hint: string };

const USAGE =
  '`users template [-o file.xlsx]` writes the import template; ' +
  '`users validate FILE.xlsx|FILE.csv [-o corrected.xlsx]` checks a filled one';

/**
 * A local file path: not empty, at most 1024 characters, no control characters, not an option, not a directory,
 * with the given extension. The first problem, or undefined. (Plain code: parsing the words loads no zod.)
 */
function pathProblem(p: string, ext: RegExp, extMessage: string): string | undefined {
  if (p.length === 0) return 'is empty';
  if (p.length > 1024) return 'is longer than 1024 characters';
  if (/[\u0000-\u001f\u007f]/.test(p)) return 'contains control characters';
  if (p.startsWith('-')) return 'starts with - (an option?)';
  if (/[\\/]$/.test(p)) return 'is a directory, not a file';
  if (!ext.test(p)) return extMessage;
  return undefined;
}
const inputProblem = (p: string) => pathProblem(p, /\.(xlsx|csv|txt|tsv)$/i, 'must end in .xlsx or .csv');
const outputProblem = (p: string) => pathProblem(p, /\.xlsx$/i, 'must end in .xlsx');

/** Parse the words after `users`. */
export function parseUsersArgs(args: readonly string[]): Parsed {
  const [sub, ...rest] = args;
  const words: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '-o') {
      output = rest[++i];
      if (output === undefined)
        return { ok: false, error: '-o needs a file name', hint: 'e.g. `users template -o 用户导入模板.xlsx`' };
    } else words.push(rest[i]!);
  }
  if (output !== undefined) {
    const problem = outputProblem(output);
    if (problem)
      return {
        ok: false,
        error: `invalid output file "${output}": ${problem} — nothing was written`,
        hint: 'e.g. -o corrected.xlsx',
      };
  }
  switch (sub?.toLowerCase()) {
    case 'template':
      if (words.length > 0)
        return {
          ok: false,
          error: `users template takes no file, only -o FILE (got "${words.join(' ')}")`,
          hint: USAGE,
        };
      return { ok: true, command: { verb: 'users', action: 'template', ...(output ? { output } : {}) } };
    case 'validate':
    case 'check': {
      if (words.length !== 1)
        return {
          ok: false,
          error:
            words.length === 0
              ? 'users validate needs a file'
              : `users validate takes one file (got ${words.length}; quote a name with spaces)`,
          hint: USAGE,
        };
      const file = words[0]!;
      const problem = inputProblem(file);
      if (problem) return { ok: false, error: `invalid file "${file}": ${problem} — nothing was read`, hint: USAGE };
      return { ok: true, command: { verb: 'users', action: 'validate', file, ...(output ? { output } : {}) } };
    }
    default:
      return {
        ok: false,
        error: sub ? `unknown users command "${sub}"` : 'users needs template or validate',
        hint: USAGE,
      };
  }
}
