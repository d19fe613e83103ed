import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 21, false alarms (docs/intent.md, "Round 21: r21fa"): an infrastructure administrator's consoles, a SQL
 * review platform's users, a hotline agent's callers' phones and PCs, a site another vendor built, the desk's reply
 * scripts and the shop floor's standards share OMS's words (admin 被锁, 502, 内存不足, 批量导入, 标准) but are not OMS
 * (src/intent/consoles-and-callers.ts). The same words about OMS stay answered.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);

describe("an infrastructure administrator's consoles", () => {
  it('are not OMS: hypervisors, storage arrays, management boards', () => {
    silent([
      '存储阵列的管理界面登录不上，提示用户被锁定',
      '华为存储的 DeviceManager 超级管理员密码过期了怎么办',
      'vSphere client shows 503 Service Unavailable after upgrading vCenter',
      'cunchu zhenlie guanli jiemian denglu bu shang',
      'the iLO web console says invalid login for Administrator, how to reset it',
    ]);
  });

  it('OMS on a virtual machine or after a storage fault keeps its answer', () => {
    tops([
      ['vCenter 上那台 OMS 虚拟机迁移以后，页面 /api 全是 502', 'api-not-found'],
      ['存储恢复以后 OMS 后端服务起不来了', 'service-start'],
      ['OMS 管理界面登录不上，提示用户被锁定', 'login'],
    ]);
    sections([['OMS 的 admin 输错几次密码被锁了，多久自动解锁', 'login#reset-password']]);
  });
});

describe("another tool's users and another vendor's site", () => {
  it('are not OMS', () => {
    silent([
      'Yearning 能不能批量导入用户',
      'can Yearning import users from a csv?',
      "Caller says their online shop's admin panel, built by another company, shows 502 Bad Gateway. Do we handle that?",
      'Customer asks why their website hosted by a different vendor cannot log in. Is it our product?',
    ]);
  });

  it("OMS's own import and a caller's OMS report keep their answer", () => {
    sections([['OMS 能不能批量导入用户？开发组几十个人要开账号', 'admin#bulk-import']]);
    tops([['Caller says the OMS web page returns 502 Bad Gateway on every page', 'api-not-found']]);
  });
});

describe("a caller's phone or PC, the desk's scripts, the shop floor's standards", () => {
  it('are not OMS', () => {
    silent([
      '客户问手机内存不够是不是要换手机',
      '电脑老是提示内存不足，打开 excel 就卡死',
      'phone keeps saying storage full and apps crash, customer asks if she should buy a new phone',
      '5S检查的标准有哪些',
      'ISO9001 审核需要准备哪些检查清单',
      '安全生产检查的标准有哪些',
      '话术库里“催单”的标准回复能发我一份吗',
      '客户投诉升级的话术模板在哪里',
    ]);
  });

  it("OMS's memory, a phone used to open OMS, an audit of OMS and OMS's standards keep their answer", () => {
    tops([
      ['服务器内存不足，gunicorn worker 被 OOM 杀了', 'worker-sigterm'],
      ['客户在手机上登录 OMS 一直提示密码错误', 'login'],
      ['内审要我们解释后端日志里 worker 被 SIGTERM 的记录', 'worker-sigterm'],
      ['客户打了热线说 OMS 登录提示密码错误，话术里没这个情况', 'login'],
      ['后端日志里有 OOM，worker 被 SIGTERM 了', 'worker-sigterm'],
      ['customer says on her phone the OMS login fails with Network Error', 'login'],
      ['客户电脑上打开 OMS 后台是 404', 'admin'],
      ['用户导入以后，新用户在手机上登录不了 OMS', 'login'],
    ]);
    sections([
      ['OMS 生产环境推荐的配置有哪些', 'checklist#recommended-config'],
      ['等保测评要看 OMS 的推荐配置，标准是哪些', 'checklist#recommended-config'],
      ['OMS 的管理界面地址是多少', 'admin#admin-url'],
      ['安全上不想用 root 跑 gunicorn，unit 文件里 User 写什么', 'service-start#unit-file'],
    ]);
  });
});

/**
 * Round 21, how-to sections: the order of checks asked ("先看哪个后看哪个", "一项一项地查"), what to hand the second line
 * ("升二线，需要客户提供哪些日志"), the user the service runs as and what a unit holds, in pinyin too
 * (src/intent/lexicon-questions.ts, lexicon-requests.ts, lexicon-server.ts). Held here, not in probes.jsonl: retrained
 * with them, the classifier moved rules tests at its margin (round14-test-rules.test.ts).
 */
