import { gated } from './gated.js';
/**
 * A pasted `manage.py createsuperuser` session: Django's own prompts and answers ("Email address: it@corp.example",
 * "电子邮件地址: admin@example.com", "Bypass password validation and create user anyway? [y/N]", "--email ops@…"). The
 * e-mail field is the new account's, no mail system; read by src/intent/around-oms.ts. A mail system's own trouble
 * ("邮件服务器收不到外部邮件") holds no such session and stays another system's.
 */

/** The session itself: the command that prompts. */
const SESSION = gated(/createsuperuser|changepassword|manage\.py/);

/** The prompts with what was typed after them, and the command's own options and messages. */
const PROMPTS = gated(
  new RegExp(
    [
      String.raw`\b(?:username|email(?: address)?|password(?: \(again\))?)\s*(?:\([^)]*\))?\s*:` +
        String.raw`[ \t]*(?:[\w.@+-]+(?=\s|$))?`,
      String.raw`(?:用户名|电子邮件地址|电子邮箱地址|邮箱地址|邮箱|密码(?:（再次）|\(again\))?)\s*(?:\([^)]*\))?\s*[:：]` +
        String.raw`[ \t]*(?:[\w.@+-]+(?=\s|$))?`,
      String.raw`--(?:email|username)(?:[= ]\S+)?`,
      String.raw`\benter a valid email address\.?|输入一个有效的\s*(?:电子邮件|email|邮箱)\s*地址。?`,
      String.raw`\bbypass password validation and create user anyway\?\s*(?:\[y\/n\]:?)?`,
      String.raw`\bsuperuser created successfully\.?`,
    ].join('|'),
    'g',
  ),
);

/** The text without a createsuperuser session's prompts. */
export function withoutSessionPrompts(text: string, whole = text): string {
  return SESSION.test(whole) ? text.replace(PROMPTS, ' ') : text;
}
