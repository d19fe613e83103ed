import { describe, it } from '@jest/globals';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * Round 24, OMS's reports placed elsewhere (docs/intent.md, "Round 24: r24ctx"): a Windows thing named as the
 * comparison (src/intent/comparison.ts), OMS reached by another address or on its own gray-release node
 * (src/intent/other-address.ts), a letter's weekday (src/intent/placement.ts), `netstat -p`'s program column
 * (src/intent/context.ts); and a spreadsheet macro's import button (src/intent/office-errands.ts). Windows' own
 * trouble, another system's gray release, Remote Desktop's own trouble stay silent.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops } = answerExpectations(answer);

describe('OMS compared with what a Windows administrator knows', () => {
  it('is OMS’s trouble', () => {
    tops([
      ['backend-error.log 里老有 worker 被 SIGTERM，跟 IIS 应用程序池回收是不是一回事？', 'worker-sigterm'],
      ['is the worker SIGTERM in the backend log like IIS application pool recycling?', 'worker-sigterm'],
      ['admin 登录老是提示密码错误，会不会像 AD 那样输错几次账号就锁了', 'login'],
      ['IIS 里我会去看 web.config 的重写规则，这边接口 404 应该看 nginx 哪个配置', 'api-not-found'],
      ['在 windows 上我习惯用 services.msc 看服务状态，这边后端服务一直起不来', 'service-start'],
      ['跟 Windows 服务一样能设置失败后自动重启吗？后端服务挂了不会自己起来', 'service-start'],
    ]);
  });

  it('Windows’ own trouble stays silent', () => {
    silent([
      'IIS 应用程序池老是自动回收，跟内存限制是不是一回事',
      'AD 账号输错几次就被锁定了，怎么解锁',
      'IIS 上我都是默认配置，现在站点 500 了',
      'services.msc 里 SQL Server 服务起不来，错误 1069',
      'like IIS, does Apache have application pools?',
      'Windows 服务设置失败后自动重启在哪配',
      '任务管理器里 w3wp 进程 CPU 很高，跟 IIS 应用程序池有关吗',
    ]);
  });
});

describe('OMS reached by another address', () => {
  it('is OMS’s trouble', () => {
    tops([
      ['服务器 IP 改了以后前端登录就一直失败，网络组那边调整了网段', 'login'],
      ['远程桌面连到服务器上用 localhost 能登录，用 IP 从我电脑上访问就登录失败', 'login'],
      ['灰度机器上登录一直失败，另一台正常，装的同一个版本', 'login'],
      ['这次灰度新加的机器后端服务起不来，另外一台没问题，同一个升级包', 'service-start'],
      [
        'Dear Sir or Madam, since Tuesday our staff have been unable to log in with the superuser account. Kindly advise.',
        'login',
      ],
    ]);
  });

  it('Remote Desktop’s own trouble, another system’s gray release stay silent', () => {
    silent([
      '客户那台 windows server 远程桌面登录不了，提示超出最大允许连接数',
      '远程桌面连到服务器上老是断，登录一下就掉线',
      '网络组重新规划了网段以后，打印机连不上了',
      '支付服务的灰度节点接口 502，另一台正常，同一个包',
      '灰度发布和金丝雀发布有什么区别',
    ]);
  });
});

describe('a spreadsheet macro’s import button', () => {
  it('is the office’s tool, not OMS’s bulk import', () => {
    silent([
      '人事那个 Excel 宏，点导入员工按钮就弹运行时错误 1004',
      'HR 的 VBA 宏里点导入员工按钮报错',
      'the Excel macro for importing employees throws run-time error 1004',
    ]);
  });
});
