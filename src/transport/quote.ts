/**
 * POSIX shell quoting for argv elements sent over SSH, where the server's
 * shell joins the command line. Every element becomes one single-quoted word,
 * so spaces, quotes, `$`, backticks and newlines arrive unchanged.
 */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) throw new Error('argument contains a NUL byte and cannot be passed to a command');
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Join an argv array into one shell command line, each element quoted. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
