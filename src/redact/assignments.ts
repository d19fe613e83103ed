import { isSecretName } from './names.js';
import { redactLabelled, type LabelDecision, type ValueMode } from './values.js';

/**
 * Values filed under a secret-looking name, anywhere in a line: `SECRET_KEY = '…'`
 * (also HTML-escaped inside a debug page), `DB_PASS=…`, `db_password: …`,
 * `"password": "…"`, `'PASSWORD': '…'`, a quoted value spanning lines, a debug page's
 * table cells; SQL
 * `IDENTIFIED BY '…'`; Chinese labels `数据库密码：…`.
 */

/**
 * A name, optionally quoted (`"password"`, `\"password\"`), then `=`, `:` or `：`.
 * Not `==`/`=>`, not `://` or `::`. The name is a whole run of name characters
 * (`-Dspring.datasource.password`, judged by its last dotted part), never a piece
 * of one, so each run is tried once.
 */
const NAME_LABEL = /(?<![\w.-])(\\?["'])?([\w.-]+)(\\?["'])?[ \t]*(?:=(?![=>~])|:(?![:/])|：)[ \t]*/g;

/** True when only blanks, `export ` or a YAML list dash come before `index` on its line. */
function startsLine(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] === '-' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n'))
    i--;
  else if (i >= 5 && text.startsWith('export', i - 5)) i -= 6;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}

/**
 * `targets.prod.hostKey: must look like SHA256:…`, `SLACK_BOT_TOKEN: missing — set it`: after a
 * colon, a sentence about the value (one of these words, then more words) is not the value.
 */
const SENTENCE_WORDS = [
  ...['must', 'an?', 'the', 'is', 'are', 'not', 'no', 'missing', 'cannot', 'invalid', 'expected', 'required'],
  ...['unknown', 'wrong', 'should', 'needs?', 'names', 'set', 'use', 'see', 'check'],
];
const SENTENCE = new RegExp(`(?:${SENTENCE_WORDS.join('|')})[ \\t]`, 'y');

function describesValue(m: RegExpExecArray, text: string): boolean {
  if (!/[:：][ \t]*$/.test(m[0])) return false;
  SENTENCE.lastIndex = m.index + m[0].length;
  return SENTENCE.test(text);
}

function decideName(m: RegExpExecArray, text: string): LabelDecision {
  const name = m[2]!;
  if (!isSecretName(name) || describesValue(m, text)) return undefined;
  let mode: ValueMode = 'token';
  if (m[3] === '"' || m[3] === '\\"') mode = 'json';
  else if (!m[1] && startsLine(text, m.index)) mode = 'line';
  return { name, mode };
}

export function redactAssignments(text: string): string {
  return redactLabelled(text, NAME_LABEL, decideName);
}

/**
 * Django's debug page tables (settings, a frame's local variables, POST data):
 * `<td>password</td><td class="code"><pre>&#x27;…&#x27;</pre></td>`.
 */
const HTML_CELL = /<td>([A-Za-z_][\w.-]*)<\/td>\s*<td[^>]{0,200}>(?:\s*<pre[^>]{0,200}>)?/g;

export function redactHtmlCells(text: string): string {
  return redactLabelled(text, HTML_CELL, (m) => (isSecretName(m[1]!) ? { name: m[1]!, mode: 'token' } : undefined));
}

/** `ALTER USER … IDENTIFIED BY 'x'`, `IDENTIFIED WITH mysql_native_password BY 'x'`, `BY PASSWORD '*hash'`. */
const IDENTIFIED_BY = /\bIDENTIFIED\s+(?:WITH\s+[\w-]+\s+)?(?:BY|AS)\s+(?:PASSWORD\s+)?/gi;

export function redactSqlPasswords(text: string): string {
  return redactLabelled(text, IDENTIFIED_BY, () => ({ name: 'password', mode: 'token' }));
}

/** 密码 (password), 口令 (passphrase), 密钥/秘钥 (secret key), 令牌 (token), followed by `:`, `：` or `=`. */
const CHINESE_LABEL = /(?:密码|口令|密钥|秘钥|令牌)[ \t]*(?:是[ \t]*)?[:：=][ \t]*/g;

export function redactChineseLabels(text: string): string {
  return redactLabelled(text, CHINESE_LABEL, () => ({ name: 'password', mode: 'token' }));
}
