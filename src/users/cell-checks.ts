/** The checks of one cell of a user sheet, column by column, with their mechanical fixes. */
import { MIN_PASSWORD_LENGTH, ROLES, type Column } from './fields.js';
import type { IssueKind } from './issue.js';

const EMAIL = /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$/;
const MOBILE = /^1[3-9]\d{9}$/;
/** Django's UnicodeUsernameValidator: letters, digits and @ . + - _ (Chinese characters are letters). */
const USERNAME = /^[\p{L}\p{N}\p{M}_.@+-]+$/u;
/** Characters that make a spreadsheet (or a CSV opened in Excel) run a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (ａ１＠．) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function shown(v: string): string {
  const s = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return `"${s.replace(/[\r\n\t]/g, ' ')}"`;
}

export type Add = (kind: IssueKind, problem: string, fix: string) => void;

export function checkValue(col: Column, raw: string, add: Add): string {
  if (col.key === 'password') return checkPassword(raw, add);
  let v = raw.trim();
  if (v !== raw && v !== '') add('fixed', '前后有空格 / leading or trailing spaces', 'trimmed in the corrected file');
  if (v === '-' || v === '—' || v === '/') {
    if (!col.required) {
      add('fixed', `占位符 ${shown(v)} / a placeholder instead of an empty cell`, 'left empty in the corrected file');
      return '';
    }
    v = '';
  }
  if (v === '') {
    if (col.required) add('error', `必填项为空 / ${col.header} is required`, `fill in ${col.header}: ${col.explain}`);
    return '';
  }
  switch (col.key) {
    case 'username':
      return checkUsername(v, add);
    case 'role':
      if (!(ROLES as readonly string[]).includes(v)) {
        add(
          'error',
          `角色 ${shown(v)} 不在列表中 / is not one of ${ROLES.join(' / ')}`,
          'pick one from the drop-down in the template',
        );
        return neutralise(v);
      }
      return v;
    case 'email':
      return checkFolded(
        v,
        EMAIL,
        add,
        '邮箱格式不对 / not an e-mail address',
        'write it as name@example.com, or leave it empty',
      );
    case 'mobile':
      return checkMobile(v, add);
    default:
      return checkInjection(v, add);
  }
}

function checkPassword(raw: string, add: Add): string {
  if (raw.trim() === '') {
    add(
      'error',
      '必填项为空 / 密码 is required',
      `fill in an initial password of at least ${MIN_PASSWORD_LENGTH} characters`,
    );
    return '';
  }
  const n = [...raw].length;
  if (n < MIN_PASSWORD_LENGTH)
    add('error', `密码太短 / password too short (${n} chars)`, `use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (raw !== raw.trim())
    add(
      'warning',
      '密码前后有空格 / the password starts or ends with a space',
      'people rarely type that at login: check it (passwords are never changed in the corrected file)',
    );
  if (FORMULA_START.test(raw.trim()))
    add(
      'warning',
      '密码以 = + - @ 开头 / the password starts with = + - or @',
      'fine in an .xlsx, but Excel would run it as a formula if the sheet is ever saved as CSV: ' +
        'prefer another first character',
    );
  // Passwords are never changed: a changed password is one nobody knows.
  return raw;
}

function checkUsername(v: string, add: Add): string {
  let name = v;
  if (FULL_WIDTH.test(name)) {
    const half = toHalfWidth(name);
    if (USERNAME.test(half)) {
      add(
        'fixed',
        '用户名含全角字符 / the user name has full-width characters',
        `changed to half-width ${shown(half)} in the corrected file`,
      );
      name = half;
    } else {
      add(
        'error',
        '用户名含全角字符或空格 / the user name has full-width characters or spaces',
        'use half-width letters and digits (switch the input method to 半角) without spaces',
      );
      return neutralise(name);
    }
  }
  if (FORMULA_START.test(name)) {
    add(
      'error',
      `用户名以 ${name[0]} 开头 / the user name starts with ${name[0]} (formula injection: Excel would run it)`,
      "start it with a letter or digit; the corrected file prefixes it with '",
    );
    return `'${name}`;
  }
  if (!USERNAME.test(name))
    add(
      'error',
      `用户名含不允许的字符 / user name ${shown(name)} has characters other than letters, digits and @ . + - _`,
      'remove spaces and punctuation',
    );
  else if ([...name].length > 150)
    add('error', '用户名太长 / the user name is longer than 150 characters', 'shorten it');
  return name;
}

function checkMobile(v: string, add: Add): string {
  const digits = toHalfWidth(v)
    .replace(/[\s()（）-]/g, '')
    .replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MOBILE.test(digits)) {
    if (digits !== v)
      add(
        'fixed',
        `手机号格式 ${shown(v)} / separators, +86 or full-width digits`,
        `written as ${digits} in the corrected file`,
      );
    return digits;
  }
  add(
    'error',
    `手机号 ${shown(v)} 不是 11 位大陆手机号 / not an 11-digit mainland mobile number (1[3-9] and 9 digits)`,
    'write it as 13800138000 without +86 or spaces, or leave it empty',
  );
  return neutralise(v);
}

function checkFolded(v: string, pattern: RegExp, add: Add, problem: string, fix: string): string {
  const half = toHalfWidth(v);
  if (pattern.test(half)) {
    if (half !== v)
      add('fixed', '含全角字符 / full-width characters', `changed to half-width ${shown(half)} in the corrected file`);
    return half;
  }
  add('error', `${problem}: ${shown(v)}`, fix);
  return neutralise(v);
}

function checkInjection(v: string, add: Add): string {
  if (!FORMULA_START.test(v)) return v;
  add(
    'error',
    `以 ${v[0]} 开头 / starts with ${v[0]} (formula injection: Excel would run it as a formula)`,
    "remove the leading character; the corrected file prefixes it with ' so it stays text",
  );
  return `'${v}`;
}

/** A value already reported as an error: in the corrected file it must at least not be a formula. */
function neutralise(v: string): string {
  return FORMULA_START.test(v) ? `'${v}` : v;
}
