import { defineCheck, type FactValue } from './check.js';
import { commandProblem, excerpt } from './output.js';

/** One LISTEN socket from `ss -tlnp`. */
export interface Listener {
  host: string;
  port: number;
  /** The raw `Local Address:Port` column. */
  local: string;
  /** Processes ss showed (only as root or for the bot's own sockets): `gunicorn pid=33`. */
  processes: { name: string; pid: number }[];
  line: string;
}

const WILDCARD = new Set(['0.0.0.0', '*', '::', '', '::ffff:0.0.0.0']);

/**
 * Parse `ss -tlnp` (iproute2 3.x–6.x): `LISTEN 0 128 127.0.0.1:8000 0.0.0.0:* users:(("gunicorn",pid=33,fd=5))`.
 * Old iproute2 prints `users:(("gunicorn",33,5))` and IPv6 as `:::8000`.
 * Returns `undefined` when the text has neither a header nor a LISTEN line.
 */
export function parseSsListeners(text: string): Listener[] | undefined {
  const listeners: Listener[] = [];
  let header = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(State|Netid)\s+Recv-Q/.test(line)) header = true;
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== 'LISTEN') continue;
    const local = cols[3];
    if (!local) continue;
    const addr = splitAddress(local);
    if (!addr) continue;
    const processes: { name: string; pid: number }[] = [];
    const users = /users:\((.*)\)/.exec(line)?.[1] ?? '';
    for (const m of users.matchAll(/\("([^"]{0,64})",(?:pid=)?(\d+)/g))
      processes.push({ name: m[1] ?? '', pid: Number(m[2]) });
    listeners.push({ ...addr, local, processes, line: line.trim() });
  }
  return header || listeners.length > 0 ? listeners : undefined;
}

/** `127.0.0.1:8000`, `[::]:8000`, `:::8000`, `*:8000`, `127.0.0.53%lo:53` → host and port. */
export function splitAddress(local: string): { host: string; port: number } | undefined {
  const colon = local.lastIndexOf(':');
  if (colon < 0) return undefined;
  const portText = local.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  let host = local.slice(0, colon);
  host = host.replace(/%[^\]]*$/, '').replace(/%[^\]]*(?=\])/, '');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.startsWith('::ffff:') && host.includes('.')) host = host.slice(7);
  return { host: host.toLowerCase(), port: Number(portText) };
}

function isBackendProcess(name: string): boolean {
  return /gunicorn|python/i.test(name);
}

/** Is the backend's bind address (`backendBind`) in LISTEN, and by whom. */
export const backendPort = defineCheck({
  id: 'backend-port',
  title: '后端端口监听',
  titleEn: 'Backend port',
  signals: {
    listening: 'the backendBind port is in LISTEN (fact process when ss shows it)',
    'not-listening': 'nothing listens on the backendBind port',
    'held-by-other': 'the port is held by a process that is not gunicorn/python',
  },
  commands: () => [{ argv: ['ss', '-tlnp'], timeoutMs: 8000 }],
  interpret: ([res], target) => {
    if (!res)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(res, 'ss');
    if (problem) return problem;
    const bind = splitAddress(target.backendBind);
    const listeners = res.code === 0 ? parseSsListeners(res.stdout) : undefined;
    if (!bind || !listeners) {
      return {
        status: 'error',
        summary: `无法解析 ss 输出 / could not read \`ss -tlnp\` output${res.code ? ` (exit ${res.code})` : ''}`,
        evidence: excerpt(`${res.stdout}\n${res.stderr}`.trim(), 6, 600),
        facts: { exitCode: res.code },
        signals: [],
      };
    }
    const facts: Record<string, FactValue> = { bind: target.backendBind, port: bind.port };
    // Every listening address, not only the backend's (what `compare` sets side by side).
    facts.listening = [...new Set(listeners.map((l) => l.local))].sort().slice(0, 40);
    const matching = listeners.filter(
      (l) => l.port === bind.port && (l.host === bind.host || WILDCARD.has(l.host) || WILDCARD.has(bind.host)),
    );
    if (matching.length === 0) {
      const samePort = listeners.filter((l) => l.port === bind.port).map((l) => l.local);
      if (samePort.length) facts.otherAddresses = samePort;
      return {
        status: 'fail',
        summary:
          `后端端口 ${target.backendBind} 未监听 / nothing listens on ${target.backendBind}` +
          (samePort.length ? ` (port ${bind.port} is bound on ${samePort.join(', ')} only)` : ''),
        evidence: excerpt(listeners.map((l) => l.line).join('\n') || res.stdout, 12),
        facts,
        signals: ['not-listening'],
      };
    }
    facts.listeners = matching.map((l) => l.local);
    const procs = matching.flatMap((l) => l.processes);
    const evidence = excerpt(matching.map((l) => l.line).join('\n'), 6);
    if (procs.length === 0) {
      facts.process = null;
      return {
        status: 'ok',
        summary:
          `后端端口 ${target.backendBind} 正在监听 / ${target.backendBind} is listening ` +
          '(process not shown: ss needs root to name it)',
        evidence,
        facts,
        signals: ['listening'],
      };
    }
    const first = procs[0]!;
    facts.process = `${first.name} pid=${first.pid}`;
    facts.pids = [...new Set(procs.map((p) => String(p.pid)))];
    const others = procs.filter((p) => !isBackendProcess(p.name));
    if (others.length > 0 && !procs.some((p) => isBackendProcess(p.name))) {
      const o = others[0]!;
      facts.process = `${o.name} pid=${o.pid}`;
      return {
        status: 'fail',
        summary:
          `端口 ${bind.port} 被其他进程占用 (${o.name}) / ` +
          `port ${bind.port} is held by ${o.name} (pid ${o.pid}), not gunicorn`,
        evidence,
        facts,
        signals: ['held-by-other'],
      };
    }
    return {
      status: 'ok',
      summary:
        `后端端口 ${target.backendBind} 正在监听 (${first.name}) / ` +
        `${target.backendBind} is listening (${first.name} pid ${first.pid})`,
      evidence,
      facts,
      signals: ['listening'],
    };
  },
});
