/**
 * The lexicon's components of the server OMS runs on: the systemd unit, memory, signals, the OS, SELinux,
 * restarts (format: src/intent/lexicon.ts; the application's components are in src/intent/lexicon-components.ts).
 */
export const SERVER_COMPONENTS = {
  'unit-format': {
    label: '单元文件格式 / unit file format',
    zh: [
      'windows 上写',
      '换行符',
      '隐藏字符',
      '文件格式',
      'windows 上编辑',
      'windows 下编辑',
      '记事本',
      'word 文档',
      'word 里',
    ],
    en: [
      'bom',
      'crlf',
      'line endings',
      'dos2unix',
      'cat -a',
      'utf-8 with bom',
      'edited on windows',
      'saved on windows',
      'notepad',
      // systemd's "Ignoring." after a line it cannot read, and its complaints about such a line
      'ignoring',
      'assignment outside of section',
      "missing '='",
    ],
    // A format that is wrong ("格式错误", "格式不对"); "PDF 格式的报表" is about a report, not a unit file.
    re: ['格式(?:错|不对|有问题|问题|不正确|不规范|乱)', '(?:文件|编码|换行|dos|windows|unix|utf-?8)\\s*格式'],
  },
  'unit-directive': {
    label: '单元文件配置项 / unit file directives',
    en: [
      'execstart',
      'workingdirectory',
      'restartsec',
      'wantedby',
      'type=notify',
      'type=simple',
      'environment=',
      'user=',
      'group=',
      'after=network.target',
      'multi-user.target',
    ],
    re: [
      '\\btype\\b.{0,12}\\b(?:notify|simple|forking)\\b',
      '文件里(?:面|边|头)?(?:的)?\\s*(?:user|group|type)\\b',
      // the user the service runs as, asked ("应该用哪个用户跑 gunicorn", "which user should the service run as")
      '(?:用|拿|以)(?:哪个|什么|啥|哪一个)(?:用户|账号|账户)(?:来|去)?(?:跑|运行|启动|起)',
      '\\bwhich user (?:should|do|does|to|will) (?:\\w+ ){0,3}(?:run|start)\\b|\\brun(?:s|ning)? as which user\\b',
      // "User 那一行该填哪个用户", "ExecStart 这一项": a directive named by its line
      '\\b(?:user|group|type|execstart|workingdirectory|environmentfile|restartsec|wantedby)\\s*=?\\s*' +
        '(?:那一?行|这一?行|那一?项|这一?项|那个字段|这个字段)',
    ],
  },
  'service-user': {
    label: '服务用户 / service user',
    zh: ['用户不存在'],
    en: ['www-data', 'user=', 'useradd'],
  },
  // systemd's own exit statuses of a unit that cannot start, told in words ("fails with exit code 217", "退出码 203")
  'unit-exit': {
    label: 'systemd 退出码 / systemd exit status (217/USER, 203/EXEC, 200/CHDIR)',
    re: [
      '\\b(?:217|203|200)[/ _-]?(?:user|exec|chdir)\\b',
      // told in a sentence: "改了 User 之后后端就 217 了", "服务又 203 了"
      '(?:就|又|报|变成|直接|一直|成了)\\s*(?:217|203)\\s*了',
      '(?:\\bexit(?:ed)?(?: with)? (?:code|status)|退出码|退出状态|status=)\\s*[=:]?\\s*(?:217|203)\\b',
    ],
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
  restart: {
    label: '重启 / restart',
    zh: ['重启', '重新启动', '重载'],
    // a worker replaced in gunicorn's words ("Worker exiting"; not "Booting worker", which every start logs)
    en: ['restart', 'reload', 'reboot the service', 'respawn', 'worker exiting'],
  },
} as const satisfies Record<string, unknown>;
