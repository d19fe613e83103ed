import { targetPaths } from '../config/target.js';
import { defineCheck, type Observation } from './check.js';
import { commandProblem } from './output.js';
import { parseEnvFile } from './env-file.js';
import { settingStates } from './setting-states.js';

type Result = Omit<Observation, 'check'>;

/** Settings Django cannot run without: an empty value stops the backend at start-up. */
const REQUIRED = ['SECRET_KEY'] as const;
/** More lines than this are not looked at (a real .env has a few dozen). */
const MAX_LINES = 5000;
/** At most this many line numbers per kind of problem in the report. */
const MAX_PLACES = 8;

const LINE = /^(\s*)(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]{0,127})(\s*)=(\s*)(.*)$/;

export interface EnvFormat {
  bom: boolean;
  crlfLines: number;
  /** Key name and 1-based line for each problem; never a value. */
  spaces: { key: string; line: number }[];
  unbalanced: { key: string; line: number }[];
  duplicates: { key: string; lines: number[] }[];
  emptyRequired: { key: string; line: number }[];
  assignments: number;
}

/** Does `value` (which starts with the quote `q`) close on its own line? */
function closesOnLine(value: string, q: string): boolean {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '\\' && q === '"') i++;
    else if (value[i] === q) return true;
  }
  return false;
}

