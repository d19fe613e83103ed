/** A file the bot will not read, said in the operators' words: what is wrong, and what to do next. */
export interface FileProblem {
  code:
    | 'too-large'
    | 'empty'
    | 'not-a-spreadsheet'
    | 'legacy-or-encrypted'
    | 'zip-bomb'
    | 'corrupt'
    | 'too-many-rows'
    | 'no-header'
    | 'unsupported'
    /** Past the time or memory budget of the reader (src/users/sheet-worker.ts). */
    | 'too-complex'
    | 'cancelled'
    | 'check-failed';
  message: string;
  hint: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; problem: FileProblem };

export function refuse(code: FileProblem['code'], message: string, hint: string): { ok: false; problem: FileProblem } {
  return { ok: false, problem: { code, message, hint } };
}
