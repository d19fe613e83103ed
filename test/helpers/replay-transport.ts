import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecOptions, ExecResult, Transport } from '../../src/transport/transport.js';
import { CAPTURES, loadCapture, parseCapture, result } from './capture.js';

const FIXTURES = join(CAPTURES, '..');
const fixture = (path: string) => parseCapture(readFileSync(join(FIXTURES, path), 'utf8'));
const notFound = (cmd: string, file: string): ExecResult => result('', 1, `${cmd}: ${file}: No such file or directory`);

/**
 * A transport that answers each whitelisted command with what the replica
 * server printed in one captured situation (test/fixtures/captures). Where the
 * replica's capture used a different command line than our checks (the unit
 * file read with `od`, users with `id`, `stat` in another format), the answer
 * is derived from the same situation. Unknown commands are a test bug.
 */
export class ReplayTransport implements Transport {
  readonly describe: string;
  readonly calls: string[] = [];
  constructor(private readonly scenario: string) {
    this.describe = `replay:${scenario}`;
  }

  private cap(file: string): ExecResult {
    return loadCapture(this.scenario, file);
  }

  async exec(argv: readonly string[], _options: ExecOptions = {}): Promise<ExecResult> {
    const line = argv.join(' ');
    this.calls.push(line);
    const [prog, ...args] = argv;
    const s = this.scenario;
    switch (prog) {
      case 'systemctl': {
        if (args[1] === 'nginx') {
          const active = this.cap('nginx-active.txt').stdout.trim();
          return result(
            active === 'active'
              ? 'LoadState=loaded\nActiveState=active\nSubState=running\nResult=success\n'
              : 'LoadState=loaded\nActiveState=failed\nSubState=failed\nResult=exit-code\n',
          );
        }
        // Not captured on the replica: no memory limit, no OOM in any situation.
        if (args.includes('MemoryMax,MemoryHigh,MemoryLimit,MemoryCurrent,Result'))
          return result(
            'MemoryMax=infinity\nMemoryHigh=infinity\nMemoryLimit=infinity\nMemoryCurrent=150994944\nResult=success\n',
          );
        const show = this.cap('systemctl-show.txt');
        // The replica's capture predates the NeedDaemonReload question: every situation ran a reloaded unit.
        if (args.includes('NeedDaemonReload,FragmentPath,LoadState')) {
          const fragment = /^FragmentPath=.*$/m.exec(show.stdout)?.[0] ?? 'FragmentPath=';
          return { ...show, stdout: `NeedDaemonReload=no\n${fragment}\nLoadState=loaded\n` };
        }
        return {
          ...show,
          stdout: `LoadState=loaded\nUnitFileState=${s === 'backend-stopped' ? 'disabled' : 'enabled'}\n${show.stdout}`,
        };
      }
      case 'journalctl':
        // The replica is a container: its kernel log is empty.
        if (args[0] === '-k') return result('-- No entries --\n');
        return this.cap('journal.txt');
      case 'df': {
        // Not captured on the replica: one root file system with room, every path on it but MySQL's.
        const present = args.filter((a) => a.startsWith('/') && a !== '/var/lib/mysql');
        const head = 'Filesystem 1K-blocks Used Avail Use% IUse% Mounted on';
        const row = '/dev/vda 264212084 25183948 238028136 10% 4% /';
        return result(
          [head, ...present.map(() => row)].join('\n') + '\n',
          1,
          'df: /var/lib/mysql: No such file or directory\n',
        );
      }
      case 'getenforce':
      case 'getsebool':
      case 'firewall-cmd':
        // The replica is Debian: no SELinux, no firewalld.
        return result('', 127, `bash: line 1: ${prog}: command not found`);
      case 'ss':
        return this.cap('ss-tlnp.txt');
      case 'systemd-analyze':
        return this.cap('unit-verify.txt');
      case 'getent':
        return fixture(`service/getent-${args[0]}.txt`);
      case 'cat': {
        const file = args[0]!;
        if (file.endsWith('/backend/.env')) return this.cap('backend-env.txt');
        if (file.endsWith('.env.production')) return this.cap('frontend-env.txt');
        if (file.endsWith('.env.local')) return notFound('cat', file);
        if (file.endsWith('oms.conf')) return this.cap('nginx-conf.txt');
        if (file === '/etc/nginx/nginx.conf') return fixture('nginx-loaded/nginx-conf-debian.txt');
        if (file.endsWith('.service')) {
          const unit = readFileSync(
            join(FIXTURES, 'service', s === 'unit-file-bom' ? 'oms-backend-bom.service' : 'oms-backend-clean.service'),
            'utf8',
          );
          return result(
            s === 'unit-user-www-data'
              ? unit.replace(/^User=.*$/m, 'User=www-data').replace(/^Group=.*$/m, 'Group=www-data')
              : unit,
          );
        }
        break;
      }
      case 'tail': {
        const file = args[args.length - 1]!;
        if (file.endsWith('backend-error.log')) return this.cap('backend-error-log.txt');
        if (file === '/var/log/nginx/error.log') return this.cap('nginx-error-log.txt');
        return notFound('tail: cannot open', file);
      }
      case 'stat': {
        const files = args.slice(args.indexOf('%n|%U|%G|%a|%F') + 1);
        if (files.some((f) => f.endsWith('staticfiles') || f.endsWith('media'))) {
          // Not captured on the replica: its layout, every folder readable by nginx.
          return result(
            files
              .map((f) => `${f}|nginx|nginx|${f.endsWith('.css') ? '644|regular file' : '755|directory'}`)
              .join('\n'),
          );
        }
        // The replica printed `%n %U:%G %a %F`; our check asks for `%n|%U|%G|%a|%F`.
        const lines = this.cap('paths.txt')
          .stdout.split('\n')
          .filter(Boolean)
          .map((l) => {
            const m = /^(\S+) ([^:]+):(\S+) (\d+) (.+)$/.exec(l);
            return m ? `${m[1]}|${m[2]}|${m[3]}|${m[4]}|${m[5]}` : l;
          });
        return result(lines.join('\n'));
      }
      case 'grep': {
        // The built bundle carries the API base URL the front end was built with.
        const url = /VITE_API_BASE_URL=(\S+)/.exec(this.cap('frontend-env.txt').stdout)?.[1] ?? '';
        return result(`http://www.w3.org/2000/svg\n${url}\n`);
      }
      case '/opt/OMS/backend/venv/bin/python':
        // Not captured on the replica: the one Django program (src/checks/django-state.ts) as the lab's healthy
        // replica answers it in every situation: one active superuser, `admin`, every migration applied.
        return fixture('database/django-state-healthy.txt');
      case '/usr/sbin/nginx': {
        const test = this.cap('nginx-t.txt');
        if (args[0] !== '-T' || test.code !== 0) return test;
        // Not captured on the replica: `nginx -T` is Debian's nginx.conf followed by the captured site.
        const conf = readFileSync(join(FIXTURES, 'nginx-loaded', 'nginx-conf-debian.txt'), 'utf8');
        const site = this.cap('nginx-conf.txt').stdout;
        return result(
          `# configuration file /etc/nginx/nginx.conf:\n${conf}\n# configuration file /etc/nginx/conf.d/oms.conf:\n${site}\n`,
          0,
          test.stderr,
        );
      }
      case 'curl': {
        const url = args.find((a) => a.startsWith('http://')) ?? '';
        const method = args[args.indexOf('-X') + 1];
        if (url.includes(':8000/')) return this.cap('login-direct.txt');
        if (url.endsWith('/admin/')) return this.cap('admin-page.txt');
        if (url.endsWith('/api/')) return this.cap('api-root.txt');
        if (args.includes('-X') && method === 'OPTIONS') return this.cap('cors-preflight.txt');
        if (url.endsWith('/api/auth/login/')) return this.cap('login-nginx.txt');
        break;
      }
    }
    throw new Error(`ReplayTransport(${s}): no captured answer for: ${line}`);
  }

  async close(): Promise<void> {}
}
