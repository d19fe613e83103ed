import { z } from 'zod';

/** `users template [-o file.xlsx]` / `users validate FILE [-o corrected.xlsx]`. */
export type UsersCommand =
  | { verb: 'users'; action: 'template'; output?: string }
  | { verb: 'users'; action: 'validate'; file: string; output?: string };

type Parsed = { ok: true; command: UsersCommand } | { ok: false; error: string; hint: string };

const USAGE =
  '`users template [-o file.xlsx]` writes the import template; ' +
  '`users validate FILE.xlsx|FILE.csv [-o corrected.xlsx]` checks a filled one';

/** A local file path: no control characters, not an option, not a directory. */
const path = z
  .string()
  .min(1)
  .max(1024, 'is longer than 1024 characters')
  .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'contains control characters')
  .refine((p) => !p.startsWith('-'), 'starts with - (an option?)')
  .refine((p) => !/[\\/]$/.test(p), 'is a directory, not a file');
const inputPath = path.refine((p) => /\.(xlsx|csv|txt|tsv)$/i.test(p), 'must end in .xlsx or .csv');
const outputPath = path.refine((p) => /\.xlsx$/i.test(p), 'must end in .xlsx');

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
    const o = outputPath.safeParse(output);
    if (!o.success)
      return {
        ok: false,
        error: `invalid output file "${output}": ${o.error.issues[0]!.message} — nothing was written`,
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
      const file = inputPath.safeParse(words[0]);
      if (!file.success)
        return {
          ok: false,
          error: `invalid file "${words[0]}": ${file.error.issues[0]!.message} — nothing was read`,
          hint: USAGE,
        };
      return {
        ok: true,
        command: { verb: 'users', action: 'validate', file: file.data, ...(output ? { output } : {}) },
      };
    }
    default:
      return {
        ok: false,
        error: sub ? `unknown users command "${sub}"` : 'users needs template or validate',
        hint: USAGE,
      };
  }
}
