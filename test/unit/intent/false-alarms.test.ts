import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * False alarms (docs/intent.md, "False alarms"): questions on other topics that share one word with a how-to
 * section or a playbook, on wordings invented for them, each beside a question of OMS's own with the same word.
 */
const answer = answerOverRealPlaybooks();
const { silent, sections } = answerExpectations(answer);

describe('a batch of files, a code review, a licence', () => {
  it('is another topic: no section, no playbook', () => {
    silent([
      '帮忙 review 一下 merge request，改了导出页面的样式',
      '怎么用 python 批量重命名文件',
      'any quick way to batch-rename the photos in a folder?',
      'Windows Server 的授权快过期了找谁续费',
      'Office 激活码谁有',
      'the SSL certificate for the intranet wiki expires next week, who renews it?',
      'wps 表格里身份证号显示成科学计数法怎么办',
    ]);
  });

  it('the bulk import of people keeps its section', () => {
    sections([
      ['批量导入用户的模板在哪', 'admin#bulk-import'],
      ['导入后台的表格有 200 人，怎么批量导进去', 'admin#bulk-import'],
    ]);
    expect(answer('后台批量导入人员失败').top).toBe('admin');
  });
});

describe('who issues a paper', () => {
  it('is not whom to turn to when stuck', () => {
    silent(['在职证明找谁开', '离职证明找谁盖章', '门禁卡丢了找谁补', 'who is the contact for facilities']);
  });

  it('whom to turn to, in characters or pinyin, stays the support section', () => {
    sections([
      ['搞不定了找谁？要发哪些日志', 'checklist#support'],
      ['gaobuding zhao shei', 'checklist#support'],
      ['who do I contact if none of this works, and what do I send', 'checklist#support'],
    ]);
  });
});

describe('security questions and other teams', () => {
  it('a question of risk or compliance names no fault', () => {
    silent([
      '关闭 firewalld 会不会有安全隐患',
      'is it safe to disable SELinux on the jump host?',
      '等保测评要准备哪些材料',
    ]);
  });

  it("another team's or project's server is theirs, in English and in Chinese", () => {
    silent([
      "marketing team's nginx returns 403 for their landing page, separate project",
      '客户的 tomcat 报 502，跟我们 oms 不是一台机器',
      '这台的 nginx 报 404，跟 OMS 不是一套，帮忙看看 location 怎么写',
    ]);
  });

  it('our own nginx or SELinux in trouble is still answered', () => {
    expect(answer('OMS 的 nginx 转发 /api 报 502，后端 8000 没在听').top).toBe('api-not-found');
    expect(answer('selinux 拦了 nginx 连 127.0.0.1:8000，接口全 502').offered).toContain('api-not-found');
  });
});

describe('office work, desktop programs and side projects', () => {
  it('share a word with a section but are not OMS', () => {
    silent([
      '手机通讯录怎么批量导入',
      '淘宝后台怎么批量上架商品',
      '快递单号怎么批量查询',
      'python 里怎么批量读取 excel 文件',
      'where do I find the expense report template',
      'Is there a template for the quarterly report?',
      'who do I contact about my payslip',
      '电脑一直自动重启怎么办',
      '新电脑配置怎么选',
      '怎么设置开机自启动 QQ',
      'word 文档里的目录怎么自动生成',
      'postman 的环境变量怎么导入',
      'how do I import a csv into google sheets',
      '高德地图 API key 怎么申请',
      '学习 nginx 有什么好的书推荐',
      "my home server's nginx gives 404 for every page, any idea",
      'ansible 批量推公钥怎么写',
      'shell 里怎么批量 kill 进程',
      'our kiosk app keeps restarting every few minutes',
      'anyone know how to restart the coffee machine lol',
      '怎么把 pdf 转成 excel',
      'Teams 登录一直转圈',
      '供应商平台登录不了',
      '学校的教务系统登录不了',
      '电脑密码过期了怎么改',
      'my laptop password expired, how do I change it',
      'who can reset my okta password',
      'my slack account was deactivated',
    ]);
  });

  it("OMS's own import, start at boot and configuration keep their sections", () => {
    sections([
      ['有没有 excel 导入的办法', 'admin#bulk-import'],
      ['开机自启怎么设置', 'service-start#setup'],
      ['批量导入用户的模板在哪', 'admin#bulk-import'],
    ]);
    expect(answer('用 postman 调登录接口返回 401').top).toBe('login');
    expect(answer('can you reset his password, he forgot it').section).toBe('login#reset-password');
    expect(answer('跑批量计算的那个接口跑到一半 gunicorn worker 就没了，日志里是 sent SIGKILL').top).toBe(
      'worker-sigterm',
    );
    expect(answer('gunicorn worker 被 kill 了，dmesg 里有 oom').top).toBe('worker-sigterm');
  });
});

describe('the invented unrelated questions (test/fixtures/intent/other-topics.txt)', () => {
  it('are none of them answered, nor replied to passively', () => {
    const file = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/intent/other-topics.txt');
    const texts = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(texts.length).toBeGreaterThanOrEqual(250);
    silent(texts);
  });
});
