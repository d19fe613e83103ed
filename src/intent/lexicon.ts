/**
 * The concept lexicon: what operators name (components) and what they say
 * about it (problems, questions), in Chinese, English and pinyin. Playbooks
 * declare in their front matter which combinations of these concepts they
 * answer (`concepts: [[login, fails]]`), and their how-to sections likewise.
 *
 * Terms are matched on the message as typed (NFKC, lower case):
 * - `zh`: substrings; their pinyin (toneless, from pinyin-pro) also matches
 *   pinyin input, with or without spaces ("denglu", "deng lu");
 * - `en`: whole words or phrases (a trailing s/es/ed/ing is allowed);
 * - `py`: extra pinyin spellings, syllables separated by spaces;
 * - `re`: regular expressions (case-insensitive) for forms words cannot say.
 * Add a term here when operators word a known thing another way; add a
 * concept when a playbook needs a new distinction. Validated at load
 * (src/intent/concepts.ts): unknown fields, empty or duplicate terms and
 * invalid expressions fail with the concept named.
 */
export const LEXICON_FILE = 'src/intent/lexicon.ts';

export const LEXICON = {
  // ── components ──────────────────────────────────────────────────────────
  login: {
    label: '登录 / login',
    zh: ['登录', '登陆', '登入', '登不上', '登不进', '登不了', '登进', '登上去'],
    en: ['login', 'log in', 'logging in', 'sign in', 'signin', 'sign-in', 'logon', 'creds', 'credentials'],
  },
  superuser: {
    label: '超级管理员 / superuser',
    zh: ['超管', '超级管理员', '超级用户', '管理员账号', '管理员'],
    en: ['superuser', 'super admin', 'admin user', 'admin account', 'createsuperuser', 'is_superuser'],
    py: ['chao guan', 'chao ji guan li yuan', 'guan li yuan'],
  },
  password: {
    label: '密码 / password',
    zh: ['密码', '口令'],
    en: ['password', 'passwd', 'pw', 'pwd'],
  },
  'user-active': {
    label: '账号停用 / inactive user',
    zh: ['停用', '禁用', '启用', '激活', '被锁', '锁定'],
    en: ['is_active', 'inactive', 'deactivated', 'disabled account', 'reactivate', 're-activate', 'locked out'],
  },
  'admin-site': {
    label: '管理后台 / the admin',
    zh: ['后台', '管理后台', 'django 后台', '管理页面'],
    en: ['django admin', 'admin panel', 'admin page', 'admin site', 'admin console'],
    re: ['(?:^|[\\s"\'(])/admin\\b'],
  },
  'admin-word': {
    label: 'admin',
    en: ['admin'],
  },
  'bulk-import': {
    label: '批量导入 / bulk import',
    zh: [
      '批量导入',
      '批量加',
      '批量添加',
      '批量新增',
      '批量创建',
      '一批人',
      '导入用户',
      '导入人员',
      '导进去',
      '导入',
      '一次性',
    ],
    en: [
      'bulk import',
      'bulk add',
      'batch import',
      'mass import',
      'import users',
      'bulk user',
      'bulk-import',
      'import',
    ],
    py: ['pi liang', 'dao ru'],
  },
  spreadsheet: {
    label: '表格 / spreadsheet',
    zh: ['表格', '模板', '表头', '哪些列'],
    en: ['excel', 'xlsx', 'spreadsheet', 'template', 'columns', 'csv'],
  },
  users: {
    label: '用户 / users',
    zh: ['用户', '账号', '员工', '人员', '同事', '新人'],
    en: ['user', 'users', 'account', 'accounts', 'staff', 'people', 'employees'],
  },
  create: {
    label: '创建 / create',
    zh: ['创建', '新建', '建超管', '建一个', '开账号', '加一个'],
    en: ['create', 'createsuperuser', 'add a', 'new'],
    py: ['chuang jian'],
  },
  api: {
    label: '接口 / API',
    zh: ['接口', '后端接口', '请求'],
    en: ['api', 'apis', 'endpoint', 'endpoints'],
    re: ['/api/'],
  },
  backend: {
    label: '后端 / backend',
    zh: ['后端', '后台服务'],
    en: ['backend', 'back end', 'back-end', 'gunicorn', 'django', 'wsgi'],
    re: ['oms[-_]backend'],
  },
  port: {
    label: '8000 端口 / port 8000',
    zh: ['端口', '监听'],
    en: ['port', 'listen', 'listening', 'bind'],
    re: ['(?<![\\d.])8000(?!\\d)'],
  },
  nginx: {
    label: 'Nginx',
    zh: ['反向代理', '代理'],
    en: ['nginx', 'proxy_pass', 'upstream', 'location', 'reverse proxy', 'oms.conf'],
  },
  service: {
    label: '服务 / the service',
    zh: ['单元文件', 'unit 文件', 'service 文件'],
    en: ['service', 'unit', 'unit file', 'systemd', 'systemctl', 'daemon-reload'],
    // 服务器 is "the server", not the service.
    re: ['\\.service\\b', '服务(?!器)'],
    py: ['fu wu'],
  },
  worker: {
    label: 'worker',
    zh: ['进程', '工作进程'],
    en: ['worker', 'workers', 'wkr'],
  },
  frontend: {
    label: '前端 / front end',
    zh: ['前端', '浏览器', '控制台', '页面'],
    en: ['frontend', 'front end', 'front-end', 'browser', 'vite', 'f12', 'devtools', 'console', 'toast', 'chrome'],
  },
  static: {
    label: '样式 / static files',
    zh: ['样式', '静态文件', '光秃秃', '全是文字'],
    en: ['css', 'static', 'staticfiles', 'stylesheet', 'styles', 'collectstatic'],
  },
  logs: {
    label: '日志 / logs',
    zh: ['日志'],
    en: ['log', 'logs', 'journalctl', 'journal', 'error.log'],
  },
  config: {
    label: '配置 / configuration',
    zh: ['配置', '设置', '参数'],
    en: ['config', 'configuration', 'settings', 'env', '.env', 'debug', 'allowed_hosts', 'cors_allowed_origins'],
  },
  'unit-format': {
    label: '单元文件格式 / unit file format',
    zh: ['格式', 'windows 上写', '换行符', '隐藏字符'],
    en: ['bom', 'crlf', 'line endings', 'dos2unix', 'cat -a', 'utf-8 with bom'],
  },
  'service-user': {
    label: '服务用户 / service user',
    zh: ['用户不存在'],
    en: ['www-data', 'user=', 'useradd'],
  },
  memory: {
    label: '内存 / memory',
    zh: ['内存', '内存不足', '内存不够'],
    en: ['memory', 'ram', 'rss'],
  },
  sigterm: {
    label: 'SIGTERM',
    en: ['sigterm', 'sigkill', 'sigabrt', 'signal term', 'handling signal'],
    re: ['was sent sig'],
  },
  kylin: {
    label: '麒麟 / Kylin',
    zh: ['麒麟'],
    en: ['kylin'],
  },
  selinux: {
    label: 'SELinux',
    en: ['selinux', 'setsebool', 'httpd_can_network_connect'],
  },
  // ── problems ────────────────────────────────────────────────────────────
  fails: {
    label: '失败 / fails',
    zh: [
      '失败',
      '报错',
      '不了',
      '不上',
      '错误',
      '出错',
      '异常',
      '有问题',
      '不行',
      '不对',
      '不成功',
      '没反应',
      '不好使',
    ],
    en: ['fail', 'fails', 'failed', 'failing', 'error', 'broken', 'not working', "doesn't work", 'issue', 'problem'],
  },
  'cannot-open': {
    label: '打不开 / cannot reach',
    zh: ['打不开', '进不去', '进不了', '访问不了', '无法访问', '访问不到', '不可用', '白屏'],
    en: ["can't reach", 'cannot reach', "can't access", 'cannot access', "can't open", 'unreachable', 'not reachable'],
  },
  down: {
    label: '起不来 / down',
    zh: [
      '挂了',
      '挂掉',
      '起不来',
      '启动不了',
      '启动失败',
      '拉不起来',
      '宕机',
      '崩了',
      '起不了',
      '启不来',
      '没起来',
      '无法启动',
    ],
    en: [
      "won't start",
      'wont start',
      'fails to start',
      'not start',
      'down',
      'dead',
      'crash',
      'crashed',
      'start failed',
    ],
    py: ['qi bu lai', 'gua le'],
  },
  'not-found': {
    label: '404 / not found',
    zh: ['找不到', '不存在'],
    en: ['404', 'not found', 'notfound', 'page not found'],
  },
  'bad-gateway': {
    label: '502/504 / bad gateway',
    zh: ['连不上', '时好时坏'],
    en: ['502', '503', '504', 'bad gateway', 'gateway time-out', 'gateway timeout', 'connection refused', 'refused'],
  },
  timeout: {
    label: '超时 / timeout',
    zh: ['超时', '断开', '就断'],
    en: ['timeout', 'timed out', 'time out', 'worker timeout'],
  },
  oom: {
    label: '内存耗尽 / out of memory',
    zh: ['内存溢出', '内存飙', '内存不够', '内存不足', '爆内存'],
    en: ['oom', 'out of memory', 'oom-kill', 'oom killer', 'killed process'],
  },
  killed: {
    label: '被杀 / killed',
    zh: ['被杀', '被干掉', '被 kill', '被kill', '杀掉'],
    en: ['killed', 'kill', 'sigkill'],
  },
  'restart-loop': {
    label: '反复重启 / restart loop',
    zh: ['一直重启', '反复重启', '不停重启', '一直在重启', '自动重启', '重启循环'],
    en: [
      'restart counter',
      'auto-restart',
      'activating',
      'restart loop',
      'keeps restarting',
      'repeated too quickly',
      'restarting',
    ],
    py: ['yi zhi chong qi'],
  },
  'not-listening': {
    label: '端口没监听 / not listening',
    zh: ['没人在听', '没在听', '没监听', '没有监听', '端口不通', '不在监听'],
    en: ['not listening', 'nothing listening', 'nothing on port', 'no listener'],
    py: ['mei jian ting'],
  },
  missing: {
    label: '没有 / missing',
    zh: ['没有', '不见了', '找不到', '没了', '缺少', '丢了'],
    en: ['missing', 'gone', "can't find", 'cannot find'],
  },
  permission: {
    label: '权限 / permission',
    zh: ['权限', '没权限'],
    en: ['permission denied', 'permission', 'forbidden', "don't have permission"],
  },
  cors: {
    label: '跨域 / CORS',
    zh: ['跨域'],
    en: ['cors', 'cross-origin', 'access-control-allow-origin', 'preflight'],
  },
  unauthorized: {
    label: '401 / wrong credentials',
    zh: ['密码错误', '密码不对', '用户名或密码'],
    en: ['401', 'unauthorized', 'wrong password', 'invalid credentials', 'network error'],
  },
  'wrong-address': {
    label: '请求地址不对 / wrong API address',
    zh: ['老地址', '旧地址', '地址不对', '换了服务器', '换了 ip', '换了ip'],
    en: ['localhost', 'vite_api_base_url', 'wrong url', 'old ip', 'old address'],
  },
  forgot: {
    label: '忘了 / forgot',
    zh: ['忘了', '忘记', '重置', '改回来', '改回去', '找回', '重新启用', '恢复'],
    en: ['forgot', 'forgotten', 'reset', 'lost', 'change password', 'changepassword'],
    py: ['wang le', 'chong zhi'],
  },
  everything: {
    label: '全部 / everything',
    zh: [
      '全面',
      '全部',
      '所有',
      '整体',
      '全盘',
      '从头到尾',
      '一遍',
      '完整',
      '一项项',
      '全检',
      '体检',
      '每一项',
      '整个',
    ],
    en: ['everything', 'all of it', 'whole', 'complete', 'full', 'entire', 'sweep', 'end to end', 'all checks'],
    py: ['suo you', 'quan bu', 'quan mian', 'yi bian'],
  },
  checkup: {
    label: '检查 / check-up',
    zh: ['检查', '排查', '体检', '巡检', '清单', '过一遍', '跑一遍'],
    en: ['check', 'checklist', 'health check', 'checkup', 'audit', 'go through'],
    py: ['pai cha', 'jian cha'],
  },
  support: {
    label: '联系支持 / support',
    zh: ['供应商', '厂商', '技术支持', '支持', '上报'],
    en: ['vendor', 'support', 'escalate', 'escalation'],
    py: ['zhi chi'],
  },
  'quick-fix': {
    label: '快速修复命令 / quick fixes',
    zh: ['止血', '一键重启', '快速修复', '常用命令', '重启命令'],
    en: ['quick fix', 'quick fixes', 'quick commands', 'restart everything', 'one-liner'],
  },
  recommended: {
    label: '推荐配置 / recommended configuration',
    zh: ['推荐', '标准配置', '应该长什么样', '完整配置', '范例', '示例', '参考配置'],
    en: ['recommended', 'example', 'sample', 'reference config', 'best practice'],
    py: ['tui jian'],
  },
  setup: {
    label: '从零部署 / setup',
    zh: ['从零', '从头', '部署', '完整流程', '做成', '配置流程', '安装'],
    en: ['setup', 'set up', 'install', 'from scratch', 'deploy'],
  },
  'unit-content': {
    label: '单元文件内容 / unit file content',
    zh: ['该写', '写些什么', '写什么', '内容', '怎么写'],
    en: ['working', 'paste', 'content', 'contents', 'sample unit'],
  },
  // ── questions ───────────────────────────────────────────────────────────
  howto: {
    label: '怎么做 / how to',
    zh: ['怎么', '如何', '怎样', '咋', '步骤', '命令', '办法', '方法', '一步步', '应该'],
    en: ['how do', 'how to', 'how can', 'how should', 'what command', 'steps', 'command', 'commands', 'walk me'],
    py: ['zen me', 'ru he'],
  },
  where: {
    label: '在哪 / where',
    zh: ['在哪', '哪里', '哪儿', '地址', '网址', '路径', '入口', '多少'],
    en: ["where's", 'where is', 'where', 'url', 'address', 'path'],
    py: ['zai na', 'di zhi', 'duo shao'],
  },
  question: {
    label: '提问 / a question',
    zh: ['吗', '么', '呢', '哪些', '什么', '啥', '是不是', '能不能', '可以', '要不要', '需不需要', '有没有'],
    en: [
      'which',
      'what',
      'should i',
      'is it',
      'can i',
      'do i',
      'does',
      'can someone',
      'can anyone',
      'anyone have',
      'could you',
      'can you',
    ],
    re: ['\\?'],
    py: ['shen me', 'you mei you', 'you ma', 'de ma', 'le ma', 'ke yi ma', 'shi bu shi', 'dui ba'],
  },
  'is-normal': {
    label: '正常吗 / is it normal',
    zh: ['正常吗', '正常', '要紧', '能忽略', '可以忽略', '需要管', '用管', '要管', '有影响', '没事吧'],
    en: ['normal', 'ignore', 'harmless', 'benign', 'expected', 'safe to', 'worry'],
    py: ['zheng chang', 'yao jin'],
  },
} as const satisfies Record<string, unknown>;

export type ConceptId = keyof typeof LEXICON;
