/** Exit codes: 0 fine, 1 the diagnosis found a problem, 2 the request was refused or invalid, 3 target unreachable. */
export const EXIT_CODES = { ok: 0, problem: 1, usage: 2, unreachable: 3 } as const;
