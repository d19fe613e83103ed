/**
 * What a paste says by its shape rather than by a known log line: a port looked for in `ss`/`netstat`/`lsof`
 * output that the output does not show ("ss -tlnp | grep -E '80|8000'" printing only nginx on :80) means nothing
 * listens on that port, whatever the words around it.
 */

/** A listing command filtered by grep, and the grep's pattern. */
const LISTING = /\b(?:ss|netstat|lsof)\b[^|\n]*\|\s*grep\b(.*)$/i;
/** A prompt or a new command: the end of the previous command's output. */
const PROMPT = /^\s*(?:\$|#|\[[^\]]*@[^\]]*\][#$]|(?:sudo\s+)?(?:ss|netstat|lsof|systemctl|curl|journalctl|nginx)\b)/;
/** A line of a port listing (`LISTEN 0 511 0.0.0.0:80 …`, `tcp 0 0 127.0.0.1:8000 …`, `gunicorn … TCP *:8000`). */
const LISTING_LINE = /\bLISTEN\b|^(?:tcp|udp)6?\s|\(LISTEN\)/i;

/**
 * Does a pasted `ss`/`netstat`/`lsof … | grep PORT` show listening lines, none of them on a port the grep looked
 * for? Output with no listing line at all (nothing printed) is left to the signatures of the playbooks.
 */
export function portMissingFromListing(lines: readonly string[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (FULL_LISTING.test(lines[i]!) && backendMissing(outputAfter(lines, i))) return true;
    const m = LISTING.exec(lines[i]!);
    if (!m) continue;
    const ports = [...m[1]!.matchAll(/(?<![\d.])(\d{2,5})(?![\d.])/g)].map((p) => p[1]!);
    if (ports.length === 0) continue;
    const output: string[] = [];
    for (let j = i + 1; j < lines.length && !PROMPT.test(lines[j]!); j++) {
      if (LISTING_LINE.test(lines[j]!)) output.push(lines[j]!);
    }
    if (output.length === 0) continue;
    const shown = (port: string) => output.some((l) => new RegExp(String.raw`[:.]${port}(?!\d)`).test(l));
    if (ports.some((p) => !shown(p))) return true;
  }
  return false;
}

/** An unfiltered listing of listeners (`ss -lntp`, `netstat -tlnp`). */
const FULL_LISTING = /\b(?:ss|netstat)\s+-[a-z]*l[a-z]*(?:\s+-[a-z]+)*\s*$/i;
/** OMS's backend (gunicorn) port, and the front ports nginx serves OMS on. */
const BACKEND_PORT = /[:.]8000(?!\d)/;
const FRONT_PORT = /[:.](?:80|443)(?!\d)/;

/** The listening lines printed after line `i`, up to the next prompt. */
function outputAfter(lines: readonly string[], i: number): string[] {
  const output: string[] = [];
  for (let j = i + 1; j < lines.length && !PROMPT.test(lines[j]!); j++) {
    if (LISTING_LINE.test(lines[j]!)) output.push(lines[j]!);
  }
  return output;
}

/**
 * A whole listing of an OMS server's listeners — nginx's front port among them — without the backend's 8000: the
 * backend is not listening.
 */
function backendMissing(output: readonly string[]): boolean {
  return output.length >= 2 && output.some((l) => FRONT_PORT.test(l)) && !output.some((l) => BACKEND_PORT.test(l));
}

/** Several symptoms joined by "+" ("登录不了 + 接口404 + 日志里有SIGTERM"): the pieces of one clause. */
export function plusPieces(text: string): string[][] {
  const out: string[][] = [];
  for (const clause of text.split(/[,.;!?。；！？，\n]/)) {
    const pieces = clause.split(/\s*\+\s*/).filter((p) => p.trim().length > 0);
    if (pieces.length >= 3) out.push(pieces);
  }
  return out;
}
