/**
 * The lexicon's faults: what goes wrong in particular — memory, signals, restarts, ports, permissions, CORS,
 * credentials, addresses, pages, forgotten passwords (format: src/intent/lexicon.ts; the general failures are in
 * src/intent/lexicon-problems.ts).
 */
export const FAULTS = {
  oom: {
    label: '内存耗尽 / out of memory',
    zh: ['内存溢出', '内存飙', '内存不够', '内存不足', '爆内存', '内存满', '内存爆', '内存耗尽', '内存涨'],
    en: ['oom', 'out of memory', 'oom-kill', 'oom killer', 'killed process', 'oom-killer', 'oomkill', 'memory leak'],
  },
  killed: {
    label: '被杀 / killed',
    zh: ['被杀', '被干掉', '被 kill', '被kill', '杀掉'],
    en: ['killed', 'sigkill'],
    // Not asking how to kill something ("shell 里怎么批量 kill 进程", "how do I kill the process on 8000").
    re: ['被.{0,4}(?:干掉|杀|kill)', '(?<!(?:怎么|如何|咋|批量|how to|how do i|how can i)\\s*)\\bkill\\b'],
  },
  'restart-loop': {
    label: '反复重启 / restart loop',
    zh: [
      '一直重启',
      '反复重启',
      '不停重启',
      '一直在重启',
      '自动重启',
      '重启循环',
      '不停地重启',
      '循环重启',
      '频繁重启',
      '重启了好几次',
      '反复',
    ],
    re: [
      '又(?:挂|崩|停|failed|失败|退出|起不来)',
      // the service seen restarting by itself ("我们这边看服务也在重启", "后端老是在重启"): not one's own restart ("我在重启服务")
      '(?:服务(?!器)|后端|进程|gunicorn)(?:也|还|又|老是|总是|好像|一直)?在(?:不停地?|反复)?重启',
      // "oms-backend is flapping, restarts every few seconds"; not a network link flapping
      '\\b(?:service|unit|backend|gunicorn|oms-backend)\\b[^.;!?]{0,20}\\bflapping\\b',
      '\\brestart(?:s|ing)? every (?:few |couple of |\\d+ )?(?:seconds?|secs?|s)\\b',
      // mixed: "不停 restart 循环", "一直 restart"
      '(?:不停|一直|反复|频繁)地?\\s*restart|\\brestart\\s*(?:循环|个不停|不停)',
      // an alert's or a customer's count: "was restarted several times overnight", "repeated restarts"
      '\\brestarted (?:\\d+|several|many|multiple|a few|three|four|five) times\\b|\\brepeated restarts\\b',
    ],
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
  'in-use': {
    label: '端口被占用 / already in use',
    // Not 占用 alone: "内存占用越来越高" is memory use.
    zh: ['被占用', '端口占用', '端口被占', '已被占用', '占着端口'],
    // … and a port number taken ("oms-backend 报 8000 被占")
    re: [
      '被.{0,8}占(?:了|用|着)',
      '\\d{2,5}\\s*(?:端口\\s*)?(?:已经?)?被占(?!比)',
      '\\bport \\d+ (?:is |was )?(?:already )?(?:taken|occupied|busy)\\b',
    ],
    en: [
      'in use',
      'already in use',
      'address in use',
      'port taken',
      'eaddrinuse',
      "can't bind",
      'cannot bind',
      'unable to bind',
      'failed to bind',
    ],
  },
  'not-listening': {
    label: '端口没监听 / not listening',
    zh: ['没人在听', '没在听', '没监听', '没有监听', '端口不通', '不在监听', '没人监听', '无人监听', '没人听'],
    en: [
      'not listening',
      'nothing listening',
      'nothing on port',
      'no listener',
      'nobody listening',
      'no one listening',
    ],
    // "8000 上好像啥都没有在听", "没有在监听", "nothing is listening", "isn't listening on 8000"
    re: [
      '(?:啥|什么|谁)都?没有?在?(?:听|监听)|没有在(?:听|监听)',
      // the port found empty: "8000端口空的", "端口那是空着的"
      '端口(?:上|那)?(?:是|也|都)?空(?:的|着)',
      // typed on a phone: "8000没起", "8000 端口没起来"
      '\\b8000\\s*(?:端口)?\\s*没(?:起|起来|开)',
      // a network engineer's capture: a SYN answered by a reset ("SYN 发过去直接 RST", "SYN gets an RST back")
      '\\bsyn\\b[^,.;!?，。；！？\\n]{0,24}\\brst\\b',
      "\\b(?:nothing|nobody|no one)(?: is|'s) listening\\b|\\bisn'?t listening\\b",
    ],
    py: ['mei jian ting'],
  },
  missing: {
    label: '没有 / missing',
    zh: ['不见了', '找不到', '没了', '缺少', '丢了', '无此', '查无', '没样式', '样式丢', '样式全丢'],
    en: ['missing', 'gone', "can't find", 'cannot find', 'no such user', 'does not exist', "doesn't exist"],
    re: [
      // not "有没有" (is there …?): "有没有命令行的办法" asks, it misses nothing
      '没有(?<!有没有)',
      // "no superuser exists yet", "there is no admin account"
      '\\bno (?:superuser|super user|admin user|admin account|account|user)s?\\b',
      '\\bthere (?:is|are) no\\b',
      // never created: "压根没建过超级用户", "之前交付的人没建"
      '没(?:建|创建|开)过?(?=\\s*(?:超|管理员|账号|用户|$|[,.;!?，。；！？]))',
      // never made at all ("新库是不是压根没建过超级用户", "从来没创建过管理员")
      '(?:没|没有|从没|从来没|压根没|根本没)(?:建|创建|新建|加|开)过',
    ],
    py: ['mei you'],
  },
  permission: {
    label: '权限 / permission',
    zh: ['权限', '没权限'],
    en: ['permission denied', 'permission', 'forbidden', "don't have permission"],
    // sudo and polkit refusing a command: "sudo: a password is required", "Interactive authentication required."
    re: [
      '\\ba (?:password|terminal) is required\\b|\\bnot in the sudoers file\\b|\\bis not allowed to execute\\b',
      '\\binteractive authentication required\\b',
    ],
  },
  cors: {
    label: '跨域 / CORS',
    zh: ['跨域'],
    en: ['cors', 'cross-origin', 'access-control-allow-origin', 'preflight', 'allow-origin'],
    re: ['access-control-(?:allow|request)-[a-z]+', 'origin 头'],
  },
  unauthorized: {
    label: '401/400 / credentials refused',
    zh: ['密码错误', '密码不对', '用户名或密码'],
    en: ['401', 'unauthorized', 'wrong password', 'invalid credentials', 'network error', '400', 'bad request'],
  },
  'wrong-address': {
    label: '请求地址不对 / wrong API address',
    zh: [
      '老地址',
      '旧地址',
      '地址不对',
      '换了服务器',
      '换了 ip',
      '换了ip',
      '迁移',
      '搬迁',
      '新 ip',
      '新ip',
      '改了 ip',
      'ip 变了',
    ],
    en: [
      'localhost',
      'vite_api_base_url',
      'wrong url',
      'old ip',
      'old address',
      'new ip',
      'ip changed',
      'changed the ip',
    ],
    re: [
      '\\b(?:moved|migrated)\\b.{0,30}\\b(?:ip|server|host|box|machine)\\b',
      '\\bold (?:server |host |box |machine )?(?:ip|address|url|host)\\b',
      '\\bafter (?:we|i|they) (?:moved|migrated)\\b',
      // "after we change server ip to 10.20.3.15"
      '\\bchang(?:e|ed|ing) (?:the |our |its )?(?:server |host |machine |box )?ip\\b',
      // the browser's requests landing on the old machine: "network 里看请求居然打到老机器 10.20.3.15 上去了"
      '(?:打到|发到|跑到|指向|走到|落到|请求到)了?\\s*(?:老|旧)的?(?:机器|服务器|主机|环境|ip|地址)',
      // the browser's requests sent elsewhere: "the request going to some other host", "calls hit the wrong server"
      '\\b(?:requests?|calls?|api|xhr|fetch)\\b.{0,20}\\b(?:go|goes|going|went|sent|hits?|hitting|points?|pointing)' +
        ' (?:to )?(?:some |an? |the )?(?:other|another|wrong|different|old) (?:host|server|address|ip|domain|url)\\b',
    ],
  },
  // The front end's page (index.html) answering where JSON or the admin was expected: a proxy rule missing.
  'wrong-page': {
    label: "返回了前端页面 / the front end's page instead",
    zh: [
      '不是json',
      '不是 json',
      '返回的是前端',
      '返回前端',
      '前端页面',
      '前端的页面',
      '前端首页',
      'html 页面',
      'html页面',
      // nginx's own default page
      '欢迎页',
      '默认页',
    ],
    en: [
      'index.html',
      'not json',
      'instead of json',
      'returns html',
      'returned html',
      'got html',
      '<!doctype html>',
      'welcome to nginx',
      // the front end's single-page app answering instead: "through port 80 I just get the SPA"
      'spa',
      'single page app',
      'vue app',
      'welcome page',
      'default page',
    ],
    // … or gone to it: "/admin/ 跳到了 OMS 的前端登录页", "打开的不是 Django 后台 而是我们前端的登陆页面"
    re: [
      '(?:返回|回来|拿到|得到)的?(?:是|了)?[^,.;!?。]{0,8}(?:html|前端|首页)',
      '(?:跳到|跳转到|打开的?是|出来的?是|显示的?是|进去的?是|变成|而是)了?[^,.;!?。，]{0,8}前端',
      // the front end's shell named as such: "前端 Vue 那个壳", "vue 的页面", "the Vue shell"
      '前端[^,.;!?。，]{0,8}(?:壳|空壳)|vue\\s*(?:的|那个)?\\s*(?:页面|首页|壳)',
      '\\b(?:vue|spa|frontend|front-end)\\s+(?:shell|page|index)\\b',
      // … or pasted: its page title and mount point ("<title>OMS 订单管理系统</title>", '<div id="app"></div>')
      '<title>\\s*oms\\b|<div id=["\']?app\\b',
    ],
  },
  // nginx's own default page answering at the server's address: OMS's server block is not the one in use.
  'nginx-welcome': {
    label: 'nginx 欢迎页 / the nginx welcome page',
    en: ['welcome to nginx', 'nginx default page', 'nginx welcome page'],
    re: ['nginx\\s*(?:的)?\\s*(?:默认)?(?:欢迎|默认)页'],
  },
  forgot: {
    label: '忘了 / forgot',
    zh: ['忘了', '忘记', '重置', '改回来', '改回去', '找回', '重新启用', '恢复'],
    en: ['forgot', 'forgotten', 'reset', 'lost', 'change password', 'changepassword'],
    py: ['wang le', 'chong zhi'],
  },
  /**
   * A change that did not take effect ("改了 service 里的 workers 数，restart 之后还是 3 个，新配置没生效"): with the unit
   * named, systemd still runs the old definition (daemon-reload).
   */
  'not-applied': {
    label: '改了没生效 / change not applied',
    zh: ['没生效', '不生效', '未生效', '没有生效', '没起作用', '不起作用', '还是旧的', '还是老的', '还是原来的'],
    en: ["didn't take effect", 'did not take effect', 'not taking effect', 'no effect', 'still the old', 'not applied'],
    re: ['\\bchanges? (?:(?:is|are|were|was) )?(?:not|never) (?:picked up|applied)\\b'],
  },
  /**
   * The system as a whole unusable ("系统用不了了", "整个系统瘫了"), not one part of it ("登录系统打不开"), and nothing
   * asked for: the checklist is offered among choices, never run unasked (src/intent/lexicon-whole.ts: everything).
   */
  'whole-system': {
    label: '整个系统不可用 / the whole system unusable',
    re: [
      // … or all of it answering 502/504 ("系统整个502了", "平台全 504"): the way to the backend, for the whole site
      '(?<![\\u3400-\\u9fff])(?:系统|平台)\\s*(?:打开|访问)?(?:都|全|整个|彻底)?是?\\s*(?:用不了|不能用|不可用|瘫痪|瘫了|打不开|50[234])',
      // … for everyone opening it ("今天一早所有人打开都是502"), our system showing it ("我们的系统现在显示502")
      '(?:所有人|大家|谁都|每个人|全员)[^,.;!?，。；！？\\n]{0,6}(?:打开|访问|进去|进系统)[^,.;!?，。；！？\\n]{0,4}50[234]',
      '(?:我们|咱们|公司)的?系统[^,.;!?，。；！？\\n]{0,6}(?:显示|提示|报|全是|都是|出现)\\s*50[234]',
      "\\b(?:the|our|whole|entire) (?:site|system|website|app)(?:'s| is| was| went| seems| looks)" +
        '(?: completely| totally)? (?:down|dead|unusable)\\b',
    ],
  },
} as const satisfies Record<string, unknown>;
