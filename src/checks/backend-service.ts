import { defineCheck, type CheckStatus } from './check.js';
import { describeExit, exitCodeKind, intProperty, readUnitState, type UnitProperties } from './systemd-show.js';

/**
 * What this check asks `systemctl show` for — also what layout discovery asks (ExecStart is discovery's),
 * so the two are one command line and one run of a diagnosis sends it once (src/transport/once-per-run.ts).
 */
export const BACKEND_UNIT_PROPERTIES = [
  'LoadState,UnitFileState,ActiveState,SubState,Result',
  'ExecMainStatus,ExecMainCode,NRestarts,MainPID',
  'User,Group,WorkingDirectory,FragmentPath,ExecStart',
].join(',');
const PROPS = BACKEND_UNIT_PROPERTIES;

/** Exit statuses with their own signal and operator explanation. */
const KNOWN_EXITS: Readonly<Record<number, { signal: string; zh: string; en: string }>> = {
  217: { signal: 'exit-217-user', zh: 'User= 指定的用户不存在', en: 'the User= account does not exist' },
  200: {
    signal: 'exit-200-chdir',
    zh: 'WorkingDirectory 不存在或无法进入',
    en: 'WorkingDirectory is missing or not enterable',
  },
  203: {
    signal: 'exit-203-exec',
    zh: 'ExecStart 程序不存在或不可执行',
    en: 'the ExecStart program is missing or not executable',
  },
};

const EVIDENCE_KEYS = [
  'LoadState',
  'UnitFileState',
  'ActiveState',
  'SubState',
  'Result',
  'ExecMainCode',
  'ExecMainStatus',
  'NRestarts',
  'MainPID',
  'User',
];

/** State of the backend's systemd unit, from machine-readable properties. */
export const backendService = defineCheck({
  id: 'backend-service',
  title: '后端服务状态',
  titleEn: 'Backend service state',
  signals: {
    active: 'the unit is active (running)',
    inactive: 'the unit is stopped (inactive/dead)',
    failed: 'the unit is in the failed state',
    'restart-loop': 'the unit keeps failing and systemd keeps restarting it (activating/auto-restart)',
    'not-found': 'the unit is not installed (LoadState=not-found)',
    'exit-217-user': 'the main process failed with 217/USER (User= does not exist)',
    'exit-200-chdir': 'the main process failed with 200/CHDIR (WorkingDirectory missing)',
    'exit-203-exec': 'the main process failed with 203/EXEC (ExecStart not executable)',
    'exit-other': 'the main process failed with another nonzero status while the unit is not active',
    'restarting-often': 'systemd restarted the unit 3 times or more (NRestarts ≥ 3)',
    disabled: 'the unit is not enabled to start at boot (UnitFileState=disabled)',
  },
  commands: (target) => [{ argv: ['systemctl', 'show', target.service, '-p', PROPS], timeoutMs: 8000 }],
  interpret: ([show], target) => {
    const state = readUnitState(show, target.service);
    return 'observation' in state ? state.observation : interpretProps(state.props, target.service);
  },
});

function interpretProps(props: UnitProperties, service: string) {
  const active = props.ActiveState ?? '';
  const sub = props.SubState ?? '';
  const load = props.LoadState ?? '';
  const unitFileState = props.UnitFileState ?? '';
  const execStatus = intProperty(props, 'ExecMainStatus');
  const execKind = exitCodeKind(intProperty(props, 'ExecMainCode'));
  const nRestarts = intProperty(props, 'NRestarts');
  const result = props.Result ?? '';
  const facts = {
    loadState: load || null,
    unitFileState: unitFileState || null,
    activeState: active,
    subState: sub || null,
    result: result || null,
    execMainStatus: execStatus,
    exit: execStatus !== null && execStatus !== 0 ? describeExit(execStatus, execKind) : null,
    nRestarts,
    mainPid: intProperty(props, 'MainPID'),
    user: props.User ?? null,
    group: props.Group ?? null,
    workingDirectory: props.WorkingDirectory ?? null,
    fragmentPath: props.FragmentPath ?? null,
  };
  const evidence = EVIDENCE_KEYS.filter((k) => props[k] !== undefined)
    .map((k) => `${k}=${props[k]}`)
    .join('\n');
  const state = `${active}${sub ? `/${sub}` : ''}`;

  if (load === 'not-found') {
    return {
      status: 'fail' as CheckStatus,
      summary: `服务 ${service} 未安装 / unit ${service}.service is not installed (LoadState=not-found)`,
      evidence,
      facts,
      signals: ['not-found'],
    };
  }

  const signals: string[] = [];
  let status: CheckStatus;
  let zh: string;
  let en: string;
  const isActive = active === 'active' || active === 'reloading';
  if (isActive) {
    signals.push('active');
    status = 'ok';
    zh = '后端服务正在运行';
    en = `backend service is running (${state})`;
  } else if (active === 'failed') {
    signals.push('failed');
    status = 'fail';
    zh = '后端服务已失败';
    en = `backend service has failed (${state}${result ? `, Result=${result}` : ''})`;
  } else if (active === 'activating' && sub === 'auto-restart') {
    signals.push('restart-loop');
    status = 'fail';
    zh = '后端服务反复启动失败';
    en = `backend service keeps failing and restarting (${state})`;
  } else if (active === 'inactive') {
    signals.push('inactive');
    status = 'fail';
    zh = '后端服务未运行';
    en = `backend service is not running (${state})`;
  } else if (active === 'activating' || active === 'deactivating') {
    status = 'warn';
    zh = active === 'activating' ? '后端服务正在启动' : '后端服务正在停止';
    en = `backend service is ${active === 'activating' ? 'starting' : 'stopping'} (${state})`;
  } else {
    return {
      status: 'error' as CheckStatus,
      summary: `未知的服务状态 / unknown ActiveState "${active.slice(0, 40)}"`,
      evidence,
      facts,
      signals: [],
    };
  }

  if (!isActive && execStatus !== null && execStatus !== 0) {
    const known = execKind === 'killed' || execKind === 'dumped' ? undefined : KNOWN_EXITS[execStatus];
    const label = describeExit(execStatus, execKind);
    if (known) {
      signals.push(known.signal);
      zh += `：${known.zh} (${label})`;
      en += `: ${label}, ${known.en}`;
    } else if (execKind === 'exited' || execKind === 'unknown' || result !== 'success') {
      // A stop by SIGTERM with Result=success is a clean stop, not a failure.
      signals.push('exit-other');
      zh += `：主进程异常退出 (${label})`;
      en += `: main process ended with ${label}`;
    }
  }
  if (nRestarts !== null && nRestarts >= 3) {
    signals.push('restarting-often');
    if (status === 'ok') status = 'warn';
    zh += `，已重启 ${nRestarts} 次`;
    en += `, restarted ${nRestarts} times`;
  }
  if (unitFileState === 'disabled') {
    signals.push('disabled');
    if (status === 'ok') status = 'warn';
    zh += '，未设置开机自启';
    en += ', not enabled at boot (disabled)';
  }
  return { status, summary: `${zh} / ${en}`, evidence, facts, signals };
}
