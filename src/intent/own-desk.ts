/**
 * One's own desk rather than the server (src/intent/other-systems.ts lists them beside other systems: a message
 * naming one and nothing of OMS keeps too little of its score to be offered). OMS's own developers, pulled into
 * support, talk about their development life in the same channel (tests, a local container, another Django
 * project); interns talk about their own laptop, campus network and homework. "我笔记本上 runserver" is theirs,
 * the server's backend is OMS's.
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const OWN_DESK = [
  // tests run by a developer ("pytest 挂了 3 个", "fixture 里 admin_client 登录不上", "flaky on CI")
  // — unless said to pass ("生产上 /api 502，本地 pytest 是过的", "pytest 全绿，但生产上…"): that places nothing
  '(?:pytest|unittest)(?![^,.;!?，。；！？\\n]{0,12}(?:是过的|都过了|全过|全绿|通过|\\bpass(?:es|ed)?\\b|\\bgreen\\b))',
  ...[
    'conftest',
    'pytest fixture',
    'pytest fixtures',
    'tox',
    'pre-commit',
    'flaky test',
    'flaky tests',
    'test_\\w+(?:\\.py)?',
  ],
  // one's own development server or branch ("my runserver's admin shows 404", "django admin 在我分支上 404")
  ...[
    'my runserver',
    'my local runserver',
    'runserver on my \\w+',
    'my branch',
    'my feature branch',
    'my local branch',
  ],
  // a development or pre-production environment ("the dev environment's nginx", "pre-prod 的 k8s")
  ...['dev env', 'dev environment', 'preprod', 'pre-prod', 'preproduction'],
  // an intern's school in initials ("jwc xitong denglu bushang yzm cuole": 教务处, 验证码)
  ...['jwc', 'yzm'],
  // the development server's own thread and reloader ("Exception in thread django-main-thread", "StatReloader")
  ...['django-main-thread', 'statreloader', 'watchmanreloader', 'watching for file changes'],
  // a mini program being written ("wx.login:fail", "wx.request 502", "mini program login returns errcode 40029")
  ...['wx\\.[a-z]\\w*', 'mini program', 'mini programs', 'mini-program', 'miniprogram', 'errcode'],
  // one's own virtual machine, school work in English ("my ubuntu VM", "homework: write a systemd unit")
  '(?:my|my own|a local) (?:\\w+ )?(?:vm|vms|virtual machine)',
  ...['homework', 'coursework', 'course project', 'lab assignment', 'my thesis', 'campus'],
  // type checkers and linters ("mypy complains about the QuerySet generics after upgrading django-stubs")
  ...['mypy', 'pyright', 'flake8', 'pylint', 'ruff', 'isort', 'django-stubs'],
  // another code base ("the billing service, different django repo")
  '(?:different|another|other|separate) (?:\\w+ )?(?:repo|repos|repository|codebase)',
  // a dev box, a SaaS product's sandbox ("my dev box's nginx container", "the sandbox tenant of our SaaS product")
  ...['dev box', 'devbox', 'sandbox tenant', 'saas'],
  // the developer's own machine ("wsl 里 runserver 起不来", "M1 mac")
  ...[
    'wsl',
    'wsl2',
    'm1 mac',
    'm2 mac',
    'm1 macbook',
    'm2 macbook',
    'dev container',
    'devcontainer',
    'docker desktop',
    'vagrant',
    'virtualbox',
  ],
  // a tutorial's sample project ("the polls app of the Django tutorial"); a tutorial for OMS's own import stays OMS's
  ...['polls', 'django tutorial', 'django girls'],
];

/** In Chinese (or mixed), anywhere in the message. */
export const OWN_DESK_ZH = [
  // the developer's own machine ("我本机 /api 转到了 3000"); 本机 alone is the server ("本机 curl 8000")
  ...['我本机', '我机器上', '我的机器上', '我这台笔记本'],
  // someone's own Python environment or virtual machine ("新同事的 venv 里 django 版本不对", "我 ubuntu 虚拟机里…"); the
  // server's venv ("我们的 venv 建在 .venv 里") stays OMS's
  '(?:我|我自己|同事|新同事|他|她)的 ?(?:venv|virtualenv|虚拟环境|conda)|(?:本地|本机)的? ?(?:venv|virtualenv|虚拟环境)',
  '(?:我|我的|我自己的?|自己的?) ?(?:ubuntu|centos|debian|kali|linux|windows)? ?虚拟机',
  // a service of one's own writing ("自己写的服务起不来"): not OMS's unit
  '(?:自己|我)写的 ?(?:systemd ?)?(?:服务|脚本|程序|unit|service|练习)|(?:systemd|nginx|linux|django|docker)\\s*练习',
  // one's own development server or branch ("我本地的 runserver", "在我分支上 404")
  '我(?:的|本地的?) ?runserver|(?:我|我的|我自己的?|本地)(?:的)? ?分支(?:上|里)',
  // run on one's own machine ("在本地跑 createsuperuser", "我本地起的"); "后端 8000 本地 curl 是通的" is the server's own
  '(?:在|我)本地(?:跑|起|运行|测|试)|dev ?环境|开发环境|预生产',
  // a school's or a lab's machines ("学校机房的电脑", "实验室服务器"), a mini program tried on a phone ("真机调试")
  '学校(?:的)?(?:机房|服务器|电脑|实验室)|实验室(?:的)?(?:服务器|电脑|机器)|真机调试',
  // one's own computer freezing ("电脑全部卡死了", "笔记本又蓝屏了"): the desk, not the server
  '(?:电脑|笔记本|台式机)[^,.;!?，。；！？\\n]{0,4}(?:卡死|死机|蓝屏|黑屏|卡住|卡顿)',
  // the campus and school work ("校园网又登不上了", "作业明天交", "毕设前端")
  ...[
    '校园网',
    '图书馆',
    '毕设',
    '毕业设计',
    '论文',
    '课设',
    '实验课',
    '实验报告',
    '课程实验',
    '老师布置',
    '交作业',
    '写作业',
  ],
  '(?:nginx|linux|django|docker|网络|运维)\\s*实验(?!室)',
  '(?:课程?|课后|操作系统|数据结构|编程|家庭|大)作业|作业(?:题|要|明天|今晚|截止)|(?<![定时批处理计划])作业(?:里|中)',
  // a framework's tutorial followed ("Django 教程第四章", "官方教程那个 polls"); a tutorial for OMS's import stays OMS's
  'django\\s*(?:官方|入门)?\\s*教程|(?:官方|入门|视频)教程|教程第.章',
];

/**
 * A test run's own report ("FAILED tests/test_api.py::test_list - django.db.utils.OperationalError …", "=== short test
 * summary info ===", "3 failed, 12 passed") or the development server's own output ("Exception in thread
 * django-main-thread", "Watching for file changes with StatReloader"): the developer's run, not the server, even
 * holding a Django traceback.
 */
export const DEV_RUN = new RegExp(
  [
    String.raw`\bdjango-main-thread\b|\bwatching for file changes\b|\b(?:stat|watchman)reloader\b`,
    String.raw`(?:^|\s)(?:FAILED|ERROR|PASSED)\s+\S+\.py::\w+`,
    String.raw`=+ (?:short test summary info|FAILURES|ERRORS|test session starts) =+`,
    String.raw`\b\d+ failed(?:, \d+ (?:passed|errors?|skipped))+\b`,
  ].join('|'),
  'i',
);

/**
 * The server or OMS named beside such a run ("服务器上谁开了个 runserver，Watching for file changes…，oms-backend 起不来"):
 * a development server left running on the production box is OMS's trouble.
 */
export const ON_SERVER = /\boms\b|oms[-_]?backend|服务器上|生产|线上|\bprod(?:uction)?\b|\bon the (?:server|box)\b/i;
