import { PEOPLE_COMPONENTS } from './lexicon-people.js';
import { SERVER_COMPONENTS } from './lexicon-server.js';

/** Components every system has: naming only these says nothing about OMS. */
export const GENERIC_COMPONENTS: ReadonlySet<string> = new Set([
  'users',
  'spreadsheet',
  'password',
  'create',
  'config',
  'logs',
  'frontend',
  'restart',
  'admin-word',
]);

/**
 * The lexicon's components of the application: what operators name (see src/intent/lexicon.ts for the format), besides
 * the people the admin handles (src/intent/lexicon-people.ts).
 */
export const APP_OWN_COMPONENTS = {
  login: {
    label: '登录 / login',
    zh: ['登录', '登陆', '登入', '登不上', '登不进', '登不了', '登进', '登上去'],
    // 登 alone before where one logs in or after the account ("用admin账号登前端 返回401")
    re: ['登(?=前端|页面|系统|网页|oms)', '(?:账号|帐号|用户名?)\\s*登(?![记录陆入山顶台场不进上])'],
    en: [
      'login',
      'log in',
      'logging in',
      'sign in',
      'signin',
      'sign-in',
      'logon',
      'creds',
      'credentials',
      'log into',
      'logging into',
      'logged into',
      'sign into',
      'signing in',
    ],
  },
  superuser: {
    label: '超级管理员 / superuser',
    zh: [
      '超管',
      '超级管理员',
      '超级用户',
      '管理员账号',
      '管理员',
      // the highest rights, said in other words
      '最高权限',
      '最大权限',
      '全部权限',
      '所有权限',
      '超级账号',
      '超级权限',
    ],
    en: [
      'superuser',
      'super admin',
      'admin user',
      'admin account',
      'createsuperuser',
      'is_superuser',
      'super user',
      'superadmin',
      'root account',
      'full rights',
      'all permissions',
    ],
    py: ['chao guan', 'chao ji guan li yuan', 'guan li yuan'],
  },
  password: {
    label: '密码 / password',
    zh: ['密码', '口令'],
    en: ['password', 'passwd', 'pw', 'pwd', 'changepassword'],
  },
  'user-active': {
    label: '账号停用 / inactive user',
    zh: ['停用', '禁用', '启用', '激活', '被锁', '锁定'],
    en: ['is_active', 'deactivated', 'disabled account', 'reactivate', 're-activate', 'locked out'],
    // Not systemd's "inactive (dead)" nor a unit turned inactive ("就 inactive 了"). An account disabled or enabled
    // ("the user was disabled by mistake", "flip a user back to active"), not a service, a page or SELinux.
    re: [
      // … nor a unit or a daemon named in an alert ("oms-backend inactive", "gunicorn is inactive", "mysqld inactive")
      '(?<!(?:就|又|一直|状态|status|active:|\\.service:?|\\bunit|\\bservice|服务|backend|gunicorn|nginx|后端|\\b[a-z]+d)' +
        '\\s*(?:is\\s*)?)\\binactive\\b(?![\\s\'"(]*dead)' +
        // … nor what `systemctl is-active nginx oms-backend` printed ("failed", "inactive") under it
        '(?<!\\bis-active\\b[^?？]{0,120})',
      '\\b(?:users?|accounts?)\\b[^.?!,;]{0,24}\\b(?:disabled|deactivated)\\b',
      '\\b(?:disabled|deactivated) (?:users?|accounts?)\\b',
      '\\bback to active\\b',
      '\\b(?:re-?)?enable (?:the |a |that |his |her |their )?(?:users?|accounts?)\\b',
    ],
  },
  'admin-site': {
    label: '管理后台 / the admin',
    zh: ['后台', '管理后台', 'django 后台', '管理页面', '管理界面', '管理端', '后台管理'],
    en: [
      'django admin',
      'admin panel',
      'admin page',
      'admin site',
      'admin console',
      'django-admin',
      'admin ui',
      'admin interface',
      'backoffice',
      // a customer's formal English: "the administration interface", "the administration console"
      'administration interface',
      'administration console',
      'administration panel',
      'administration page',
      'administration site',
      // … "the management console", "the administration back office" (another product's console is told by its name)
      ...['management console', 'management interface', 'management portal', 'back office', 'back-office'],
    ],
    // "/admin", "IP/admin" (dictated "IP 斜杠 admin"), "172.29.91.61/admin/"
    re: [
      '(?:^|[\\s"\'(]|\\bip ?|\\d)/admin\\b',
      'admin\\s*(?:页面|界面|地址|网址|入口|面板|后台|url)',
      // the admin's address opened ("admin 打开是前端 vue 页面", "admin 进去的是首页")
      'admin\\s*(?:打开|进去|访问)(?:的|后|以后)?是',
    ],
  },
  'admin-word': {
    label: 'admin',
    en: ['admin'],
  },
  api: {
    label: '接口 / API',
    zh: ['接口', '后端接口', '请求', '调接口'],
    en: ['api', 'apis', 'endpoint', 'endpoints', 'xhr', 'axios', 'rest'],
    re: ['/api/'],
  },
  backend: {
    label: '后端 / backend',
    zh: ['后端', '后台服务', '后台程序'],
    // "bk": the backend as chat abbreviates it ("ngx 的锅还是 bk 的锅")
    en: ['backend', 'back end', 'back-end', 'bk', 'gunicorn', 'django', 'wsgi'],
    // not nginx's upstream of that name ("upstream oms_backend 找不到", "proxy_pass http://oms_backend"): nginx's config
    re: ['(?<!\\bupstream\\s+["\']?|https?://)oms[-_]backend'],
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
    en: ['nginx', 'ngx', 'proxy_pass', 'upstream', 'location', 'reverse proxy', 'oms.conf'],
  },
  service: {
    label: '服务 / the service',
    // Starting at boot is the unit's ("开机自启动怎么设", "kaiji zi qidong").
    zh: ['单元文件', 'unit 文件', 'service 文件', '开机自启', '开机启动', '自启动', '开机自动启动'],
    en: ['service', 'unit', 'unit file', 'systemd', 'daemon-reload'],
    // 服务器 is "the server", not the service; "systemctl reload nginx" is about nginx, not OMS's unit.
    re: ['\\.service\\b', '服务(?!器)', '\\bsystemctl\\b(?!\\s+(?:[\\w-]+\\s+)?nginx\\b)'],
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
    // the front end's page pasted: its index and bundled scripts ("<script type=\"module\" src=\"/assets/index-…js\">")
    re: ['(?<![\\w/])index\\.html\\b', '/assets/index-[\\w-]+\\.js'],
  },
  static: {
    label: '样式 / static files',
    zh: ['样式', '静态文件', '光秃秃', '全是文字'],
    en: [
      'css',
      'static',
      'staticfiles',
      'stylesheet',
      'styles',
      'collectstatic',
      'styling',
      'unstyled',
      'plain html',
      'no style',
    ],
  },
  logs: {
    label: '日志 / logs',
    zh: ['日志'],
    en: ['logs', 'journalctl', 'journal', 'error.log'],
    // Not "log in", "logged in", "logging on": the login.
    re: ['\\blog(?:ged|ging)?\\b(?!\\s*(?:in|on|out|into)\\b)'],
  },
  config: {
    label: '配置 / configuration',
    zh: ['配置', '设置', '参数'],
    en: ['config', 'configuration', 'settings', '.env', 'debug', 'allowed_hosts', 'cors_allowed_origins', 'secret_key'],
    // the settings file, not an environment ("the demo env", "prod env" name no configuration)
    re: ['(?<!\\b(?:demo|prod|production|test|testing|dev|staging|uat|qa|sandbox) )\\benv\\b', '\\benv file\\b'],
  },
} as const satisfies Record<string, unknown>;

/** The application's components, the people it handles among them. */
export const APP_COMPONENTS = { ...APP_OWN_COMPONENTS, ...PEOPLE_COMPONENTS };

/** Every component of the lexicon, OMS's application and its server's (membership: `id in COMPONENTS`). */
export const COMPONENTS = { ...APP_COMPONENTS, ...SERVER_COMPONENTS };
