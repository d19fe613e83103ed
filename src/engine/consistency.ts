import { redact } from '../redact.js';
import { presentSignals } from './diagnose.js';
import type { ReportFinding, ReportObservation } from './report.js';

/**
 * A report must agree with itself: no finding that an observation of the same
 * run refutes, and a verdict of "problem" that names at least one finding above
 * `info`. Where the evidence points at no known cause, the report says so and
 * shows the observations that frame it, rather than naming a wrong cause.
 */

const frame = (observations: readonly ReportObservation[], checks: readonly string[]): string =>
  redact(
    checks
      .map((c) => observations.find((o) => o.check === c))
      .filter((o): o is ReportObservation => o !== undefined)
      .map((o) => `[${o.check}] ${o.summary}${o.evidence ? `\n${o.evidence}` : ''}`)
      .join('\n\n'),
  );

/**
 * `allowed-hosts` fired only on a 400 answer while the `.env` check read
 * ALLOWED_HOSTS and found the public host in it: the 400 comes from elsewhere.
 */
function refuteAllowedHosts(
  findings: ReportFinding[],
  observations: readonly ReportObservation[],
  present: Set<string>,
): ReportFinding[] {
  const i = findings.findIndex((f) => f.id === 'allowed-hosts');
  if (i < 0 || !present.has('backend-env:hosts-ok')) return findings;
  if (findings[i]!.matched.some((m) => m.startsWith('backend-env:'))) return findings;
  const direct = present.has('login-direct:disallowed-host');
  const viaNginx = present.has('login-nginx:disallowed-host');
  const nginxOnly = viaNginx && !direct && present.has('login-direct:answers');
  const title = nginxOnly
    ? '经 Nginx 的请求返回 400，直接请求后端正常：原因不明，检查 Nginx 转发的 Host 头 / ' +
      'unexplained 400 through nginx, the direct request is fine — check the Host header nginx forwards'
    : '请求返回 400，但 .env 中的 ALLOWED_HOSTS 是正确的：原因不明 / ' +
      'unexplained 400 while ALLOWED_HOSTS in .env is right — the running backend may not use this .env';
  const fix = nginxOnly
    ? [
        '`.env` 的 `ALLOWED_HOSTS` 已包含服务器地址，直接请求后端也正常，所以不是 `ALLOWED_HOSTS` 的问题。',
        'Nginx 把另一个 Host 头转给了后端：`location /api` 里缺少 `proxy_set_header Host $host;` 时，',
        'Nginx 发送的是 upstream 的名字（`oms_backend`），Django 拒绝它（400）。',
        '',
        'ALLOWED_HOSTS in `.env` has the server address and the direct request works, so it is not ALLOWED_HOSTS:',
        "nginx forwards another Host header (without `proxy_set_header Host $host;` it sends the upstream's name,",
        '`oms_backend`).',
        '',
        '```bash',
        "sudo grep -n 'proxy_set_header' /etc/nginx/conf.d/oms.conf",
        'sudo nginx -t && sudo systemctl reload nginx',
        '```',
      ].join('\n')
    : [
        '`.env` 的 `ALLOWED_HOSTS` 已包含服务器地址，但后端仍返回 400：正在运行的后端可能是修改 `.env` 之前启动的',
        '（需要重启），或者 `settings.py` 没有从这个 `.env` 读取 `ALLOWED_HOSTS`。',
        '',
        'ALLOWED_HOSTS in `.env` is right, yet the backend answers 400: the running backend may predate the edit',
        '(restart it), or `settings.py` does not read ALLOWED_HOSTS from this `.env`.',
        '',
        '```bash',
        "grep -n 'ALLOWED_HOSTS' /opt/OMS/backend/oms_backend/settings.py",
        'sudo systemctl restart oms-backend',
        '```',
      ].join('\n');
  const replaced: ReportFinding = {
    id: 'unexplained-400',
    severity: findings[i]!.severity,
    title,
    evidence: frame(observations, ['backend-env', 'login-direct', 'login-nginx']),
    fix,
    action: null,
    matched: findings[i]!.matched,
  };
  return [...findings.slice(0, i), replaced, ...findings.slice(i + 1)];
}

/** A "problem" verdict with no finding above info: name what failed instead of staying silent. */
function explainProblem(findings: ReportFinding[], observations: readonly ReportObservation[]): ReportFinding[] {
  if (findings.some((f) => f.severity !== 'info')) return findings;
  const failed = observations.filter((o) => o.status === 'fail');
  if (failed.length === 0) return findings;
  const names = failed.map((o) => o.check);
  const unexplained: ReportFinding = {
    id: 'unexplained',
    severity: 'error',
    title: `原因不明：${names.join('、')} 检查失败 / unexplained: ${names.join(', ')} failed, and no known cause explains it`,
    evidence: frame(observations, names),
    fix: [
      '这些检查失败了，但本剧本里没有已知原因能解释它们。先看下面每项检查的输出，',
      '再运行 `/oms diagnose checklist` 跑完整排查清单。',
      '',
      'These checks failed and no cause this playbook knows explains them. Read each one below,',
      'then run `/oms diagnose checklist` for every check.',
    ].join('\n'),
    action: null,
    matched: failed.flatMap((o) => o.signals.map((s) => `${o.check}:${s}`)),
  };
  return [...findings, unexplained];
}

/** Make the findings agree with the observations of the same run (see the module comment). */
export function makeConsistent(findings: ReportFinding[], observations: readonly ReportObservation[]): ReportFinding[] {
  const present = presentSignals(observations);
  return explainProblem(refuteAllowedHosts(findings, observations, present), observations);
}
