import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendMemory, parseMemory, scanOom } from '../../../src/checks/backend-memory.js';
import { localTarget } from '../../../src/config/target.js';
import { HOSTILE, huge, readService, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'memory');
const kernelLog = (f: string) => readFileSync(join(DIR, f), 'utf8');
const target = localTarget();
const SHOW = 'MemoryMax=infinity\nMemoryHigh=infinity\nMemoryLimit=infinity\nMemoryCurrent=187412480\nResult=success\n';
const SHOW_LIMIT =
  'MemoryMax=536870912\nMemoryHigh=infinity\nMemoryLimit=infinity\nMemoryCurrent=520093696\nResult=success\n';
const QUIET_JOURNAL =
  'Nov 23 08:00:01 kylin-oms systemd[1]: Started OMS Backend Gunicorn Service.\n' +
  'Nov 23 08:00:02 kylin-oms gunicorn[1190]: [2026-11-23 08:00:02 +0800] [1190] [INFO] Booting worker with pid: 1207\n';
const mem = (show: string, kernel: string) => run(backendMemory, [res(show), res(kernel)], target);

describe('backend-memory commands', () => {
  it('systemctl show for the limits and the kernel log (filtered in TypeScript)', () => {
    expect(backendMemory.commands(target).map((c) => c.argv)).toEqual([
      ['systemctl', 'show', 'oms-backend', '-p', 'MemoryMax,MemoryHigh,MemoryLimit,MemoryCurrent,Result'],
      ['journalctl', '-k', '-n', '2000', '--no-pager', '-o', 'short-iso'],
    ]);
  });
});

describe('backend-memory on realistic output', () => {
  it('no OOM, no limit → ok', () => {
    expect(mem(SHOW, '-- No entries --\n')).toMatchObject({ status: 'ok', signals: ['memory-ok'] });
  });

  it('Kylin kernel killed gunicorn (global OOM) → backend-oom-killed with the kernel lines', () => {
    const o = mem(SHOW, kernelLog('kernel-oom-kylin.txt'));
    expect(o).toMatchObject({ status: 'fail', signals: ['backend-oom-killed'] });
    expect(o.evidence).toContain('Out of memory: Killed process 1207 (gunicorn)');
    expect(o.evidence).not.toContain('Mem-Info');
  });

  it('CentOS 7 wording (Kill process … python) → backend-oom-killed', () => {
    expect(mem(SHOW, kernelLog('kernel-oom-centos7.txt')).signals).toEqual(['backend-oom-killed']);
  });

  it('a MemoryMax cgroup kill → backend-oom-killed, memory-max-set, near-memory-max; the limit is named', () => {
    const o = mem(SHOW_LIMIT, kernelLog('kernel-oom-memcg.txt'));
    expect(o.signals).toEqual(['backend-oom-killed', 'memory-max-set', 'near-memory-max']);
    expect(o.summary).toContain('MemoryMax=512 MiB');
  });

  it("the unit's last result oom-kill (systemctl show) → backend-oom-killed", () => {
    expect(mem(SHOW.replace('Result=success', 'Result=oom-kill'), '').signals).toEqual(['backend-oom-killed']);
  });

  it("scanOom reads the unit journal's lines too (systemd's OOM line, gunicorn's SIGKILL)", () => {
    const scan = scanOom('', `${QUIET_JOURNAL}${readService('journal-oom.txt')}`, 'oms-backend');
    expect(scan.unit).toHaveLength(1);
    expect(scan.gunicorn[0]).toContain('Perhaps out of memory?');
  });

  it('another service killed → other-oom-killed (warn)', () => {
    expect(mem(SHOW, kernelLog('kernel-oom-other.txt'))).toMatchObject({
      status: 'warn',
      signals: ['other-oom-killed'],
    });
  });

  it('a limit with room → ok, memory-max-set', () => {
    const o = mem(SHOW_LIMIT.replace('MemoryCurrent=520093696', 'MemoryCurrent=104857600'), '');
    expect(o).toMatchObject({ status: 'ok', signals: ['memory-ok', 'memory-max-set'] });
  });

  it('the kernel log not readable (no journal access) still judges the rest', () => {
    const o = run(backendMemory, [res(SHOW), res('', 1, 'sudo: a password is required')], target);
    expect(o.signals).toEqual(['memory-ok']);
  });

  it('parseMemory reads bytes, infinity is null, MemoryLimit on old systemd', () => {
    expect(parseMemory(SHOW)).toEqual({ max: null, high: null, current: 187412480 });
    expect(parseMemory('MemoryLimit=1073741824\nMemoryCurrent=[not set]\n')).toEqual({
      max: 1073741824,
      high: null,
      current: null,
    });
  });
});

describe('backend-memory hostile input', () => {
  it.each(TRANSPORT_FAILURES)('systemctl $name → $signal', ({ result, signal }) => {
    expect(run(backendMemory, [result, res(''), res('')], target)).toMatchObject({
      status: 'error',
      signals: [signal],
    });
  });

  it.each(Object.entries(HOSTILE))('%s everywhere → well-formed', (_n, text) => {
    run(backendMemory, [res(text), res(text)], target);
  });

  it('5 MB of OOM lines stay bounded; an injection-looking task name is data', () => {
    const o = mem(SHOW, huge('kernel: Out of memory: Killed process 1 (gunicorn) total-vm:1kB'));
    expect(o.signals).toEqual(['backend-oom-killed']);
    expect(o.evidence.length).toBeLessThan(2000);
    const evil = scanOom('kernel: Out of memory: Killed process 1 ($(reboot)) total-vm:1kB', '', 'oms-backend');
    expect(evil.other).toHaveLength(1);
  });
});
