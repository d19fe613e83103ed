/**
 * Reading the backend's unit as the server sees it: `systemctl show` (the
 * effective WorkingDirectory, User, Group, FragmentPath, LoadState) and
 * `systemctl cat` (the unit file and its drop-ins, each after a `# /path`
 * line, for ExecStart with its quoting and the line it came from). Pure.
 */
import { BACKEND_UNIT_PROPERTIES } from '../checks/backend-service.js';
import { parseSystemdShow } from '../checks/systemd-show.js';

/** A value with its file and line in `systemctl cat` output. */
export interface UnitLine {
  value: string;
  file: string;
  line: number;
}

export interface UnitCat {
  /** Each file `systemctl cat` printed, in order (the unit, then drop-ins). */
  files: string[];
  /** The ExecStart= lines in effect (an empty `ExecStart=` in a drop-in resets the list). */
  execStart: UnitLine[];
  workingDirectory?: UnitLine;
  user?: UnitLine;
  group?: UnitLine;
}

/** `systemctl cat` puts `# /path` before each file, after a blank line; a comment in a unit rarely looks like that. */
const FILE_MARKER = /^# (\/\S+\.(?:service|conf))\s*$/;
const MAX_LINES = 20_000;

/** Parse `systemctl cat <unit>` output. Lines before the first `# /file` marker are ignored. */
export function parseSystemctlCat(text: string): UnitCat {
  const out: UnitCat = { files: [], execStart: [] };
  const lines = text.split('\n').slice(0, MAX_LINES);
  let file: string | undefined;
  let fileLine = 0;
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\r$/, '');
    const marker = i === 0 || lines[i - 1]!.trim() === '' ? FILE_MARKER.exec(line) : null;
    if (marker) {
      file = marker[1]!;
      fileLine = 0;
      section = '';
      out.files.push(file);
      continue;
    }
    fileLine++;
    if (!file) continue;
    const at = fileLine;
    // A trailing backslash continues the line (systemd joins with a space).
    // A comment line inside a continuation is skipped, as systemd does.
    while (line.endsWith('\\') && i + 1 < lines.length) {
      const next = lines[++i]!.replace(/\r$/, '');
      fileLine++;
      if (/^\s*[#;]/.test(next)) {
        line = `${line.slice(0, -1)}\\`;
        continue;
      }
      line = `${line.slice(0, -1)} ${next}`;
    }
    const t = line.trim().replace(/^\uFEFF/, '');
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const sec = /^\[([^\]]+)\]$/.exec(t);
    if (sec) {
      section = sec[1]!;
      continue;
    }
    if (section !== 'Service') continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const key = t.slice(0, eq).trim();
    const value = t.slice(eq + 1).trim();
    const where = { value, file, line: at };
    if (key === 'ExecStart') {
      if (value === '') out.execStart = [];
      else out.execStart.push(where);
    } else if (key === 'WorkingDirectory') out.workingDirectory = where;
    else if (key === 'User') out.user = where;
    else if (key === 'Group') out.group = where;
  }
  return out;
}

/**
 * Split a unit's command line as systemd does: whitespace separates words,
 * "double" and 'single' quotes group, backslash escapes; the executable may
 * carry the prefixes `-@:+!`. Returns `undefined` for an unterminated quote.
 */
export function splitUnitCommand(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  const n = Math.min(text.length, 64 * 1024);
  while (i < n) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n) break;
    let word = '';
    while (i < n && !/\s/.test(text[i]!)) {
      const c = text[i]!;
      if (c === '"' || c === "'") {
        const end = text.indexOf(c, i + 1);
        if (end === -1 || end >= n) return undefined;
        word += text.slice(i + 1, end).replace(/\\(.)/g, '$1');
        i = end + 1;
      } else if (c === '\\' && i + 1 < n) {
        word += text[i + 1];
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  if (words.length > 0) words[0] = words[0]!.replace(/^[-@:+!]+/, '');
  return words;
}

/** What `systemctl show <unit> -p …` says about the unit. */
export interface UnitShow {
  loadState?: string;
  fragmentPath?: string;
  workingDirectory?: string;
  user?: string;
  group?: string;
  /** `ExecStart={ path=… ; argv[]=… ; … }`: argv as systemd prints it (words joined by spaces). */
  execArgv?: string;
}

/**
 * The properties discovery asks `systemctl show` for (LoadState, FragmentPath, WorkingDirectory, User, Group,
 * ExecStart): the `backend-service` check's list, which holds them, so both are one command.
 */
export const SHOW_PROPERTIES = BACKEND_UNIT_PROPERTIES;

export function parseUnitShow(text: string): UnitShow | undefined {
  const props = parseSystemdShow(text);
  if (!props) return undefined;
  const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);
  const argv = /argv\[\]=(.*?)\s;\s(?:ignore_errors|flags)=/.exec(props.ExecStart ?? '')?.[1];
  return {
    loadState: nonEmpty(props.LoadState),
    fragmentPath: nonEmpty(props.FragmentPath),
    // `-/path` (missing is fine) and `!/path` prefixes are systemd's, not the directory's.
    workingDirectory: nonEmpty(props.WorkingDirectory)?.replace(/^[-!]+/, ''),
    user: nonEmpty(props.User),
    group: nonEmpty(props.Group),
    execArgv: nonEmpty(argv),
  };
}