/** Read the format of a `.env` file; pure, linear, never keeps a value. */
export function readEnvFormat(text: string): EnvFormat {
  const bom = text.startsWith('\uFEFF');
  const lines = (bom ? text.slice(1) : text).split('\n', MAX_LINES);
  const out: EnvFormat = {
    bom,
    crlfLines: 0,
    spaces: [],
    unbalanced: [],
    duplicates: [],
    emptyRequired: [],
    assignments: 0,
  };
  const seen = new Map<string, number[]>();
  let neverCloses = false;
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    if (raw.endsWith('\r')) {
      out.crlfLines++;
      raw = raw.slice(0, -1);
    }
    if (raw.length > 64 * 1024) continue;
    const m = LINE.exec(raw);
    if (!m || raw.trimStart().startsWith('#')) continue;
    const [, , key, before, after, rest] = m as unknown as [string, string, string, string, string, string];
    const line = i + 1;
    out.assignments++;
    seen.set(key, [...(seen.get(key) ?? []), line]);
    if (before !== '' || after !== '') out.spaces.push({ key, line });
    const value = rest.trimEnd();
    const q = value[0];
    if (q === '"' || q === "'") {
      if (!closesOnLine(value, q)) {
        // python-dotenv lets a double-quoted value span lines: look for the closing quote below.
        // Once a scan ran to the end without a closing line, no later line closes either (stays linear).
        let j = neverCloses ? lines.length : i + 1;
        if (q === '"') while (j < lines.length && !/(^|[^\\])"\s*\r?$/.test(lines[j]!.slice(-4096))) j++;
        if (q === '"' && j >= lines.length) neverCloses = true;
        if (q === "'" || j >= lines.length) out.unbalanced.push({ key, line });
        else i = j;
      }
    }
    const bare = value.replace(/^(["'])(.*)\1$/, '$2').replace(/\s+#.*$/, '');
    if ((REQUIRED as readonly string[]).includes(key) && (bare === '' || value.startsWith('#')))
      out.emptyRequired.push({ key, line });
  }
  for (const [key, at] of seen) if (at.length > 1) out.duplicates.push({ key, lines: at });
  return out;
}

const places = (items: { key: string; line: number }[]) =>
  items
    .slice(0, MAX_PLACES)
    .map((p) => `${p.key} (line ${p.line})`)
    .join(', ') + (items.length > MAX_PLACES ? `, … (${items.length})` : '');

/**
 * The backend `.env`'s format: BOM, CRLF, unbalanced quotes, spaces around `=`,
 * duplicate keys and an empty SECRET_KEY. Reads the same file as backend-env and
 * reports only key names and line numbers, never a value.
 */
export const envFormat = defineCheck({
  id: 'env-format',
  title: '后端 .env 格式',
  titleEn: 'Backend .env format',
  signals: {
    'format-ok': 'the .env is plain KEY=VALUE lines',
    bom:
      'the file starts with a UTF-8 BOM: python-dotenv and django-environ read the first key with it, ' +
      'so that setting is lost',
    crlf: 'Windows line endings (CRLF): values read by systemd or a shell keep a trailing \\r',
    'unbalanced-quote': 'a quoted value never closes: the parser swallows the lines below or drops the setting',
    'spaces-around-equals': 'spaces around "=": django-environ and shells ignore the line',
    'duplicate-key': 'the same key is set twice (dotenv keeps the last, django-environ the first)',
    'required-empty': 'SECRET_KEY is empty: Django refuses to start (ImproperlyConfigured)',
    'file-missing': 'the .env file does not exist (skipped; backend-env reports it)',
  },
  commands: (target) => [{ argv: ['cat', targetPaths(target).backendEnv], timeoutMs: 8000 }],
  interpret([r], target): Result {
    const file = targetPaths(target).backendEnv;
    if (!r) return { status: 'error', summary: `未运行 / ${file} was not read`, evidence: '', facts: {}, signals: [] };
    // The file holds secrets: nothing of its content reaches an excerpt, even on a timeout.
    const problem = commandProblem({ ...r, stdout: '' }, 'cat');
    if (problem) return problem;
    if (r.code !== 0) {
      const missing = /No such file or directory/i.test(r.stderr);
      return {
        status: missing ? 'skipped' : 'error',
        summary: missing
          ? `后端 .env 不存在 / ${file} does not exist`
          : `无法读取后端 .env / cannot read ${file}${/Permission denied/i.test(r.stderr) ? ' (permission denied)' : ''}`,
        evidence: '',
        facts: { file },
        signals: missing ? ['file-missing'] : [],
      };
    }
    // Which settings are set, empty or secret, never a value: `compare` tells what differs between twins.
    return withFacts(judge(readEnvFormat(r.stdout), file), { settings: settingStates(parseEnvFile(r.stdout).entries) });
  },
});

function judge(f: EnvFormat, file: string): Result {
  if (f.assignments === 0)
    return {
      status: 'error',
      summary: `${file} 中没有 KEY=VALUE 行 / no KEY=VALUE line in ${file} (empty, binary or not a .env)`,
      evidence: '',
      facts: { file },
      signals: [],
    };
  const signals: string[] = [];
  const notes: string[] = [];
  const evidence: string[] = [];
  let fail = false;
  if (f.bom) {
    fail = true;
    signals.push('bom');
    notes.push('文件开头有 BOM / starts with a BOM');
    evidence.push('line 1: UTF-8 BOM (EF BB BF) before the first key');
  }
  if (f.emptyRequired.length) {
    fail = true;
    signals.push('required-empty');
    notes.push(`必填项为空 / empty: ${[...new Set(f.emptyRequired.map((e) => e.key))].join(', ')}`);
    evidence.push(`empty value: ${places(f.emptyRequired)}`);
  }
  if (f.unbalanced.length) {
    fail = true;
    signals.push('unbalanced-quote');
    notes.push('引号没有闭合 / unbalanced quote');
    evidence.push(`quote never closes: ${places(f.unbalanced)}`);
  }
  if (f.crlfLines > 0) {
    signals.push('crlf');
    notes.push(`Windows 换行 CRLF / CRLF line endings (${f.crlfLines} lines)`);
    evidence.push(`CRLF line endings: ${f.crlfLines} lines`);
  }
  if (f.spaces.length) {
    signals.push('spaces-around-equals');
    notes.push('= 两边有空格 / spaces around "="');
    evidence.push(`spaces around "=": ${places(f.spaces)}`);
  }
  if (f.duplicates.length) {
    signals.push('duplicate-key');
    notes.push(
      `重复的键 / duplicate keys: ${f.duplicates
        .slice(0, MAX_PLACES)
        .map((d) => d.key)
        .join(', ')}`,
    );
    evidence.push(
      `set more than once: ${f.duplicates
        .slice(0, MAX_PLACES)
        .map((d) => `${d.key} (lines ${d.lines.slice(0, MAX_PLACES).join(', ')})`)
        .join('; ')}`,
    );
  }
  const facts = {
    file,
    assignments: f.assignments,
    bom: f.bom,
    crlfLines: f.crlfLines,
    keysWithSpaces: f.spaces.slice(0, MAX_PLACES).map((p) => p.key),
    duplicateKeys: f.duplicates.slice(0, MAX_PLACES).map((d) => d.key),
    emptyRequired: f.emptyRequired.map((e) => e.key).slice(0, MAX_PLACES),
  };
  if (signals.length === 0)
    return {
      status: 'ok',
      summary: `${file} 格式正确 / ${file} has no format problem (${f.assignments} settings)`,
      evidence: '',
      facts,
      signals: ['format-ok'],
    };
  return {
    status: fail ? 'fail' : 'warn',
    summary: `${file}: ${notes.join('; ')}`.slice(0, 500),
    evidence: evidence.join('\n').slice(0, 1500),
    facts,
    signals,
  };
}

function withFacts(r: Result, facts: Result['facts']): Result {
  return r.facts.assignments === undefined ? r : { ...r, facts: { ...r.facts, ...facts } };
}
