/**
 * Near-synonyms operators use for the same symptom, folded to one form in
 * messages and phrases alike, so a phrase written once in a playbook also
 * catches its everyday variants (登不上 / 登录不上 / 进不去 …). Order matters:
 * longer variants first.
 */
const GROUPS: Array<[canonical: string, variants: string[]]> = [
  ['登录', ['登陆', '登入', '登錄', '登陸']],
  [
    '超管',
    ['超级管理员账号', '超级管理员', '超级用户', '超级账号', '超管账号', 'superuser', 'super admin', 'super-admin'],
  ],
  ['打不开', ['打开不了', '访问不了', '无法访问', '访问不到', '打不开了', '进不去页面']],
  [
    '登录失败',
    [
      'login 不了',
      'login不了',
      'login 不上',
      'login不上',
      '登录不进去',
      '登录不成功',
      '登录不上',
      '登录不了',
      '登不进去',
      '登不进',
      '登不上',
      '登不了',
      '进不去',
      '进不了',
      '无法登录',
      '不能登录',
      '没法登录',
      '登录异常',
    ],
  ],
  [
    '启动失败',
    [
      '启动不起来',
      '启动不了',
      '拉不起来',
      '起不来',
      '起不了',
      '启不来',
      '无法启动',
      '不能启动',
      '挂掉了',
      '宕机了',
      '宕机',
      '宕了',
      '崩溃了',
      '挂了',
      '崩了',
    ],
  ],
  [
    '没反应',
    [
      '没有反应',
      '没响应',
      '无响应',
      '一直转圈',
      '转圈圈',
      '没任何反应',
      '没有任何反应',
      '毫无反应',
      '一点反应都没有',
      '没啥反应',
    ],
  ],
  ['报错', ['报错误', '报了错', '出错了', '报错了', '出错', '错误']],
  ['跨域', ['跨越']],
  ['批量导入', ['批量增加', '批量添加', '批量新增', '批量创建', '批量加']],
  ['用户', ['人员']],
  // a business user's 平台 (OMS as a whole): not 后台 by the characters they share ("平台打不开" is no "后台打不开")
  ['系统', ['平台']],
  [' css ', ['样式表', '样式', 'stylesheet', 'styles', 'style']],
  [' login ', ['logging in', 'logged in', 'log-in', 'log in', 'logon', 'sign-in', 'sign in', 'signin']],
  [' cannot ', ["can't", 'cant', 'can not', 'unable to', "couldn't", 'could not']],
  [
    ' not ',
    ["won't", 'wont', "doesn't", 'does not', "didn't", 'did not', "isn't", 'is not', "aren't", "don't", 'do not'],
  ],
  [' timeout ', ['timed out', 'time out', 'time-out']],
  // a shell's missing tool ("bash: gunicorn: command not found") must not meet a phrase like "api not found"
  [' command missing ', ['command not found']],
  // Not knowing where to start is no service starting: "start" here must not meet a phrase like "fails to start".
  [
    ' where to begin ',
    [
      ...['where do i even start', 'where do we even start', 'where to even start', 'where should i start'],
      ...['where should we start', 'where do i start', 'where do we start', 'where to start', 'where would i start'],
    ],
  ],
  [' fail ', ['not working', 'not work', 'broken', 'failing', 'failed', 'fails', 'failure']],
  [' bulk import ', ['bulk add', 'bulk create', 'bulk-add', 'batch import', 'batch add', 'mass import']],
];

const REPLACEMENTS: Array<[RegExp, string]> = GROUPS.map(([to, from]) => {
  const alternatives = [...from].sort((a, b) => b.length - a.length).map(escape);
  const latin = /^[ a-z]/.test(to);
  // Latin variants must sit on word boundaries ("cant" is not inside "significant").
  const body = latin ? `(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])` : `(?:${alternatives.join('|')})`;
  return [new RegExp(body, 'g'), to];
});

const ADMIN_NOT_IN = /(后台|admin\/?)\s*(根本|也|还是|都|就|一直)?(?:进不去|进不了)/g;

/** Fold near-synonyms in an already normalised (NFKC, lower-case) text. */
export function canonicalize(text: string): string {
  // Getting into the admin pages is opening them ("/admin/ 进不去", "django admin 根本进不去"), not signing in.
  let out = text.replace(ADMIN_NOT_IN, '$1$2打不开');
  for (const [re, to] of REPLACEMENTS) out = out.replace(re, to);
  // "登录登录失败" appears when a variant already contained the verb (登录不上 → 登录失败 is fine,
  // but 登录进不去 → 登录登录失败); fold the doubled verb.
  return out
    .replace(/登录登录失败/g, '登录失败')
    .replace(/  +/g, ' ')
    .trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
