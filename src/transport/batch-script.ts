/**
 * Several read-only commands in one SSH session: the POSIX sh script that runs them one after the other, and
 * the markers that frame each command's output. Each command line comes from `remoteCommand`
 * (src/transport/ssh/channel.ts): a whitelisted argv, every element shell-quoted, under its own `timeout`.
 * The script adds only fixed text and a random nonce (hex) around them; nothing else reaches the shell.
 *
 * On both stdout and stderr, command `i`'s output is framed as
 * `<nonce> B <i>\n` … output … `\n<nonce> E <i> <exit status>\n`
 * (the newline before the end marker is framing, so output that does not end with one stays as it was).
 * The script's text holds no nonce: every user on the server can read it (the shell's command line, in `ps` and
 * /proc), and a process that knew the nonce could end one command's frame and write the next one's output. The
 * shell reads the nonce from the session's stdin ({@link batchInput}) into a variable that is not exported.
 * Works with dash (Debian's /bin/sh) and bash (Kylin's).
 */

/** Random hex, at least 16 characters: the markers of one batch. */
const NONCE = /^[0-9a-f]{16,64}$/;

/** What the batch session's stdin carries: the nonce, one line (then end of input). */
export function batchInput(nonce: string): string {
  if (!NONCE.test(nonce)) throw new Error('a batch nonce is 16 to 64 hex characters');
  return `${nonce}\n`;
}

/** The script for commands already turned into command lines; its markers use the nonce read from stdin. */
export function batchScript(commandLines: readonly string[]): string {
  if (commandLines.length === 0) throw new Error('a batch needs at least one command');
  const last = commandLines.length - 1;
  const lines = [
    // No nonce, no commands: a session whose stdin did not carry one runs nothing.
    'read -r n && [ -n "$n" ] || exit 1',
    `_b() { printf '%s B %s\\n' "$n" "$1"; printf '%s B %s\\n' "$n" "$1" >&2; }`,
    // The end of one command and the begin of the next in one write per stream: fewer SSH data packets.
    `_e() { printf '\\n%s E %s %s\\n' "$n" "$1" "$2"; printf '\\n%s E %s %s\\n' "$n" "$1" "$2" >&2; }`,
    `_n() { printf '\\n%s E %s %s\\n%s B %s\\n' "$n" "$1" "$2" "$n" "$3"; ` +
      `printf '\\n%s E %s %s\\n%s B %s\\n' "$n" "$1" "$2" "$n" "$3" >&2; }`,
    '_b 0',
    // Each command's stdin is /dev/null: none reads input, and none may read the next command's.
    ...commandLines.map((line, i) => `${line} </dev/null; ${i === last ? `_e ${i} $?` : `_n ${i} $? ${i + 1}`}`),
  ];
  return `${lines.join('\n')}\n`;
}
