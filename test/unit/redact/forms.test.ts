import { REDACTED, redact, redactDeep } from '../../../src/redact.js';

/**
 * The forms secrets take in what operators really paste and what the checks
 * really read (issue 17: 28 of 50 attempts leaked). Each case names the secret
 * that must go and the text around it that must stay.
 */
interface Case {
  form: string;
  text: string;
  secret: string;
  keeps: string[];
}

const CASES: Case[] = [
  {
    form: 'mysql -pX',
    text: 'cron: mysql -uoms -pS3cretA1 oms < d.sql',
    secret: 'S3cretA1',
    keeps: ['-uoms', 'oms < d.sql'],
  },
  {
    form: 'mysqldump --password X',
    text: 'mysqldump --password S3cretA2 --user=oms',
    secret: 'S3cretA2',
    keeps: ['--user=oms'],
  },
  { form: '--password=X', text: 'app --password=S3cretA3 --port 80', secret: 'S3cretA3', keeps: ['--port 80'] },
  { form: '--passwd X', text: 'tool --passwd S3cretA4 -v', secret: 'S3cretA4', keeps: ['-v'] },
  {
    form: 'sshpass -p X',
    text: 'sshpass -p S3cretA5 ssh -p 2222 root@h',
    secret: 'S3cretA5',
    keeps: ['ssh -p 2222 root@h'],
  },
  {
    form: 'two sshpass on one line',
    text: 'sshpass -p S3cretA0 ssh h1; sshpass -p S3cretA0b ssh h2',
    secret: 'S3cretA0',
    keeps: ['ssh h1;', 'ssh h2'],
  },
  { form: 'sshpass -pX', text: 'sshpass -pS3cretA6 scp f h:', secret: 'S3cretA6', keeps: ['scp f h:'] },
  {
    form: 'curl -u user:X',
    text: 'curl -sS -u admin:S3cretA7 http://h/x',
    secret: 'S3cretA7',
    keeps: ['admin:', 'http://h/x'],
  },
  { form: 'curl --user=user:X', text: 'curl --user=admin:S3cretA8 http://h', secret: 'S3cretA8', keeps: ['admin:'] },
  { form: 'redis-cli -a X', text: 'redis-cli -h r -a S3cretA9 ping', secret: 'S3cretA9', keeps: ['ping'] },
  { form: 'PGPASSWORD=', text: 'env PGPASSWORD=S3cretB1 psql', secret: 'S3cretB1', keeps: ['env PGPASSWORD='] },
  { form: 'MYSQL_PWD=', text: 'MYSQL_PWD=S3cretB2', secret: 'S3cretB2', keeps: ['MYSQL_PWD='] },
  { form: 'DB_PASS=', text: 'started DB_PASS=S3cretB3 DEBUG=False', secret: 'S3cretB3', keeps: ['DEBUG=False'] },
  {
    form: 'redis://:pw@host',
    text: 'REDIS_URL=redis://:S3cretB4@10.0.0.5:6379/0',
    secret: 'S3cretB4',
    keeps: ['@10.0.0.5:6379/0'],
  },
  {
    form: '@ in a DSN password',
    text: 'mysql://oms:p@ss@S3cretB5@db:3306/oms',
    secret: 'S3cretB5',
    keeps: ['@db:3306/oms'],
  },
  {
    form: '@ in a password, first half',
    text: 'mysql://oms:S3cretB6@half@db/oms',
    secret: 'S3cretB6',
    keeps: ['@db/oms'],
  },
  {
    form: 'bare JWT',
    text: 'tok eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTM2NyZXRCNyJ9.S3cretB7sig_x ok',
    secret: 'S3cretB7sig',
    keeps: ['tok', ' ok'],
  },
  {
    form: 'Authorization mid-line',
    text: 'req -H "Authorization: Bearer S3cretB8" GET',
    secret: 'S3cretB8',
    keeps: ['req -H'],
  },
  { form: 'Proxy-Authorization', text: 'x Proxy-Authorization: Basic S3cretB9==', secret: 'S3cretB9', keeps: ['x '] },
  {
    form: 'Cookie mid-line',
    text: 'got Cookie: sessionid=S3cretC1; csrftoken=S3cretC1b',
    secret: 'S3cretC1',
    keeps: ['got'],
  },
  {
    form: 'Set-Cookie in curl -i',
    text: 'HTTP/1.1 200 OK\r\nSet-Cookie: sessionid=S3cretC2; Path=/\r\n\r\n',
    secret: 'S3cretC2',
    keeps: ['\r\n\r\n'],
  },
  { form: 'AWS key id', text: 'id AKIAS3CRETC3EXAMPLE1 ok', secret: 'AKIAS3CRETC3EXAMPLE1', keeps: ['id ', ' ok'] },
  {
    form: 'AWS secret near its id',
    text: 'AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiS3cretC4KEYx',
    secret: 'S3cretC4',
    keeps: [],
  },
  { form: 'Slack token', text: 'SLACK xoxb-1234567890-S3cretC5abc', secret: 'S3cretC5', keeps: ['SLACK'] },
  { form: 'Slack app token', text: 'app xapp-1-A0-S3cretC6xyz', secret: 'S3cretC6', keeps: ['app'] },
  {
    form: 'GitHub token',
    text: 'git ghp_S3cretC7abcdefghijklmnopqrstuvwx ok',
    secret: 'S3cretC7',
    keeps: ['git', 'ok'],
  },
  { form: 'GitHub fine-grained', text: 'github_pat_11AAAS3cretC8_abcdefghijklmnopqrs', secret: 'S3cretC8', keeps: [] },
  {
    form: 'PEM block',
    text: 'a\n-----BEGIN EC PRIVATE KEY-----\nMHcS3cretC9\n-----END EC PRIVATE KEY-----\nb',
    secret: 'S3cretC9',
    keeps: ['a\n', '\nb'],
  },
  {
    form: "SECRET_KEY = '…' in a debug page (HTML-escaped)",
    text: '<td>settings.py</td><pre>SECRET_KEY = &#x27;django-S3cretD1&#x27;</pre>',
    secret: 'S3cretD1',
    keeps: ['</pre>'],
  },
  { form: "SECRET_KEY = '…' in Python", text: "    SECRET_KEY = 'S3cretD2=x@#'  # dev", secret: 'S3cretD2', keeps: [] },
  {
    form: 'IDENTIFIED BY',
    text: "CREATE USER 'oms'@'%' IDENTIFIED BY 'S3cretD3';",
    secret: 'S3cretD3',
    keeps: ["'oms'@'%'", "';"],
  },
  {
    form: 'IDENTIFIED WITH … BY',
    text: 'ALTER USER u IDENTIFIED WITH mysql_native_password BY "S3cretD4"',
    secret: 'S3cretD4',
    keeps: ['ALTER USER u'],
  },
  { form: '数据库密码:', text: '数据库密码: S3cretD5，请保管', secret: 'S3cretD5', keeps: ['，请保管'] },
  { form: '口令：', text: 'root 口令：S3cretD6 已改', secret: 'S3cretD6', keeps: ['已改'] },
  { form: '密钥=', text: 'API密钥=S3cretD7', secret: 'S3cretD7', keeps: ['API密钥='] },
  { form: '令牌:', text: '访问令牌: S3cretD8', secret: 'S3cretD8', keeps: ['访问令牌'] },
  {
    form: 'quoted value spanning lines',
    text: 'DB_PASSWORD="first\nS3cretD9\nlast"\nDEBUG=True',
    secret: 'S3cretD9',
    keeps: ['DEBUG=True'],
  },
  { form: 'triple-quoted', text: "SECRET_KEY = '''\nS3cretE1\n'''\nX=1", secret: 'S3cretE1', keeps: ['X=1'] },
  { form: 'unit stray line', text: '1: mysql -uroot -pS3cretE2', secret: 'S3cretE2', keeps: ['1: mysql -uroot -p'] },
  {
    form: 'YAML nested',
    text: 'db:\n  password: S3cretE3 with space\n  port: 3306',
    secret: 'S3cretE3',
    keeps: ['port: 3306'],
  },
  { form: 'JSON string', text: '{"token":"S3cretE4\\"x","user":"u"}', secret: 'S3cretE4', keeps: ['"user":"u"'] },
  {
    form: 'Python dict',
    text: "DATABASES = {'default': {'PASSWORD': 'S3cretE5', 'PORT': 3306}}",
    secret: 'S3cretE5',
    keeps: ["'PORT': 3306"],
  },
  { form: 'escaped JSON in JSON', text: '"{\\"password\\":\\"S3cretE6\\"}"', secret: 'S3cretE6', keeps: [] },
  { form: 'camelCase', text: 'cfg dbPass=S3cretE7 ok', secret: 'S3cretE7', keeps: ['ok'] },
  { form: 'dotted property', text: 'spring.datasource.password=S3cretE8', secret: 'S3cretE8', keeps: [] },
  {
    form: 'nginx directive',
    text: '  proxy_set_header Authorization "Basic S3cretE9";',
    secret: 'S3cretE9',
    keeps: ['proxy_set_header'],
  },
  {
    form: 'debug page table cell',
    text: '<tr>\n<td>password</td>\n<td class="code"><pre>&#x27;S3cretF3&#x27;</pre></td>\n</tr>',
    secret: 'S3cretF3',
    keeps: ['<td>password</td>', '</pre></td>'],
  },
  {
    form: 'Java -D property',
    text: 'java -Dspring.datasource.password=S3cretF4 -jar a.jar',
    secret: 'S3cretF4',
    keeps: ['-jar a.jar'],
  },
  { form: 'name after dots', text: 'see ..DB_PASSWORD=S3cretF5 ok', secret: 'S3cretF5', keeps: ['ok'] },
  { form: 'a sentence word without a sentence', text: 'password: must', secret: 'must', keeps: ['password: '] },
  { form: 'a sentence word after =', text: 'PASSWORD=the rest', secret: 'the', keeps: [] },
  {
    form: 'in Markdown code',
    text: 'run `mysql -uoms -pS3cretF6`, then `DB_PASS=S3cretF6b`.',
    secret: 'S3cretF6',
    keeps: ['`, then `', '`.'],
  },
  { form: 'query string', text: 'GET /cb?token=S3cretF1&x=1', secret: 'S3cretF1', keeps: ['x=1'] },
  {
    form: 'unclosed quote to the end (cut by the transport)',
    text: 'SECRET_KEY="S3cretF2\nmore',
    secret: 'S3cretF2',
    keeps: [],
  },
];

