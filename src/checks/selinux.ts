import type { Observation } from './check.js';
import { defineCheck } from './check.js';
import { notApplicable } from './not-applicable.js';
import { clip, commandProblem, excerpt } from './output.js';

type Result = Omit<Observation, 'check'>;

const BOOLEAN = 'httpd_can_network_connect';

/** `getenforce` → `Enforcing` | `Permissive` | `Disabled` (undefined when unreadable). */
export function readMode(stdout: string): 'Enforcing' | 'Permissive' | 'Disabled' | undefined {
  const m = /^\s*(Enforcing|Permissive|Disabled)\s*$/im.exec(stdout.slice(0, 1000));
  if (!m) return undefined;
  const v = m[1]!.toLowerCase();
  return v === 'enforcing' ? 'Enforcing' : v === 'permissive' ? 'Permissive' : 'Disabled';
}

/** `getsebool httpd_can_network_connect` → `httpd_can_network_connect --> off`. */
export function readBoolean(stdout: string): boolean | undefined {
  const m = new RegExp(`^\\s*${BOOLEAN}\\s+-->\\s+(on|off)\\s*$`, 'm').exec(stdout.slice(0, 2000));
  return m ? m[1] === 'on' : undefined;
}

/**
 * SELinux on RHEL-family hosts (Kylin): enforcing with `httpd_can_network_connect`
 * off stops nginx (httpd_t) from connecting to gunicorn's port, so every proxied
 * request answers 502 and nginx logs `(13: Permission denied) while connecting to
 * upstream`. Not applicable where SELinux tools do not exist (Debian).
 */
export const selinux = defineCheck({
  id: 'selinux',
  title: 'SELinux 是否允许 Nginx 连接后端',
  titleEn: 'SELinux lets nginx connect to the backend',
  signals: {
    'not-applicable': 'no SELinux tools on this host (Debian): nothing to check',
    'selinux-off': 'SELinux is disabled or permissive: it blocks nothing',
    'network-connect-allowed': `SELinux enforcing, ${BOOLEAN} on: nginx may connect to the backend`,
    'network-connect-denied':
      `SELinux enforcing with ${BOOLEAN} off: nginx cannot connect to gunicorn's port ` +
      '(502, "13: Permission denied while connecting to upstream")',
  },
  commands: () => [
    { argv: ['getenforce'], timeoutMs: 8000 },
    { argv: ['getsebool', BOOLEAN], timeoutMs: 8000 },
  ],
  interpret([mode, bool]): Result {
    if (!mode || !bool)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const na = notApplicable(mode, 'getenforce', 'SELinux is a RHEL-family feature');
    if (na) return na;
    const problem = commandProblem(mode, 'getenforce');
    if (problem) return problem;
    const m = readMode(mode.stdout);
    if (!m)
      return {
        status: 'error',
        summary: `无法识别的 getenforce 输出 / getenforce printed no mode (exit ${mode.code ?? 'none'})`,
        evidence: excerpt(`${mode.stdout}\n${mode.stderr}`.trim(), 4, 300),
        facts: {},
        signals: [],
      };
    if (m !== 'Enforcing')
      return {
        status: 'ok',
        summary: `SELinux 未强制执行 / SELinux is ${m.toLowerCase()}: it blocks nothing`,
        evidence: m,
        facts: { mode: m },
        signals: ['selinux-off'],
      };
    const on = commandProblem(bool, 'getsebool') ? undefined : readBoolean(bool.stdout);
    if (on === undefined)
      return {
        status: 'error',
        summary: `无法读取 ${BOOLEAN} / SELinux is enforcing but getsebool ${BOOLEAN} could not be read`,
        evidence: clip(`Enforcing\n${excerpt(`${bool.stdout}\n${bool.stderr}`.trim(), 3, 300)}`, 400),
        facts: { mode: m },
        signals: [],
      };
    if (!on)
      return {
        status: 'fail',
        summary:
          `SELinux 禁止 Nginx 连接后端 / SELinux is enforcing and ${BOOLEAN} is off: ` +
          "nginx cannot connect to gunicorn's port (502)",
        evidence: `getenforce: Enforcing\n${BOOLEAN} --> off`,
        facts: { mode: m, [BOOLEAN]: false },
        signals: ['network-connect-denied'],
      };
    return {
      status: 'ok',
      summary: `SELinux 允许 Nginx 连接后端 / SELinux is enforcing, ${BOOLEAN} is on`,
      evidence: `getenforce: Enforcing\n${BOOLEAN} --> on`,
      facts: { mode: m, [BOOLEAN]: true },
      signals: ['network-connect-allowed'],
    };
  },
});