describe('how-to questions of round 21', () => {
  it('are answered with their section', () => {
    sections([
      ['OMS 有问题的时候应该按什么顺序一项一项地查', 'checklist#by-hand'],
      ['系统出问题了，先看哪个后看哪个比较好', 'checklist#by-hand'],
      ['OMS 整个不好用了，我想挨个排查，先查什么再查什么', 'checklist#by-hand'],
      ["what's the order to check things when OMS acts up? step by step", 'checklist#by-hand'],
      ['OMS 坏了要逐项检查的话顺序是怎样的', 'checklist#by-hand'],
      ['这个问题我处理不了要升二线，需要客户提供哪些日志', 'checklist#support'],
      ['转二线之前要收集哪些日志和截图', 'checklist#support'],
      ['要升级到二线的话得准备什么信息', 'checklist#support'],
      ['before escalating to second line, what logs should the customer provide?', 'checklist#support'],
      ['lianxi zhichi yao tigong sha xinxi', 'checklist#support'],
      ['联系技术支持要提供啥信息', 'checklist#support'],
      ['unit 文件里应该用哪个用户跑 gunicorn', 'service-start#unit-file'],
      ['gunicorn 应该用什么用户运行？不想用 root', 'service-start#unit-file'],
      ['which user should the backend service run as in the unit file?', 'service-start#unit-file'],
      ['unit 文件里 User 应该填啥', 'service-start#unit-file'],
      ['oms-backend.service 里面该写啥', 'service-start#unit-file'],
      ['oms-backend.service limian gai xie shenme', 'service-start#unit-file'],
    ]);
  });

  it('their words elsewhere are not OMS, and OMS reports keep their answer', () => {
    silent([
      '报销单要按什么顺序一项一项填',
      '面试的时候先问哪个后问哪个比较好',
      '二线城市的房价是不是要升了',
      '周报需要提供哪些截图',
      '我家路由器的 admin 用户应该填啥',
      '先吃饭后开会还是先开会后吃饭',
    ]);
    tops([
      ['超管登录失败，要不要升二线', 'login'],
      ['后端起不来，journalctl 看到 217/USER，User 那一行是 oms', 'service-start'],
      ['登录不了，页面也打不开，接口也 502，全挂了', 'checklist'],
    ]);
  });
});

/**
 * Round 21, an automation engineer's how-to questions: a CI or deployment tool the answer is to run in or be written
 * into ("放到 jenkins 里非交互执行", "做成一个 jenkins 的一键 job", "ansible 的 j2 模板", "password from a Jenkins
 * credential") is where the answer goes (src/intent/heard-by.ts); the tool's own builds, templates and secrets stay
 * its own.
 */
describe('a tool the answer goes into', () => {
  it('leaves the question its section', () => {
    sections([
      ['createsuperuser 怎么放到 jenkins 里非交互执行', 'admin#create-superuser'],
      [
        'how do I create the superuser from an ansible playbook without the prompt, password from ansible vault?',
        'admin#create-superuser',
      ],
      ['超管账号想在 jenkins 里自动创建，密码从 jenkins 的凭据里取，怎么写', 'admin#create-superuser'],
      ['超管密码忘了怎么重置？想写进 ansible 里以后直接跑', 'login#reset-password'],
      ['how to reset the admin password from a script? it will go into a jenkins job', 'login#reset-password'],
      ['想把重启加看状态加看日志的快速修复命令做成一个 jenkins 的一键 job', 'checklist#quick-fixes'],
      ['生产的 .env 推荐怎么配，要做成 ansible 的 j2 模板', 'checklist#recommended-config'],
      [
        "what's the recommended .env for prod? turning it into a jinja2 template for ansible",
        'checklist#recommended-config',
      ],
    ]);
  });

  it("the tool's own trouble stays the tool's", () => {
    silent([
      'jenkins 里构建一直失败，报 npm ERR',
      'ansible 的 j2 模板里 for 循环怎么写',
      'jenkins 的凭据怎么批量导入',
      'jenkins job 一直卡在 pending',
      'ansible vault 的密码忘了怎么办',
      'how to reset the jenkins admin password',
      '在 jenkins 里跑 npm build 一直失败',
      '在 ansible 里跑 yum install 超时',
      '从 jenkins 的凭据里取不出来 ssh key',
    ]);
  });
});
