import { messageContext } from '../../../src/intent/context.js';
import { normalize } from '../../../src/intent/normalize.js';
import { answerExpectations, answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Round 14's rules (docs/intent.md), on wordings invented for them, hard negatives among them: a post-incident review
 * or training material that asks about its fault is answered (never passively); a review posted or a training
 * announced stays a notice.
 */
const answer = answerOverRealPlaybooks();
const { silent } = answerExpectations(answer);
// The classifier's overrules of the rules' tuned readings (src/intent/ngram-overrule.ts).
const { kept } = overruleExpectations();

describe('a post-incident review that asks', () => {
  it('is answered with the playbook or section of its fault, never passively', () => {
    const cases: Array<[string, string]> = [
      ['复盘：后台导入用户失败的根因是模板列名写错了，下次怎么避免', 'admin'],
      ['复盘一下上周的故障：oms-backend 起不来，根因是不是 ExecStart 的路径写错了？', 'service-start'],
      ['postmortem draft: the admin could not log in for two hours after the move. Is the root cause right?', 'login'],
    ];
    for (const [text, top] of cases) {
      const r = answer(text);
      expect([text, r.top, r.passive]).toEqual([text, top, false]);
    }
  });

  it('training material being written asks as well', () => {
    expect(answer('培训文档里要写清楚：gunicorn 日志里的 SIGTERM 是不是正常的').section).toBe(
      'worker-sigterm#is-it-normal',
    );
  });

  it('a review posted, a review meeting or a training announced stays a notice', () => {
    silent([
      '昨晚 OMS 接口 502 的复盘文档写好了，链接在群公告',
      '复盘会定在周五下午，大家准备一下登录故障的材料',
      'postmortem for the backend outage is up on the wiki',
      '明天下午培训 OMS 后台批量导入，地点三楼会议室',
      'MySQL 从库延迟的复盘，根因是不是大事务？',
    ]);
  });
});

describe('not coming up, in English', () => {
  it('is the unit down, typed with or without the apostrophe', () => {
    for (const text of [
      'after reboot the backend doesnt come up by itself',
      "the backend isn't coming up after the deploy",
    ])
      expect([text, answer(text).top]).toEqual([text, 'service-start']);
  });

  it('another system not coming up stays its own', () => {
    silent(['after reboot the jenkins agent doesnt come up', 'the vpn doesnt come up after the laptop sleeps']);
  });
});

describe('the network checked and found fine', () => {
  it('places nothing elsewhere: the symptom beside it is answered', () => {
    for (const text of [
      '接口 502，我查了防火墙和交换机都没丢包',
      'api 504 again, ping is fine and the switch shows no packet loss',
    ])
      expect([text, answer(text).top]).toEqual([text, 'api-not-found']);
  });

  it('the network in trouble, or another system beside it, stays another topic', () => {
    silent(['交换机丢包严重，机房网络有问题', 'harbor 504，交换机没丢包']);
  });
});

describe('a deployment tool OMS is rolled out with', () => {
  it('beside OMS’s parts is OMS’s', () => {
    expect(answer('ansible 跑 createsuperuser 报 That username is already taken').top).toBe('admin');
    expect(answer('createsuperuser 在 ansible 里第二次跑就失败了，用户名已存在').top).toBe('admin');
  });

  it('its own connection, the SSH daemon’s settings or the tool alone are another topic', () => {
    silent([
      'ansible 连不上目标机 登录失败',
      'ansible login failed on half the inventory',
      'ansible playbook 跑到一半报 unreachable',
      '有人用 ansible 批量改 sshd_config 关掉密码登录吗',
      'terraform apply 报错 403',
    ]);
  });
});

describe('systemd’s exit status told in words', () => {
  it('is the unit that cannot start, beside the tool it was copied with', () => {
    for (const text of [
      "scp'd the unit file over, daemon-reload, start -> fails with exit code 217",
      'oms-backend 启动失败，退出码 203',
    ])
      expect([text, answer(text).top]).toEqual([text, 'service-start']);
  });

  it('an HTTP status, or another system’s unit, is not it', () => {
    silent(['mysqld.service 起不来 status=217/USER', 'curl 返回 200/203 都有']);
    expect(answer('nginx 返回 status 200 但页面空白').top).not.toBe('service-start');
  });
});

describe('gunicorn’s program missing, told in prose', () => {
  it('is the unit that cannot start (203/EXEC), not gunicorn’s own errors', () => {
    const text = '刚部署完 oms-backend 过几秒就 failed，日志里说 venv/bin/gunicorn No such file';
    expect(answer(text).top).toBe('service-start');
  });

  it('another system’s missing program is not it', () => {
    silent(['celery 启动报 /opt/venv/bin/gunicorn not found']);
  });
});

describe('Taiwan’s and Hong Kong’s wording after the folding', () => {
  it('帳號 is an account, 點樣 asks how, opening one creates it', () => {
    for (const text of ['點樣開一個新嘅超級管理員帳號？', '点样开个超管', '怎么开一个超级管理员帐号'])
      expect([text, answer(text).section]).toEqual([text, 'admin#create-superuser']);
  });

  it('Cantonese particles read as Mandarin: 打唔开 is 打不开, 系咪 asks', () => {
    expect(answer('admin 后台打唔开，系咪 nginx 冇配好').top).toBe('admin');
    expect(answer('Worker was sent SIGTERM 呢句系咪正常？').section).toBe('worker-sigterm#is-it-normal');
    expect(answer('重開機之後後端就冇自己起返嚟').top).toBe('service-start');
    expect(answer('後端服務起唔到，搞唔掂').top).toBe('service-start');
  });

  it('opening a page creates nothing; another system’s account stays its own', () => {
    expect(answer('打开一个管理员账号的详情页很慢').section).toBeNull();
    silent(['gitlab 點樣開帳號', 'jira 帐号被锁了', '办公室 router 嘅 admin 界面打唔开']);
  });
});

describe('spreadsheet formulas and screens', () => {
  it('are office work, not OMS’s import or configuration', () => {
    silent([
      'Excel 的 VLOOKUP 怎么用？',
      'how do I make a pivot table from the export?',
      'What is the recommended display resolution for the new laptops?',
      '显示器分辨率推荐设多少',
    ]);
  });

  it('the import template and the recommended configuration stay OMS’s', () => {
    expect(answer('批量导入用户的 excel 模板要哪些列').section).toBe('admin#bulk-import');
    expect(answer('推荐的 nginx 配置长什么样').section).toBe('checklist#recommended-config');
  });
});

describe('哪里不对 asks what is wrong, not where something is', () => {
  it('two checks’ outputs pasted with "整体看看哪里不对" are a review of the whole, not the unit file’s place', () => {
    const text = [
      '这是 status 和 nginx -t 的输出，帮我整体看看哪里不对：',
      '● oms-backend.service - OMS Backend Gunicorn Service',
      '     Active: active (running) since Tue 2026-11-24 09:00:00 CST; 2h ago',
      'nginx: configuration file /etc/nginx/nginx.conf test is successful',
      '但是页面还是时好时坏',
    ].join('\n');
    const r = answer(text);
    expect([r.top, r.section]).toEqual(['checklist', null]);
  });

  it('where something is stays asked', () => {
    expect(answer('oms-backend 的 unit 文件在哪里').section).toBe('service-start#unit-file');
    expect(answer('admin 后台地址在哪儿').section).toBe('admin#admin-url');
  });
});

describe('a deployment tool the answer is written into', () => {
  it('is where the answer goes: the question about OMS’s configuration is answered', () => {
    expect(answer('生产环境的 .env 和 nginx 站点配置推荐怎么写？要整理成 ansible 的 role').section).toBe(
      'checklist#recommended-config',
    );
    expect(answer('what should the nginx config look like? I want to put it into an ansible template').section).toBe(
      'checklist#recommended-config',
    );
  });

  it('the tool’s own templates alone are another topic', () => {
    silent(['ansible role 的模板怎么写', 'terraform 变量文件应该长什么样']);
  });
});

describe('a customer’s formal English that names no internals', () => {
  it('the administration interface, an upload in bulk, credentials no longer accepted', () => {
    const cases: Array<[string, string]> = [
      ['Since the last release the administration interface is displayed without any styling. Please advise.', 'admin'],
      ['Since the upgrade, the system no longer accepts our administrator credentials.', 'login'],
      ['Our bulk upload of staff from a spreadsheet failed halfway through. What format is expected?', 'admin'],
    ];
    for (const [text, top] of cases) expect([text, answer(text).top]).toEqual([text, top]);
  });

  it('another vendor’s console or portal stays its own', () => {
    silent([
      'The AWS administration console no longer accepts my credentials.',
      'Our bank portal no longer accepts the bulk upload of payments. Please advise.',
    ]);
  });
});

describe('a review that asks what else, or asks to confirm', () => {
  it('is answered', () => {
    const text =
      '事后复盘：升级后 oms-backend 起不来，持续 40 分钟，根因是 unit 文件里 WorkingDirectory 写错，改进措施还要加什么';
    expect(answer(text).top).toBe('service-start');
    const en =
      'Post-incident review: after patching, the admin pages lost all their CSS for an hour. Please confirm the cause.';
    kept([[en, 'admin']]);
  });

  it('a review meeting moved, or its template looked for, stays silent', () => {
    silent([
      '復盤會議改到星期五下午三點',
      '复盘会改到几点了？',
      'the postmortem meeting moved to Friday, could you update the invite?',
    ]);
  });
});

describe('a network engineer’s tools', () => {
  it('are not names of other systems: the symptom beside them is answered', () => {
    expect(answer('traceroute 到服务器没问题，但前端登录一直转圈').top).toBe('login');
    expect(answer('mtr 看了没丢包，接口还是 502').top).toBe('api-not-found');
  });

  it('the network in trouble with nothing of OMS stays silent', () => {
    silent(['traceroute 到出口网关一直丢包', 'BGP 邻居 down 了，出口链路切到备线']);
  });
});

describe('a name in a clause said to be fine', () => {
  it('places the message nowhere else', () => {
    expect(answer('DNS 解析没问题，登录页能打开，就是点登录没反应').top).toBe('login');
  });

  it('the same name in trouble stays another topic', () => {
    silent(['DNS 解析失败，内网域名都打不开']);
  });
});

describe('an alert’s figure', () => {
  it('a success rate dropping or an error rate rising is a failure of the part it names', () => {
    expect(answer('【P1告警】OMS 前端登录成功率跌到 0%，持续 15 分钟').top).toBe('login');
    expect(answer('ALERT oms-prod: login success rate dropped below 50% for 10m').top).toBe('login');
  });

  it('another system’s alert stays silent', () => {
    silent(['【告警】支付网关成功率跌到 80%', 'ALERT payment-gw: error rate above 5%']);
  });
});

describe('material for training being written', () => {
  it('"培训用" or "for the training deck" before a question asks it', () => {
    expect(answer('培训用：新同事要怎么查看 oms-backend 服务的状态和日志？').top).toBe('service-start');
  });

  it('a training announced, or another system’s training question, stays silent', () => {
    silent(['培训用的投影仪在哪借？', '培训用：新同事怎么申请 VPN 账号？', '下周三下午 OMS 培训，记得带电脑']);
  });
});

describe('many people added at once', () => {
  it('is the bulk import', () => {
    for (const text of [
      'Could you kindly explain how we should onboard two hundred new employees at once?',
      '一次加两百个人进系统怎么弄',
    ])
      expect([text, answer(text).section]).toEqual([text, 'admin#bulk-import']);
  });

  it('another system’s group, or a count of sessions, is not', () => {
    silent(['can we add 50 users at once to the jira group?', '一次登录的人太多了 vpn 顶不住']);
  });
});

describe('a release engineer’s words', () => {
  it('a smoke test, a rollback asked, a canary are no names of other systems', () => {
    expect(answer('smoke test 挂了：GET /api/orders 返回 404，是不是 nginx 的 /api 配错了').top).toBe('api-not-found');
  });

  it('another system named beside them stays silent', () => {
    silent(['jenkins 的 smoke test 挂了，GET /health 返回 404']);
  });
});

describe('a clause said to be fine, in traditional Chinese', () => {
  it('is read after the folding: the network group’s check places nothing elsewhere', () => {
    expect(answer('網絡組確認過冇丟包，但係登入頁一直轉圈').top).toBe('login');
  });

  it('the network group’s own trouble stays theirs', () => {
    silent(['網絡組話核心交換機有丟包']);
  });
});

describe('an alert saying the unit is inactive or failed', () => {
  it('is the unit down, not an account made inactive', () => {
    expect(answer('[FIRING] OMSBackendDown: oms-backend.service inactive on oms-prod-01').top).toBe('service-start');
    expect(answer('告警：oms-backend 服务 failed').top).toBe('service-start');
  });

  it('an inactive account stays the login’s; another unit stays silent', () => {
    expect(answer('用户是 inactive 的，登录不上').top).toBe('login');
    silent(['[FIRING] zabbix-agent.service inactive on db-02']);
  });
});

describe('a manual', () => {
  it('asked about alone is a documentation question, another topic than OMS', () => {
    const texts = [
      'Is there a Japanese version of the user guide for the store staff?',
      '操作手册有没有英文版，给新员工用',
    ];
    silent(texts);
    for (const text of texts) expect([text, messageContext(normalize(text)).foreign]).toEqual([text, true]);
  });

  it('beside OMS’s parts it stays OMS’s', () => {
    expect(answer('用户按说明书在后台批量导入，结果报错').top).toBe('admin');
  });
});

describe('pinyin typed as initials', () => {
  it('reads the abbreviations of OMS’s parts and troubles in a message typed as pinyin', () => {
    const cases: Array<[string, string]> = [
      ['hdqbl zmb', 'service-start'],
      ['hd gua le', 'service-start'],
      ['cg dl bs', 'login'],
      ['jk 404 le', 'api-not-found'],
      ['fw qidong shibai', 'service-start'],
    ];
    for (const [text, top] of cases) expect([text, answer(text).top]).toEqual([text, top]);
  });

  it('leaves English chat and unknown initials alone', () => {
    silent(['the dl link is broken', 'gl hf', 'hd video for the training room is down', 'xyz qbl']);
  });
});

describe('another service named in an alert', () => {
  it('"checkout-api", "payment-service" are other systems, not OMS’s /api/', () => {
    silent(['[FIRING] HighErrorRate on checkout-api: error rate above 5%', 'payment-service 502 了']);
  });

  it('OMS’s own names and the bot’s check ids stay OMS’s', () => {
    expect(answer('nginx-api-location 这一项 fail 了，接口全 404').top).toBe('api-not-found');
    expect(answer('oms-backend.service failed，起不来').top).toBe('service-start');
  });
});

describe('nginx saying its upstream is not found, in words', () => {
  it('is the API path’s missing upstream, ahead of the whole site said down', () => {
    expect(answer('改了 nginx 配置 reload 之后 nginx -t 报 upstream 找不到，整个站都挂了').top).toBe('api-not-found');
    expect(answer('nginx -t says the upstream is not defined').top).toBe('api-not-found');
  });

  it('another system’s upstream stays silent', () => {
    silent(['redis upstream 找不到', 'harbor 的 nginx 报 upstream not found']);
  });
});

describe('an alert’s recovery notice', () => {
  it('is a problem told as solved', () => {
    silent(['【告警恢复】oms-backend.service active (running)', '[RESOLVED] oms-prod HTTP 502 on /api/']);
  });

  it('asked about with trouble going on, it is answered', () => {
    expect(answer('告警恢复了吗？登录还是失败').top).toBe('login');
  });
});

describe('Taiwan’s and a customer’s wording of login and how-to', () => {
  it('導回/重定向回 the login page is being sent back to it; a procedure asks how', () => {
    expect(answer('登入後一直被導回登入頁面').top).toBe('login');
    expect(answer('Please provide the procedure for importing our staff into the platform.').section).toBe(
      'admin#bulk-import',
    );
  });

  it('another system’s redirect stays silent', () => {
    silent(['gitlab 登入後一直被導回登入頁面']);
  });
});

describe('a firewall said not to block', () => {
  it('is a healthy clause: the symptom beside it is answered', () => {
    expect(answer('网络组说防火墙没拦，但是后台一直打不开').top).toBe('admin');
  });
});

describe('restarted several times, in a customer’s or an alert’s words', () => {
  it('is the restart loop', () => {
    const text = 'Our monitoring indicates the application service was restarted several times overnight.';
    expect(answer(text).top).toBe('service-start');
  });

  it('another system restarted several times stays silent', () => {
    silent(['the mysql replica was restarted several times overnight']);
  });
});

describe('an adjective of formal English before a component', () => {
  it('is no name of another system: "our former admin", "the existing admin page"', () => {
    expect(answer('Our former admin has left the company. How do we create a new superuser?').section).toBe(
      'admin#create-superuser',
    );
  });

  it('a system named before the component still is', () => {
    silent(['Our former keycloak admin has left. How do we create a new realm admin in keycloak?']);
  });
});

describe('a trainer’s label before the question', () => {
  it('"入职培训：…" or training material asking where is a question', () => {
    expect(answer('新同事入职培训：第一次部署完怎么建超级管理员？').section).toBe('admin#create-superuser');
    expect(answer('培训材料里要写：批量导入人员的模板从哪里下载？').section).toBe('admin#bulk-import');
  });

  it('a training asked about by time or place stays a notice', () => {
    silent(['明天的 OMS 培训几点开始？', '入职培训在哪个会议室？']);
  });
});

describe('the order to check in, and a value recommended', () => {
  it('"手工排查的顺序" is the whole’s by-hand order; "do you recommend" the recommended configuration', () => {
    expect(answer('新人手工排查的顺序是什么？从 systemd 到浏览器').section).toBe('checklist#by-hand');
    expect(answer('What configuration values do you recommend for ALLOWED_HOSTS and CORS in production?').section).toBe(
      'checklist#recommended-config',
    );
  });

  it('another system’s order or recommendation stays silent', () => {
    silent(['jenkins 流水线排查的顺序是什么', 'which laptop do you recommend for the new interns?']);
  });
});

describe('a customer asking to be given something', () => {
  it('"could you share a reference systemd unit" asks for the unit file', () => {
    const text = 'Could you share a reference systemd unit for the backend service, for our documentation?';
    expect(answer(text).section).toBe('service-start#unit-file');
  });

  it('asking another team to share something stays silent', () => {
    silent(['Could you share the slides from the quarterly review?', 'please send the reference letter to HR']);
  });
});

describe('a SYN answered by a reset', () => {
  it('is nothing listening on the port', () => {
    const r = answer('从网络侧看 8000 端口 SYN 发过去直接 RST');
    expect(['api-not-found', 'service-start']).toContain(r.top);
  });

  it('another team’s port stays silent', () => {
    silent(['从网络侧看 3306 端口 SYN 发过去直接 RST，数据库组看下']);
  });
});
