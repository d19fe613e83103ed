import { ForeignNames } from '../../../src/intent/foreign.js';

/** OMS's own words, as the playbooks and the lexicon would give them. */
const names = new ForeignNames(['gunicorn', 'nginx', 'oms-backend', 'createsuperuser', 'selinux', 'login']);
const find = (text: string, loose = false) => names.find(text, text.split('\n'), loose);

describe('ForeignNames', () => {
  it('finds an unknown name before a component, in English or Chinese', () => {
    expect(find('keycloak 登录一直 401')).toBe('keycloak');
    expect(find('gitea 的 admin 面板 404')).toBe('gitea');
    expect(find('uwsgi worker was killed by signal 9')).toBe('uwsgi');
  });

  it('finds an unknown name that opens a Chinese message or owns what follows', () => {
    expect(find('hadoop namenode oom 了')).toBe('hadoop');
    expect(find('新上的 crm 系统的接口全 404 了')).toBe('crm');
  });

  it('finds an unknown name that ends an English clause after in / on / from / using', () => {
    expect(find('how do i create a superuser in keycloak? first time using it')).toBe('keycloak');
    expect(find('users get 401 when they sign in via authentik.')).toBe('authentik');
    expect(find('login fails in chrome, works in firefox')).toBeUndefined();
    expect(find('uncaught (in promise) axioserror: request failed with status code 502')).toBeUndefined();
  });

  it('finds other units and other processes killed by the kernel', () => {
    expect(find('zabbix-agent.service 起不来')).toBe('zabbix-agent.service');
    expect(find('out of memory: killed process 1201 (mysqld)')).toBe('mysqld');
    expect(find('oms-backend.service 起不来')).toBeUndefined();
    expect(find('out of memory: killed process 4412 (gunicorn)')).toBeUndefined();
  });

  it("leaves OMS's own words, common words, typos, pinyin, paths and English clauses alone", () => {
    for (const text of [
      'gunicorn 的 worker 被杀了',
      'createsuperuser 报错',
      'gunicron worker 又挂了',
      'neicun bugou worker bei oom le',
      '用户名 lisi 已存在',
      '调用 /api/reportz/summary 返回 404',
      "登录后显示 you don't have permission to view or edit anything",
      'the login button just spins forever',
      // An English verb before a component describes it; "web UI" is the front end, not a product.
      'oom_reaper: reaped process 28811 (gunicorn)',
      'the restarted worker came back',
      'the superuser cannot log in from the web ui',
      // systemd's own description of a unit
      '● nginx.service - a high performance web server and a reverse proxy server',
    ])
      expect([text, find(text)]).toEqual([text, undefined]);
  });

  it('in loose mode (passive listening) an unknown name anywhere among Chinese characters counts', () => {
    expect(find('登录接口用 insomnia 测是 401')).toBeUndefined();
    expect(find('登录接口用 insomnia 测是 401', true)).toBe('insomnia');
  });
});

describe('ForeignNames with a vocabulary given as a function', () => {
  it('reads it on the first latin word, once, and answers as with the list', () => {
    let calls = 0;
    const lazy = new ForeignNames(() => {
      calls++;
      return ['gunicorn', 'nginx', 'oms-backend', 'createsuperuser', 'selinux', 'login'];
    });
    expect(lazy.find('超级管理员登录不上', ['超级管理员登录不上'])).toBeUndefined();
    expect(calls).toBe(0);
    expect(lazy.find('keycloak 登录一直 401', ['keycloak 登录一直 401'])).toBe('keycloak');
    expect(lazy.find('nginx 登录一直 401', ['nginx 登录一直 401'])).toBeUndefined();
    expect(calls).toBe(1);
  });
});
