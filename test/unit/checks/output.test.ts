import { clip, commandProblem, excerpt } from '../../../src/checks/output.js';
import { result } from '../../helpers/capture.js';

describe('commandProblem', () => {
  it('a usable result is no problem', () => {
    expect(commandProblem(result('ActiveState=active'), 'systemctl')).toBeUndefined();
    expect(commandProblem(result('', 1, 'cat: x: No such file or directory'), 'cat')).toBeUndefined();
  });

  it('a missing program, directly (127) or behind sudo', () => {
    expect(commandProblem(result('', 127, 'nginx: command not found'), 'nginx')?.signals).toEqual(['command-missing']);
    expect(commandProblem(result('', 1, 'sudo: /usr/sbin/nginx: command not found'), 'nginx')?.signals).toEqual([
      'command-missing',
    ]);
  });

  it('sudo refusals, with a pointer to the sudoers rule', () => {
    for (const msg of [
      'sudo: a password is required',
      'sudo: sorry, you must have a tty to run sudo',
      "Sorry, user omsbot is not allowed to execute '/usr/sbin/nginx -t' as root",
    ]) {
      const p = commandProblem(result('', 1, msg), 'nginx');
      expect(p?.signals).toEqual(['sudo-refused']);
      expect(p?.summary).toMatch(/oms-chatops sudoers/);
    }
  });

  it('no systemd on the host', () => {
    const p = commandProblem(
      result(
        '',
        1,
        "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down",
      ),
      'systemctl',
    );
    expect(p?.signals).toEqual(['systemd-unavailable']);
    expect(p?.status).toBe('error');
  });

  it('a timeout keeps the partial output', () => {
    const p = commandProblem({ ...result('partial line'), timedOut: true, code: null }, 'journalctl');
    expect(p?.signals).toEqual(['command-timeout']);
    expect(p?.evidence).toContain('partial line');
  });
});

describe('excerpt', () => {
  it('cuts long text and marks it, and replaces control characters', () => {
    const text = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    const e = excerpt(text, 5);
    expect(e.split('\n')).toHaveLength(6);
    expect(e.endsWith('…')).toBe(true);
    expect(excerpt('a\u0000b\u001bc')).toBe('a�b�c');
  });
});

describe('clip', () => {
  it('cuts at the limit and marks the cut; shorter text is unchanged', () => {
    expect(clip('abcdef', 3)).toBe('abc…');
    expect(clip('abc', 3)).toBe('abc');
  });
});
