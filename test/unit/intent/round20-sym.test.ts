import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 20, symptoms and pastes (docs/intent.md, "Round 20: symptoms and pastes"): reports of OMS's trouble that
 * were answered with nothing or with another playbook — another team or one's own hardening told as the change made
 * before it, a status dictated digit by digit, a step told as done long ago, troubles taking turns, not knowing which
 * layer — while the same words about other systems and lives stay unanswered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops } = answerExpectations(answer);

describe('another team as who touched OMS', () => {
  it('leaves the report OMS’s', () => {
    tops([
      ['接口全部404 页面能打开 nginx配置刚被别的组动过', 'api-not-found'],
      ['隔壁组昨天动了我们服务器的nginx 现在接口全是404', 'api-not-found'],
      ['兄弟部门把我们的 .env 改了 现在登录不上', 'login'],
    ]);
  });

  it('another team’s own system stays theirs', () => {
    silent([
      '别的组的系统登录不上 找谁',
      '其他团队改了他们自己的nginx之后页面404',
      '别的组动了他们的数据库 现在他们的接口502',
    ]);
  });
});

describe('a status dictated digit by digit', () => {
  it('is the status', () => {
    tops([
      ['急 今天一早所有人打开都是五零二 仓库等着发货呢', 'api-not-found'],
      ['我们的系统现在显示五〇二 点什么都没用', 'api-not-found'],
      ['点登录就出来个四零一 密码是对的啊', 'login'],
    ]);
  });

  it('a room, a phone number or a generation is no status', () => {
    silent([
      '五零二宿舍今晚聚餐 谁去',
      '电话是一三五零二四零四一二三',
      '五零后的领导不太会用电脑',
      '会议改到四零一会议室了',
    ]);
  });
});

describe("the server's own hardening told as the change made", () => {
  it('is no other system beside trouble of OMS’s way in', () => {
    tops([
      [
        'Bad Gateway on every API call since this morning. I only touched sshd_config and the audit rules yesterday',
        'api-not-found',
      ],
      ['我就改了 sshd_config 和审计规则，接口就全 502 了', 'api-not-found'],
      ["changed sshd_config and the password policy last night, this morning the backend won't start", 'service-start'],
    ]);
    expect(answer('等保加固只改了 sshd_config，今天接口全是 502').passive).toBe(false);
  });

  it("the daemon's and the audit's own trouble stays theirs", () => {
    silent([
      "changed sshd_config and now I can't ssh in as root, login fails",
      '改了 sshd_config 以后 root 登录不上了',
      '审计规则加完以后 auditd 起不来',
      '改了 sshd_config 之后 jenkins 的 api 调用一直 502',
    ]);
  });
});

describe('a step told as done long ago', () => {
  it('is no problem solved', () => {
    tops([
      ['昨晚 MySQL 主从切换完，OMS 接口一直 502 到现在，库早就切好了', 'api-not-found'],
      ['oms 登录一直失败，超管账号早就建好了', 'login'],
    ]);
  });

  it('a problem told as fixed stays a notice', () => {
    silent([
      'OMS 后端的问题修好了',
      'OMS 登录好了 谢谢大家',
      'oms 后端起不来的问题 已经好了',
      'OMS 登录的问题早就好了',
      'oms 接口502 早就弄好了 谢谢',
    ]);
  });
});

describe('troubles taking turns, which layer', () => {
  it('are the whole’s', () => {
    tops([
      ['系统各种毛病 一会登不上一会404 我都重启n次了 还是不行', 'checklist'],
      ['oms一会儿登录不了一会儿又是502 一会好一会坏 不知道哪出的问题', 'checklist'],
      ['OMS is flaky: sometimes login fails, sometimes 502, sometimes 404 - no idea where to look', 'checklist'],
      ['oms 前端报错后端也报错 分不清是哪一层的毛病', 'checklist'],
      ["oms is down again and I can't tell which layer is broken", 'checklist'],
    ]);
  });

  it('one trouble coming and going is one part’s', () => {
    tops([
      ['一会儿登录成功一会儿又提示密码错误 就登录这里', 'login'],
      ['接口一会儿502一会儿正常 别的都好', 'api-not-found'],
    ]);
  });

  it('the weather, a child or a building’s floor are nobody’s', () => {
    silent(['天气一会晴一会雨 出门记得带伞', '孩子一会哭一会闹 今晚又没法睡', '这个楼的空调不知道是哪一层坏了 热死']);
  });
});

