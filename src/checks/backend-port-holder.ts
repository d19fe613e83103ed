import type { Target } from '../config/target.js';
import type { ExecResult } from '../transport/transport.js';
import { parseSsListeners, splitAddress, type Listener } from './backend-port.js';
import { defineCheck, type FactValue, type Observation } from './check.js';
import { clip, commandProblem, excerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

/** `MainPID` and `ActiveState` from `systemctl show -p MainPID,ActiveState`; undefined when unreadable. */
export function parseServiceState(res: ExecResult | undefined): { mainPid: number; active: string } | undefined {
  if (!res || res.code !== 0 || commandProblem(res, 'systemctl')) return undefined;
  const pid = /^MainPID=(\d{1,10})$/m.exec(res.stdout)?.[1];
  const active = /^ActiveState=([a-z-]{1,20})$/m.exec(res.stdout)?.[1];
  if (pid === undefined || active === undefined) return undefined;
  return { mainPid: Number(pid), active };
}

/** Listeners on the bind's port (any address: a wildcard or another address also blocks the bind). */
function onPort(text: string, port: number): Listener[] | undefined {
  if (text.trim() === '') return [];
  return parseSsListeners(text)?.filter((l) => l.port === port);
}

const safeName = (name: string) => clip(name.replace(/[^\w.@+:/-]/g, '?'), 32);

/**
 * Who holds the backend port: `ss -lntpH` (filtered here to the bind's port) and
 * the service's MainPID. ss names a socket's process only for the bot's own
 * sockets (or as root); when it does not, a port in LISTEN while the service is
 * not running is still held by another program.
 */
export const backendPortHolder = defineCheck({
  id: 'backend-port-holder',
  title: '后端端口被谁占用',
  titleEn: 'Who holds the backend port',
  signals: {
    backend: 'the port is held by the backend service (its MainPID, or gunicorn)',
    unnamed: 'the port is in LISTEN while the service runs; ss does not name the process (not root)',
    free: 'nothing listens on the port',
    'other-program': 'a program that is not the backend holds the port (fact holder: name and pid)',
    'held-while-down': 'the port is in LISTEN while the backend service is not running: another program holds it',
  },
  commands: (target: Target) => [
    { argv: ['ss', '-lntpH'], timeoutMs: 8000, maxBytes: 256 * 1024 },
    { argv: ['systemctl', 'show', target.service, '-p', 'MainPID,ActiveState'], timeoutMs: 8000 },
  ],
  interpret: ([ss, show], target) => interpretHolder(ss, show, target),
});

function interpretHolder(ss: ExecResult | undefined, show: ExecResult | undefined, target: Target): Result {
  if (!ss)
    return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
  const problem = commandProblem(ss, 'ss');
  if (problem) return problem;
  const bind = splitAddress(target.backendBind);
  const listeners = bind && ss.code === 0 ? onPort(ss.stdout, bind.port) : undefined;
  if (!bind || !listeners) {
    return {
      status: 'error',
      summary: `无法解析 ss 输出 / could not read \`ss -lntpH\` output${ss.code ? ` (exit ${ss.code})` : ''}`,
      evidence: excerpt(`${ss.stdout}\n${ss.stderr}`.trim(), 6, 600),
      facts: { exitCode: ss.code },
      signals: [],
    };
  }
  const port = bind.port;
  const service = parseServiceState(show);
  const facts: Record<string, FactValue> = {
    port,
    mainPid: service?.mainPid ?? null,
    serviceState: service?.active ?? null,
  };
  if (listeners.length === 0)
    return {
      status: 'ok',
      summary: `没有程序占用端口 ${port} / nothing listens on port ${port}`,
      evidence: '',
      facts,
      signals: ['free'],
    };
  const evidence = excerpt(listeners.map((l) => l.line).join('\n'), 6, 800);
  facts.listeners = listeners.map((l) => clip(l.local, 64)).slice(0, 8);
  const procs = listeners.flatMap((l) => l.processes);
  const isBackend = (p: { name: string; pid: number }) =>
    (service !== undefined && service.mainPid > 0 && p.pid === service.mainPid) || /^gunicorn\b/i.test(p.name);
  if (procs.length > 0) {
    if (procs.some(isBackend)) {
      const b = procs.find(isBackend)!;
      facts.holder = `${safeName(b.name)} pid=${b.pid}`;
      return {
        status: 'ok',
        summary:
          `端口 ${port} 由后端服务占用 (${safeName(b.name)}) / ` +
          `port ${port} is held by the backend (${safeName(b.name)} pid ${b.pid})`,
        evidence,
        facts,
        signals: ['backend'],
      };
    }
    const o = procs[0]!;
    facts.holder = `${safeName(o.name)} pid=${o.pid}`;
    return {
      status: 'fail',
      summary:
        `端口 ${port} 被其他程序占用：${safeName(o.name)}（pid ${o.pid}） / ` +
        `port ${port} is held by another program: ${safeName(o.name)} (pid ${o.pid}), not ${target.service}`,
      evidence,
      facts,
      signals: ['other-program'],
    };
  }
  if (service && (service.active !== 'active' || service.mainPid === 0)) {
    return {
      status: 'fail',
      summary:
        `${target.service} 没有运行，但端口 ${port} 仍在监听：被其他程序占用 / ` +
        `${target.service} is ${service.active}, yet port ${port} is in LISTEN: another program holds it`,
      evidence,
      facts,
      signals: ['held-while-down'],
    };
  }
  return {
    status: 'ok',
    summary:
      `端口 ${port} 正在监听，服务在运行（ss 未显示进程名） / ` +
      `port ${port} is in LISTEN and the service runs (ss shows no process name without root)`,
    evidence,
    facts,
    signals: ['unnamed'],
  };
}
