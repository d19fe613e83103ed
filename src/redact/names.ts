import { REDACTED } from './marker.js';

/**
 * Which names hold secrets, and which values under such names are not secret
 * after all (a host key fingerprint under `hostKey`, a key file's path, a boolean).
 */

/** SECRET_KEY, DATABASE_PASSWORD, DB_PASS, MYSQL_PWD, API_TOKEN, AWS_ACCESS_KEY_ID, FERNETKEY … */
const SECRET_WORD = new RegExp(
  [
    'SECRET|PASSWORD|PASSWD|PASSPHRASE|TOKEN|APIKEY|CREDENTIAL|AUTHORIZATION|COOKIE|SESSIONID',
    // KEY ends the name or a part of it (KEYBOARD_LAYOUT is not secret).
    'KEYS?(?:$|[_-])',
    '(?:^|[_-])DSN$',
    '(?:^|[_-])(?:PASS|PWD)(?:$|[_-])',
  ].join('|'),
  'i',
);
/** camelCase names: `dbPass`, `mysqlPwd`. */
const CAMEL_SECRET = /[a-z0-9](?:Pass|Pwd|Passwd)$/;
/** Names that only look secret: CORS answers, the shell's working directory. */
const NOT_SECRET = /^(?:Access-Control-.*|(?:OLD)?PWD)$/i;
/**
 * The account database as getent and nsswitch.conf name it (`getent passwd: 20 users`), and the
 * sudoers tag (`omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl …`); `PASSWD=` stays secret.
 */
const ACCOUNT_DATABASE = /^(?:passwd|shadow|gshadow|NOPASSWD)$/;
/** The secret word is only KEY (PRIVATE_KEY, hostKey, SSL_KEY): a path or public data may follow. */
const STRONG_WORD = /SECRET|PASS|PWD|TOKEN|CREDENTIAL|COOKIE|AUTH|SESSION/i;

/**
 * True when an environment-style name holds a secret. A dotted name is judged
 * by its last part: `spring.datasource.password` is secret, `passwords.csv` is a file.
 */
export function isSecretName(name: string): boolean {
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (last === '' || NOT_SECRET.test(last) || ACCOUNT_DATABASE.test(last)) return false;
  return SECRET_WORD.test(last) || CAMEL_SECRET.test(last);
}

/** `SHA256:…` as `ssh-keygen -lf` prints it, or the old colon-separated MD5 form. */
const FINGERPRINT = /^(?:SHA256:[A-Za-z0-9+/]{43}=?|MD5(?::[0-9a-f]{2}){16})$/;
/** A public key (`ssh-ed25519 AAAA… comment`) or just its type word (the value cut at a space). */
const KEY_TYPE = String.raw`(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp(?:256|384|521)|sk-[\w-]+@openssh\.com)`;
const PUBLIC_KEY = new RegExp(String.raw`^${KEY_TYPE}(?: AAAA[A-Za-z0-9+/]+=*(?: [^\n]*)?)?$`);
const NOT_A_VALUE = /^(?:true|false|yes|no|on|off|none|null|nil|undefined)$/i;
/** `${DB_PASSWORD}`, `$TOKEN`: a reference to a secret, not the secret. */
const REFERENCE = /^\$\{?[A-Za-z_]\w*\}?$/;
const PATH = /^(?:~|\.{1,2})?\/[^\s]*$/;
/** Chinese words (`密码: 密码太短` in a sheet check's answer) describe a value, they are not one. */
const HAN_WORDS = /^[\p{Script=Han}\p{P}]+$/u;

/**
 * True when `value`, found under the secret-looking `name`, is safe to show:
 * empty, already redacted, a boolean, a reference, a fingerprint or public key,
 * a file path under a KEY name, Chinese words, or the opening of a structure whose own pairs are redacted one by one.
 */
export function isHarmlessValue(name: string, value: string): boolean {
  // `(using password: YES)`: closing punctuation is not part of the word.
  const v = withoutClosers(value.trim());
  if (v === '' || v.startsWith(REDACTED)) return true;
  if (NOT_A_VALUE.test(v) || REFERENCE.test(v) || FINGERPRINT.test(v) || PUBLIC_KEY.test(v)) return true;
  if (v === '[' || v === '{' || v === '(' || HAN_WORDS.test(v)) return true;
  return PATH.test(v) && !STRONG_WORD.test(name.slice(name.lastIndexOf('.') + 1));
}

/** The word without the `)`, `]`, `}`, `,`, `;`, `.` that end it (a loop: a regex here could backtrack). */
function withoutClosers(v: string): string {
  let end = v.length;
  while (end > 0 && '),;.]}'.includes(v[end - 1]!)) end--;
  return v.slice(0, end);
}
