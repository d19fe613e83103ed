import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 12's rules (docs/intent.md), on wordings invented for them, hard negatives among them: another team's site
 * said not to be ours without a comma; package mirrors, file shares and a mailbox are other systems; node's heap
 * running out while building is not gunicorn's; a weekly report the problem is written into is no office chatter.
 */
const answer = answerOverRealPlaybooks();
const { silent } = answerExpectations(answer);

describe('another team’s site, said not to be ours', () => {
  it('offers nothing, with or without a comma before it', () => {
    silent([
      '市场部那个官网的 nginx 报 404，他们让我看看 不是我们的系统',
      '财务组那个门户 nginx 502 了 不是我们的oms',
      '帮忙看下人事的门户网站登录不上，不是我们的网站',
    ]);
  });

  it('asking whether it is ours still answers', () => {
    expect(answer('后台 nginx 404，是不是我们的 oms 的问题').offered).toContain('admin');
    expect(answer('是不是我们的oms挂了，登录不上').offered).toContain('login');
  });
});

describe('a package mirror, a file share, a mailbox', () => {
  it('down or refusing is another system', () => {
    silent([
      'apt update 卡住了 是不是源挂了',
      'pip 源是不是挂了，装包一直超时',
      '公司软件源挂了吗 dnf 装不上',
      'yum repolist 报错 内网源连不上',
      'samba 共享文件夹访问被拒绝',
      'nas 挂了吗 共享盘打不开',
      'ftp 登录不上 530',
      '邮箱被锁了怎么解',
      '邮箱账号被冻结了 找谁解锁',
    ]);
  });

  it('the upgrade that broke OMS’s unit, or a user’s e-mail column, stays OMS’s', () => {
    expect(answer('yum update 之后 oms-backend 起不来了').top).toBe('service-start');
    expect(answer('apt update 之后后端起不来了').top).toBe('service-start');
    expect(answer('导入员工的时候邮箱必填吗').section).toBe('admin#bulk-import');
  });
});

describe('node’s heap running out while building', () => {
  it('is not gunicorn’s workers', () => {
    silent(['webpack 打包的时候 JavaScript heap out of memory', 'node 构建 OOM 了，加了 --max-old-space-size=4096']);
  });

  it('a worker killed for memory stays the workers’', () => {
    for (const text of ['gunicorn 的 worker 被 oom kill 了', '后端 worker 内存溢出 被杀了'])
      expect([text, answer(text).top]).toEqual([text, 'worker-sigterm']);
  });
});

describe('a weekly report the problem is written into', () => {
  it('is still the question asked', () => {
    for (const text of [
      'reload 之后日志里一堆 SIGTERM 这个要写进周报吗',
      'SIGTERM 这种日志算不算故障，要不要记到日报里',
    ])
      expect([text, answer(text).section]).toEqual([text, 'worker-sigterm#is-it-normal']);
  });

  it('the weekly report alone is office chatter', () => {
    silent(['周报模板谁发我一下', '这周周报写了吗']);
  });
});

describe('every item checked', () => {
  it('各项 and 每项 ask for the whole', () => {
    for (const text of ['发版之后各项检查都跑一下', '每项都检查一遍吧', '所有东西都查一遍'])
      expect([text, answer(text).top]).toEqual([text, 'checklist']);
  });

  it('all of one part’s pages or lists is that fault’s extent, not the whole', () => {
    for (const text of ['客户说所有数据列表都加载不出来，F12 看是 502', '所有列表都转圈 接口 504'])
      expect([text, answer(text).top]).toEqual([text, 'api-not-found']);
  });

  it('in another system offers nothing', () => {
    silent(['jenkins 的各项检查都跑一下', 'mysql 所有表都查一遍']);
  });
});

describe('a vendor’s, an outsourced or another team’s own system', () => {
  it('offers nothing', () => {
    silent([
      'HR 系统批量导入员工报模板格式错误',
      '供应商的平台登录 500',
      '外包那边的后台登录报 403',
      '数据中台接口 502，他们自己在查',
      '测试组搭的 django 后台 admin 进不去',
      '同事的 mac 上 brew 装 nginx 起不来',
      'the staging nginx of the mobile team keeps 404ing on /api/',
      'the package mirror is down, apt update fails',
    ]);
  });

  it('suppliers as OMS’s own data stay OMS’s', () => {
    expect(answer('供应商列表加载不出来 接口 502').top).toBe('api-not-found');
    expect(answer('后台导入供应商账号报错').top).toBe('admin');
  });
});

describe('another company unit’s, a customer’s own, a print service, a private registry', () => {
  it('offers nothing', () => {
    silent([
      '不是我们这边的系统，他们的 nginx 配错了 404',
      '别的事业部的 django 后台 502 了',
      '子公司那套 oms 登录不上，他们自己维护的',
      '客户那边自建的 nginx 502',
      '打印服务挂了，打不出单子',
      '电源挂了 机器重启',
      '监控大屏的 nginx 502，运维在看',
      '考试系统登录页 404 了',
      'npm 私服登录不上',
    ]);
  });

  it('a report relayed from them, or ours said not to be the network, stays OMS’s', () => {
    expect(answer('集团那边反馈后台登录不上').top).toBe('login');
    expect(answer('客户那边反馈接口 502').top).toBe('api-not-found');
    expect(answer('不是我们这边的网络问题，后端确实起不来').top).toBe('service-start');
  });
});

describe('someone else’s system', () => {
  it('offers nothing', () => {
    silent(["someone else's django admin on 10.0.5.9 has no css", '别人的项目 admin 没样式']);
  });

  it('someone else having changed OMS’s nginx stays OMS’s', () => {
    expect(answer('someone else changed the nginx config and now /api/ is 404').top).toBe('api-not-found');
    expect(answer('别人改了 nginx 配置之后接口 404').top).toBe('api-not-found');
  });
});