describe('redaction by form', () => {
  it.each(CASES.map((c) => [c.form, c] as const))('%s', (_form, c) => {
    const out = redact(c.text);
    expect(out).not.toContain(c.secret);
    expect(out).toContain(REDACTED);
    for (const k of c.keeps) expect(out).toContain(k);
    expect(redact(out)).toBe(out);
  });

  it('keeps a JSON document parseable', () => {
    const json = JSON.stringify(
      { password: 'a"b', token: 12345678, port: 8000, ok: true, evidence: 'x SECRET_KEY=abc' },
      null,
      2,
    );
    const parsed = JSON.parse(redact(json)) as Record<string, unknown>;
    expect(parsed).toEqual({
      password: REDACTED,
      token: REDACTED,
      port: 8000,
      ok: true,
      evidence: `x SECRET_KEY=${REDACTED}`,
    });
  });
});

describe('names that only look secret', () => {
  const KEEP = [
    'passwords.csv: 3 rows',
    'passwords.xlsx: 第 2 行 / row 2: 用户名为空',
    'hostKey: "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"',
    '  hostKey: SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
    'hostKey: "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48"',
    'publicKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl bot@oms',
    'privateKey: /etc/oms-chatops/id_ed25519',
    'SSL_KEY=/etc/ssl/private/oms.key',
    'SESSION_COOKIE_SECURE=False',
    'DB_PASSWORD=',
    'PASSWORD=""',
    'API_TOKEN=${API_TOKEN}',
    'PWD=/opt/OMS/backend',
    'getent passwd: 20 users',
    'AUTH_PASSWORD_VALIDATORS = [',
    'http://host:8000/a?mail=x@y.com',
    'ssh://git@github.com/o/r.git',
    'commit 3f786850e387550fdab836ed7e6dc881de23001b',
    'Access-Control-Allow-Credentials: true',
    'mysql -p oms',
    "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
    'oms-chatops.yml:7: targets.prod.hostKey: must look like SHA256:<43 base64 characters>',
    'oms-chatops.yml: targets.prod.privateKey: an SSH target needs `privateKey: /path/to/key` or `agent: true`',
    'SLACK_BOT_TOKEN: missing — set it in /etc/oms-chatops/env',
    'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl restart oms-backend',
    '✗ row 2, 密码: 密码太短 / password too short (6 chars)',
  ];
  it.each(KEEP)('%s', (line) => expect(redact(line)).toBe(line));

  it('keyscan: the pin line and the known_hosts line stay as keyscan prints them', () => {
    const printed = [
      '127.0.0.1:2222 presented ssh-ed25519 SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
      'Compare it with `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the server, then add to target "prod":',
      '  hostKey: "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"',
      'or append to its known_hosts file:',
      '  [127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    ].join('\n');
    expect(redact(printed)).toBe(printed);
  });

  it('redactDeep keeps a fingerprint and a key path under KEY names, and hides secrets', () => {
    const fp = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s';
    expect(redactDeep({ hostKey: fp, privateKey: '/k', apiKey: 'zz', password: '/not/a/path/exemption' })).toEqual({
      hostKey: fp,
      privateKey: '/k',
      apiKey: REDACTED,
      password: REDACTED,
    });
  });
});

describe('linear time on hostile lines', () => {
  const MiB = 1024 * 1024;
  const line = (unit: string) => unit.repeat(Math.ceil(MiB / unit.length)).slice(0, MiB);
  const HOSTILE: [string, string][] = [
    ['name characters with dots', line('a.')],
    ['names without a separator', line('password ')],
    ['separators without values', line('SECRET_KEY=')],
    ['secret assignments', line('DB_PASS=x ')],
    ['unclosed quotes', line("PASSWORD='")],
    ['escaped quotes', line('"password":"\\')],
    ['scheme characters', line('a+b.c-')],
    ['URLs without @', line('http://')],
    ['URL user info', line('s://u:p@')],
    ['header names', line('Cookie:')],
    ['quoted headers', line("'Authorization: x")],
    ['redacted headers', line(`Cookie: ${REDACTED} `)],
    ['long flags', line('--a-')],
    ['password flags', line('--password ')],
    ['mysql flags', `mysql ${line('-p ')}`],
    ['sshpass runs', line('sshpass -p x ')],
    ['closers after a secret name', `password: ${line(')')}x`],
    ['JWT parts', line('eyJabcd.')],
    ['base64 with AWS', `AKIAIOSFODNN7EXAMPLE ${line('A')}`],
    ['PEM begins', line('-----BEGIN A')],
    ['Chinese labels', line('密码')],
    ['Chinese labels with a colon', line('密码：')],
    ['key paths', line('KEY=/')],
    ['quoted Chinese', `密码："${line('密码：')}"`],
    ['IDENTIFIED', line('IDENTIFIED BY ')],
    ['table cells', line('<td>password</td> ')],
    ['spaces', `a${line(' ')}`],
    ['CRLF line ends', line('\r\n')],
    ['blank lines', line('\n')],
  ];
  it.each(HOSTILE)('%s: completes and stays idempotent', (_name, text) => {
    const out = redact(text);
    expect(typeof out).toBe('string');
    expect(redact(out)).toBe(out);
  });

  it('a 1 MiB line with one secret in the middle: the secret goes, the rest stays', () => {
    const pad = 'x'.repeat(512 * 1024);
    const out = redact(`${pad} DB_PASSWORD=S3cretZ9 ${pad}`);
    expect(out).toBe(`${pad} DB_PASSWORD=${REDACTED} ${pad}`);
  });
});