describe("the security engineer's tools, the DBA's queries, the admin's commands", () => {
  it('are OMS’s beside OMS’s trouble', () => {
    tops([
      ['setenforce 1 之后 oms-backend 就起不来了 ausearch 看到一堆 avc denied', 'service-start'],
      ['getsebool httpd_can_network_connect 是 off，接口全部 502', 'api-not-found'],
      ["select username, is_active from auth_user where username='zhangsan'; 结果 is_active=0 他一直登录失败", 'login'],
      ['postgres 里 auth_user 表 admin 的 password 字段被我 update 过了 现在登录失败', 'login'],
      [
        "$ python3 manage.py createsuperuser\nModuleNotFoundError: No module named 'django'\n要建个超管 结果报这个",
        'admin',
      ],
      [
        "[root@kylin-oms ~]# python manage.py generate_user_template\npython: can't open file '/root/manage.py': " +
          '[Errno 2] No such file or directory\n生成个导入模板咋这么难',
        'admin',
      ],
    ]);
  });

  it('the same words about other systems stay theirs', () => {
    silent([
      'samba 共享目录 avc denied 了 setsebool 怎么设置',
      'faillock 把我的 ssh 账号锁了 怎么解锁',
      '我们 crm 项目的 auth_user 表 mysql 里查不到数据 他们的 django 登录失败',
      'mysql 里 user 表的 root 账号登录失败 access denied',
      '我自己的 django 练手项目 manage.py createsuperuser 报 No module named django',
    ]);
  });
});

describe('a certificate put on the system', () => {
  it('is a step of OMS’s deployment', () => {
    tops([
      ['为了上证书我们给系统配了个内网域名，用域名访问以后就登录失败，用原来的 IP 访问是好的', 'login'],
      ['上了证书之后用域名打开 点登录没反应 用 ip 能登', 'login'],
    ]);
  });

  it('a certificate of something else, or one to earn, is not', () => {
    silent(['vpn 的证书到期了 连不上', '考证书的报名网站登录不上', '公司邮箱证书装不上 outlook 一直提示']);
  });
});

describe("the monitoring engineer's alerts about OMS", () => {
  it('name the part in trouble, or many at once', () => {
    tops([
      ['夜莺告警 oms-prod-01 进程 gunicorn 不存在 持续 10 分钟 重启也没拉起来', 'service-start'],
      ['进程监控：oms-prod-01 gunicorn 进程数=0 已持续 3 分钟', 'service-start'],
      ['[FIRING:1] SyntheticLoginFailed instance=http://172.29.91.61/ status=401 for 15m\n拨测登录一直失败', 'login'],
      ['夜里 oms 同时来了五条告警 接口 502 登录失败 admin 打不开 先从哪查', 'checklist'],
      [
        '[FIRING:3] oms-prod-01\n - ProbeHttpFailed  instance=http://172.29.91.61/admin/  status=502\n' +
          ' - NginxUpstreamErrorsHigh  host=oms-prod-01  rate_5m=34\n一下子来了三条，该从哪一层开始查',
        'checklist',
      ],
    ]);
  });

  it("other services' alerts and other things by the dozen stay theirs", () => {
    silent([
      '一下子来了四条告警 都是 kafka 集群的 谁在值班',
      '一晚上来了二十多条短信 全是验证码 是不是被盗号了',
      '进程监控：mysqld 进程数=0 db-prod-02 上的',
      ' - NodeFilesystemAlmostFull  host=log-01  mountpoint=/data\n磁盘快满了 谁清一下',
    ]);
  });
});

describe("speech recognition's 等路 and 秘密", () => {
  it('are 登录 and 密码 beside an account or a login', () => {
    tops([
      ['我输了用户名和秘密点等路 转了一圈又回到等路页面', 'login'],
      ['账号秘密都对 就是等路不上', 'login'],
    ]);
  });

  it('a crossing, a passer-by or a secret are not', () => {
    silent(['在路口等路灯 顺便问下午饭吃啥', '等路过的同事帮我带个快递', '这是我们俩之间的秘密 别告诉别人']);
  });
});

describe('going through it together, the API prefix twice', () => {
  it('are the whole’s over a shell session, the login’s base URL', () => {
    tops([
      [
        'migrated to the new host yesterday, everything half works. pls go through it with me\n' +
          '[root@oms-prod-03 ~]# systemctl is-active oms-backend nginx\nactive\nactive',
        'checklist',
      ],
      ['登录的请求地址变成了 /api/api/auth/login/ 多了一个 api 返回 404', 'login'],
    ]);
  });

  it('a CV or a weekly report gone through together is nobody’s', () => {
    silent(['面试官让我陪他一起过一遍简历', '周报陪我一起过一遍 领导要看']);
  });
});

describe('the service seen restarting by itself', () => {
  it('is a part in trouble', () => {
    tops([
      ['客户反馈：登录不了；后台白屏；导入失败。我们这边看服务也在重启。', 'checklist'],
      ['oms 后端老是在重启 journal 里一堆 activating', 'service-start'],
    ]);
  });

  it('one restarting a server or another tool is not', () => {
    silent(['我在重启服务器 稍等十分钟', '服务器在重启 大家先别连', '我正在重启 jenkins 别提交']);
  });
});

describe('登 alone before the front end or after an account', () => {
  it('is logging in', () => {
    tops([
      ['拿 admin 账号登系统 一直提示密码错误', 'login'],
      ['我用zhangsan这个账号登前端就报网络错误', 'login'],
    ]);
  });

  it('a hike or another tool’s account is not', () => {
    silent(['下周登山 谁去', '用 admin 账号登 confluence 提示被锁了', '禅道 admin 账号登不进去了 怎么重置']);
  });
});
