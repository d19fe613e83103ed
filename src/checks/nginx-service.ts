import { defineCheck, type CheckStatus } from './check.js';
import { excerpt } from './output.js';
import { readUnitState } from './systemd-show.js';

/** State of the nginx unit in front of the backend. */
export const nginxService = defineCheck({
  id: 'nginx-service',
  title: 'nginx 服务状态',
  titleEn: 'nginx service state',
  signals: {
    active: 'nginx is active (running)',
    inactive: 'nginx is stopped (inactive/dead)',
    failed: 'nginx is in the failed state (often a config error at start)',
    'not-found': 'the nginx unit is not installed (LoadState=not-found)',
  },
  commands: (target) => [
    {
      argv: ['systemctl', 'show', target.nginxService, '-p', 'LoadState,ActiveState,SubState,Result'],
      timeoutMs: 8000,
    },
  ],
  interpret: ([res], target) => {
    const read = readUnitState(res, target.nginxService, { lines: 6, chars: 600 });
    if ('observation' in read) return read.observation;
    const props = read.props;
    const active = props.ActiveState ?? ''; // readUnitState guarantees it is present
    const sub = props.SubState ?? '';
    const result = props.Result ?? '';
    const state = `${active}${sub ? `/${sub}` : ''}`;
    const facts = {
      loadState: props.LoadState ?? null,
      activeState: active,
      subState: sub || null,
      result: result || null,
    };
    const evidence = ['LoadState', 'ActiveState', 'SubState', 'Result']
      .filter((k) => props[k] !== undefined)
      .map((k) => `${k}=${props[k]}`)
      .join('\n');
    const name = target.nginxService;
    const out = (status: CheckStatus, zh: string, en: string, signals: string[]) => ({
      status,
      summary: `${zh} / ${en}`,
      evidence,
      facts,
      signals,
    });
    if (props.LoadState === 'not-found')
      return out('fail', `${name} 服务未安装`, `unit ${name}.service is not installed`, ['not-found']);
    switch (active) {
      case 'active':
      case 'reloading':
        return out('ok', `${name} 正在运行`, `${name} is running (${state})`, ['active']);
      case 'failed':
        return out(
          'fail',
          `${name} 已失败`,
          `${name} has failed (${state}${result ? `, Result=${result}` : ''}); check \`nginx -t\``,
          ['failed'],
        );
      case 'inactive':
        return out('fail', `${name} 未运行`, `${name} is not running (${state})`, ['inactive']);
      case 'activating':
      case 'deactivating':
        return out(
          'warn',
          `${name} 正在${active === 'activating' ? '启动' : '停止'}`,
          `${name} is ${active} (${state})`,
          [],
        );
      default:
        return {
          status: 'error',
          summary: `未知的 nginx 状态 / unknown ActiveState "${active.slice(0, 40)}"`,
          evidence: excerpt(evidence, 6, 400),
          facts,
          signals: [],
        };
    }
  },
});
