import { limitViolations } from '../../../src/render/limit-violations.js';
import { choicesMessage, howtoMessage, noMatchMessage } from '../../../src/render/intent.js';

const json = (x: unknown) => JSON.stringify(x);

describe('intent answers as Block Kit', () => {
  it('choices: a numbered line with the reason per playbook, one button each, within limits', () => {
    const m = choicesMessage(
      [
        { id: 'api-not-found', title: 'API 404', reason: '提到 / mentions 接口 / API + 502' },
        { id: 'service-start', title: 'Service', reason: '说法相近 / close to "启动失败"' },
      ],
      [
        { text: 'Diagnose api-not-found', actionId: 'oms_run_diagnosis_api-not-found', value: '{}' },
        { text: 'Diagnose service-start', actionId: 'oms_run_diagnosis_service-start', value: '{}' },
      ],
    );
    expect(m.message.text).toContain('Did you mean');
    expect(json(m.message.blocks)).toMatch(/1\. \*API 404\* \(`api-not-found`\) — 提到/);
    expect(json(m.message.blocks)).toMatch(/2\. \*Service\*/);
    expect(limitViolations(m.message)).toEqual([]);
  });

  it('escapes and redacts what it echoes', () => {
    const m = choicesMessage([{ id: 'x', title: '<!channel> *bold*', reason: 'password=hunter2' }], []);
    expect(json(m.message.blocks)).not.toContain('<!channel>');
    expect(json(m.message.blocks)).not.toContain('hunter2');
  });

  it('how-to: the section as mrkdwn, where it comes from, and extra buttons', () => {
    const m = howtoMessage(
      { id: 'admin', title: '管理后台' },
      {
        title: '创建超级管理员 / Creating a superuser',
        markdown: '```bash\npython manage.py createsuperuser\n```\n\nThen **log in**.',
      },
      [{ text: 'Get the template', actionId: 'users_template', value: 'prod' }],
    );
    const text = json(m.message.blocks);
    expect(text).toContain('python manage.py createsuperuser');
    expect(text).toContain('*log in*');
    expect(text).toContain('/oms show admin');
    expect(text).toContain('users_template');
    expect(limitViolations(m.message)).toEqual([]);
  });

  it('no match: every playbook listed, and what to do next', () => {
    const m = noMatchMessage([
      { id: 'login', title: '登录', titleEn: 'Login' },
      { id: 'admin', title: '后台', titleEn: 'Admin' },
    ]);
    expect(json(m.message.blocks)).toMatch(/`login` 登录 \/ Login[\s\S]*`admin`/);
    expect(json(m.message.blocks)).toContain('/oms diagnose <id>');
  });

  it('no match: the nearest playbooks first with their reason, the rest after, a button each', () => {
    const m = noMatchMessage(
      [
        { id: 'login', title: '登录', titleEn: 'Login' },
        { id: 'admin', title: '后台', titleEn: 'Admin' },
      ],
      [{ id: 'admin', title: '后台', reason: '说法相近 / close to "admin 打不开"' }],
      [
        { text: 'Diagnose admin', actionId: 'oms_run_diagnosis_admin', value: '{}' },
        { text: 'Diagnose login', actionId: 'oms_run_diagnosis_login', value: '{}' },
      ],
    );
    const text = json(m.message.blocks);
    expect(text).toMatch(/nearest:\\n• \*后台\* \(`admin`\) — 说法相近[\s\S]*`login` 登录/);
    expect(text.match(/`admin`/g)).toHaveLength(1);
    expect(text).toMatch(/oms_run_diagnosis_admin[\s\S]*oms_run_diagnosis_login/);
    expect(limitViolations(m.message)).toEqual([]);
  });
});
