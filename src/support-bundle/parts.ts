/**
 * What a support bundle holds, from the notes' "联系支持" list: each part is a
 * whitelisted read-only command (argv, no shell) and how its output becomes a
 * file. Pure: built from the target's (discovered) layout.
 */
import { targetPaths, type Target } from '../config/target.js';
import { NGINX_DUMP_ARGV } from '../transport/sudo.js';
import { BACKEND_ENV_ALLOWLIST, FRONTEND_ENV_ALLOWLIST, redactEnvFile } from './env-allowlist.js';
import { siteFromDump } from './site-from-dump.js';
import type { ExecResult } from '../transport/transport.js';

export interface BundlePart {
  /** File name inside the archive. */
  file: string;
  argv: readonly string[];
  sudo?: boolean;
  /** Which end to keep when the part is cut: logs keep their newest lines. */
  keep: 'head' | 'tail';
  /** Turn the command's result into the file's text (before the redactor and the cut). */
  text?: (res: ExecResult) => string;
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_') || 'log';
}

/** stdout, and stderr after it when the command said something there or failed. */
export function plainText(res: ExecResult): string {
  const status = res.code === 0 ? '' : `\n[exit ${res.code ?? res.signal}${res.timedOut ? ', timed out' : ''}]`;
  return `${res.stdout}${res.stderr ? `\n[stderr]\n${res.stderr}` : ''}${status}`;
}

function envText(allow: ReadonlySet<string>) {
  return (res: ExecResult) => (res.code === 0 ? redactEnvFile(res.stdout, allow) : plainText({ ...res, stdout: '' }));
}

export function bundleParts(target: Target): BundlePart[] {
  const p = targetPaths(target);
  const python = `${dirname(p.gunicorn)}/python`;
  const unit = `${target.service}.service`;
  return [
    { file: 'journal-backend.txt', argv: ['journalctl', '-u', unit, '-n', '200', '--no-pager'], keep: 'tail' },
    ...p.nginxErrorLogs.map((log): BundlePart => ({
      file: `nginx-${basename(log)}.txt`,
      argv: ['tail', '-n', '100', log],
      keep: 'tail',
    })),
    { file: 'gunicorn-error-log.txt', argv: ['tail', '-n', '200', p.errorLog], keep: 'tail' },
    { file: 'status-backend.txt', argv: ['systemctl', 'status', '--no-pager', '-l', unit], keep: 'head' },
    {
      file: 'status-nginx.txt',
      argv: ['systemctl', 'status', '--no-pager', '-l', `${target.nginxService}.service`],
      keep: 'head',
    },
    { file: 'unit-file.txt', argv: ['systemctl', 'cat', '--no-pager', unit], keep: 'head' },
    {
      file: 'nginx-site.conf.txt',
      argv: NGINX_DUMP_ARGV,
      sudo: true,
      keep: 'head',
      text: (res) => (res.code === 0 ? siteFromDump(res.stdout, p.nginxConf) : plainText(res)),
    },
    { file: 'backend-env.txt', argv: ['cat', p.backendEnv], keep: 'head', text: envText(BACKEND_ENV_ALLOWLIST) },
    {
      file: 'frontend-env.txt',
      argv: ['cat', `${p.frontend}/.env.production`],
      keep: 'head',
      text: envText(FRONTEND_ENV_ALLOWLIST),
    },
    { file: 'version-os.txt', argv: ['cat', '/etc/os-release'], keep: 'head' },
    { file: 'version-python.txt', argv: [python, '--version'], keep: 'head' },
    { file: 'version-django.txt', argv: [python, '-m', 'django', '--version'], keep: 'head' },
    { file: 'version-gunicorn.txt', argv: [p.gunicorn, '--version'], keep: 'head' },
    { file: 'version-nginx.txt', argv: ['/usr/sbin/nginx', '-v'], keep: 'head' },
  ];
}
