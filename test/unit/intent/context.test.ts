import { messageContext } from '../../../src/intent/context.js';
import { normalize } from '../../../src/intent/normalize.js';

const ctx = (text: string) => messageContext(normalize(text));

describe('messageContext', () => {
  it('reads a problem told as solved, undone or apologised for as an announcement', () => {
    for (const text of [
      'OMS 的 502 是我昨天改 nginx 搞的，已经回滚了，抱歉大家',
      '昨天后台打不开是我改配置搞的，已经改回去了',
      'the login issue was a CORS typo, rolled back, sorry for the noise',
      '刚才那个 502 是误报，请忽略',
      '明天下午两点培训，讲 OMS 批量导入用户，会议室 3A',
      '昨晚 OMS 接口 502 的复盘文档写好了，链接在群公告',
      'thanks all, the admin page is back, it was the static path',
      '后台样式丢失那个问题是 collectstatic 没跑，已处理',
    ])
      expect([text, ctx(text).notice]).toEqual([text, true]);
  });

  it('is no announcement when trouble goes on after the fix, or when it comes and goes', () => {
    for (const text of [
      '已经回滚了，但是还是 502',
      'rolled back but login still fails',
      '接口偶尔 504，刷新一下又好了',
    ])
      expect([text, ctx(text).notice]).toEqual([text, false]);
  });

  it('places another team machine or system, a remote desktop and a jump host elsewhere', () => {
    for (const text of [
      '数据组那台 10.2.3.4 的 nginx reload 报 duplicate upstream',
      '应该不是我们的机器吧',
      "the HR system's bulk import fails",
      '客户那台 windows server 远程桌面登录不了',
      'how do I reset the root password on the jump host?',
      '监控大屏的登录页 404 了，那个是运维组的',
      'apache 的 mod_proxy 报 503 service unavailable',
      'my local django runserver says port 8000 already in use',
    ])
      expect([text, ctx(text).other]).toEqual([text, true]);
  });

  it('tells things every server has (数据库, 机房, monitoring) from other systems by name', () => {
    expect(ctx('刚部署完数据库是空的')).toMatchObject({ foreign: true, other: true, sharedOnly: true });
    expect(ctx('监控平台告警了')).toMatchObject({ other: true, sharedOnly: true });
    expect(ctx('mysql 数据库主从延迟').sharedOnly).toBeUndefined();
    // A unit file written on Windows, a browser's user agent: no other system.
    expect(ctx('unit 文件是在 windows 上写好传上去的').other).toBe(false);
  });
});
