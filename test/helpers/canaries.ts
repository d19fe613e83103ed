import { randomBytes } from 'node:crypto';

/**
 * Secrets of every form an operator's server really holds, each made of fresh
 * random canaries: a test plants them and then looks for any canary (or any
 * 8-character piece of one) in what the bot prints.
 */

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64 = `${BASE62}+/`;

function random(alphabet: string, n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

/** Collects every canary made while building one planted text. */
export class CanaryBox {
  readonly all: string[] = [];
  /** A fresh base62 canary (20 characters unless said). */
  word(n = 20, alphabet = BASE62): string {
    const c = random(alphabet, n);
    this.all.push(c);
    return c;
  }
  upper(n: number): string {
    return this.word(n, UPPER);
  }
  base64(n: number): string {
    return this.word(n, BASE64);
  }
}

/** One form: a line (or lines) holding the secret, built from canaries. */
export interface SecretForm {
  name: string;
  plant(c: CanaryBox): string;
}

export const SECRET_FORMS: readonly SecretForm[] = [
  { name: 'mysql -pX', plant: (c) => `backup: mysql -uoms -p${c.word()} oms` },
  { name: 'mysqldump --password X', plant: (c) => `mysqldump --password ${c.word()} --user=oms oms` },
  { name: '--password=X', plant: (c) => `manage.py --password=${c.word()} --noinput` },
  { name: '--passwd X', plant: (c) => `tool --passwd ${c.word()} -v` },
  { name: 'sshpass -p X', plant: (c) => `sshpass -p ${c.word()} ssh -p 2222 root@10.0.0.9` },
  { name: 'curl -u user:X', plant: (c) => `curl -sS -u admin:${c.word()} http://10.0.0.9/api/` },
  { name: 'PGPASSWORD=', plant: (c) => `env PGPASSWORD=${c.word()} psql -h db` },
  { name: 'MYSQL_PWD=', plant: (c) => `MYSQL_PWD=${c.word()}` },
  { name: 'redis-cli -a X', plant: (c) => `redis-cli -h 10.0.0.5 -a ${c.word()} ping` },
  { name: 'URL user info', plant: (c) => `DATABASE_URL=mysql://oms:${c.word()}@db:3306/oms` },
  { name: 'redis://:pw@host', plant: (c) => `REDIS_URL=redis://:${c.word()}@10.0.0.5:6379/0` },
  { name: '@ in a DSN password', plant: (c) => `connecting to mysql://oms:${c.word()}@${c.word()}@db:3306/oms` },
  { name: 'Authorization mid-line', plant: (c) => `request -H "Authorization: Bearer ${c.word()}" failed` },
  { name: 'Proxy-Authorization', plant: (c) => `sent Proxy-Authorization: Basic ${c.word()}==` },
  { name: 'Cookie', plant: (c) => `got Cookie: sessionid=${c.word()}; csrftoken=${c.word()}` },
  { name: 'Set-Cookie', plant: (c) => `Set-Cookie: sessionid=${c.word()}; HttpOnly; Path=/` },
  { name: 'bare JWT', plant: (c) => `token eyJhbGciOiJIUzI1NiJ9.eyJ${c.word()}.${c.word()} rejected` },
  { name: 'AWS key id', plant: (c) => `using AKIA${c.upper(16)} for backups` },
  { name: 'AWS secret near its id', plant: (c) => `AKIA${c.upper(16)},${c.base64(40)}` },
  { name: 'Slack bot token', plant: (c) => `slack xoxb-1234567890-${c.word()}` },
  { name: 'Slack app token', plant: (c) => `socket xapp-1-A012-${c.word()}` },
  { name: 'GitHub token', plant: (c) => `git clone https://ghp_${c.word(36)}@github.com/o/r.git` },
  { name: 'GitHub fine-grained token', plant: (c) => `token github_pat_11A${c.word(30)}` },
  {
    name: 'PEM private key',
    plant: (c) =>
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${c.word(60)}\n${c.word(40)}\n-----END OPENSSH PRIVATE KEY-----`,
  },
  { name: "SECRET_KEY = '…'", plant: (c) => `SECRET_KEY = 'django-insecure-${c.word()}'` },
  { name: 'SECRET_KEY HTML-escaped', plant: (c) => `<pre>SECRET_KEY = &#x27;${c.word()}&#x27;</pre>` },
  { name: 'NAME: value', plant: (c) => `db_password: ${c.word()}` },
  { name: 'DB_PASS=', plant: (c) => `started with DB_PASS=${c.word()} DEBUG=False` },
  { name: 'JSON pair', plant: (c) => `{"username": "admin", "password": "${c.word()}"}` },
  { name: 'IDENTIFIED BY', plant: (c) => `ALTER USER 'oms'@'%' IDENTIFIED BY '${c.word()}';` },
  { name: '数据库密码:', plant: (c) => `数据库密码: ${c.word()}` },
  { name: '口令：', plant: (c) => `root 口令：${c.word()}` },
  { name: '密钥=', plant: (c) => `API密钥=${c.word()}` },
  { name: '令牌:', plant: (c) => `访问令牌: ${c.word()}` },
  { name: 'quoted value spanning lines', plant: (c) => `API_SECRET="${c.word()}\n${c.word()}\n${c.word()}"` },
];

/** Every canary, and every 8-character piece of one, that occurs in `text`. */
export function leaks(text: string, canaries: readonly string[]): string[] {
  const found: string[] = [];
  for (const c of canaries) {
    for (let i = 0; i + 8 <= c.length; i++) {
      if (text.includes(c.slice(i, i + 8))) {
        found.push(c === c.slice(i, i + 8) ? c : `${c} (piece ${c.slice(i, i + 8)})`);
        break;
      }
    }
  }
  return found;
}
