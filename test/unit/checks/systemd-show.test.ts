import { describe, expect, it } from '@jest/globals';
import {
  describeExit,
  exitCodeKind,
  exitStatusName,
  intProperty,
  parseExecStart,
  parseSystemdShow,
} from '../../../src/checks/systemd-show.js';
import { captureScenarios, loadCapture } from '../../helpers/capture.js';
import { binaryGarbage, huge, loadService } from '../../fixtures/service/fixtures.js';

describe('parseSystemdShow', () => {
  it('reads the healthy capture, values containing = intact', () => {
    const p = parseSystemdShow(loadCapture('healthy', 'systemctl-show.txt').stdout)!;
    expect(p.ActiveState).toBe('active');
    expect(p.SubState).toBe('running');
    expect(p.User).toBe('nginx');
    expect(p.ExecStart).toContain('argv[]=/opt/OMS/backend/venv/bin/gunicorn --workers 3');
    expect(p.ExecStart).toContain('status=0/0 }');
    expect(intProperty(p, 'MainPID')).toBe(33);
  });

  it.each(captureScenarios())('parses the %s capture', (scenario) => {
    const p = parseSystemdShow(loadCapture(scenario, 'systemctl-show.txt').stdout);
    expect(p?.ActiveState).toMatch(/^(active|inactive|activating)$/);
  });

  it('keeps empty values and the first occurrence of a key', () => {
    const p = parseSystemdShow('User=\nUser=root\nGroup=nginx\n')!;
    expect(p.User).toBe('');
    expect(p.Group).toBe('nginx');
  });

  it('tolerates CRLF', () => {
    expect(parseSystemdShow('ActiveState=active\r\nSubState=running\r\n')?.SubState).toBe('running');
  });

  it.each([
    ['empty', ''],
    ['no key=value lines', 'Failed to connect to bus: No such file or directory\n'],
    ['binary', binaryGarbage()],
    ['keys that are not property names', '=x\n 1A=b\n-- Foo=bar\nwith space=1\n'],
  ])('returns undefined for %s', (_name, text) => {
    expect(parseSystemdShow(text)).toBeUndefined();
  });

  it('parses 5 MB without trouble and ignores absurd keys', () => {
    const p = parseSystemdShow(`${huge('Noise=' + 'y'.repeat(80))}ActiveState=active\n${'K'.repeat(100)}=1\n`)!;
    expect(p.ActiveState).toBe('active');
    expect(p['K'.repeat(100)]).toBeUndefined();
  });

  it('reads unicode values verbatim', () => {
    expect(parseSystemdShow('Description=订单管理 🚀 =x')?.Description).toBe('订单管理 🚀 =x');
  });
});

describe('intProperty', () => {
  it('returns null when absent or not a number (older systemd lacks NRestarts)', () => {
    const p = parseSystemdShow('ExecMainStatus=217\nNRestarts=[not set]\nMainPID=99999999999999')!;
    expect(intProperty(p, 'ExecMainStatus')).toBe(217);
    expect(intProperty(p, 'NRestarts')).toBeNull();
    expect(intProperty(p, 'Missing')).toBeNull();
    expect(intProperty(p, 'MainPID')).toBeNull();
  });
});

describe('exit statuses', () => {
  it('decodes the ones the notes name', () => {
    expect(exitStatusName(217)).toBe('USER');
    expect(exitStatusName(200)).toBe('CHDIR');
    expect(exitStatusName(203)).toBe('EXEC');
    expect(exitStatusName(216)).toBe('GROUP');
    expect(exitStatusName(1)).toBe('FAILURE');
    expect(exitStatusName(3)).toBe('NOTIMPLEMENTED');
    expect(exitStatusName(150)).toBeUndefined();
  });

  it('labels exits and signals as systemctl status does', () => {
    expect(describeExit(217, exitCodeKind(1))).toBe('217/USER');
    expect(describeExit(9, exitCodeKind(2))).toBe('9/SIGKILL');
    expect(describeExit(11, exitCodeKind(3))).toBe('11/SIGSEGV');
    expect(describeExit(150, 'exited')).toBe('150');
    expect(exitCodeKind(0)).toBe('none');
    expect(exitCodeKind(null)).toBe('none');
    expect(exitCodeKind(7)).toBe('unknown');
  });
});

describe('parseExecStart', () => {
  it('reads path, argv and the last status from the 217 capture', () => {
    const p = parseSystemdShow(loadCapture('unit-user-www-data', 'systemctl-show.txt').stdout)!;
    const e = parseExecStart(p.ExecStart)!;
    expect(e.path).toBe('/opt/OMS/backend/venv/bin/gunicorn');
    expect(e.argv).toMatch(/^\/opt\/OMS\/backend\/venv\/bin\/gunicorn --workers 3 .*oms_backend\.wsgi:application$/);
    expect(e.status).toBe(217);
  });

  it('reads 0/0 as 0 and a moved program with 203', () => {
    const healthy = parseSystemdShow(loadCapture('healthy', 'systemctl-show.txt').stdout)!;
    expect(parseExecStart(healthy.ExecStart)?.status).toBe(0);
    const moved = parseSystemdShow(loadService('show-paths-exec-moved.txt').stdout)!;
    expect(parseExecStart(moved.ExecStart)).toMatchObject({ path: '/opt/OMS/venv/bin/gunicorn', status: 203 });
  });

  it('handles ExecStartEx flags=, a missing value and junk', () => {
    expect(parseExecStart('{ path=/bin/x ; argv[]=/bin/x -a ; flags= ; start_time=[n/a] }')).toMatchObject({
      path: '/bin/x',
      argv: '/bin/x -a',
      status: null,
    });
    expect(parseExecStart(undefined)).toBeUndefined();
    expect(parseExecStart('')).toBeUndefined();
    expect(parseExecStart(binaryGarbage(200))).toBeUndefined();
  });
});
