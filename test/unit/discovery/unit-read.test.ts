import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseSystemctlCat, parseUnitShow, splitUnitCommand } from '../../../src/discovery/unit-read.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/service/${name}`, import.meta.url), 'utf8');

describe('parseSystemctlCat', () => {
  it('reads the unit and a drop-in that resets ExecStart, with files and lines', () => {
    const text = [
      '# /etc/systemd/system/oms-backend.service',
      '[Unit]',
      'Description=OMS',
      '',
      '[Service]',
      'User=oms',
      'WorkingDirectory=/srv/oms/backend',
      'ExecStart=/srv/oms/backend/venv/bin/gunicorn --bind 127.0.0.1:8000 oms_backend.wsgi:application',
      '',
      '# /etc/systemd/system/oms-backend.service.d/override.conf',
      '[Service]',
      'ExecStart=',
      'ExecStart=/srv/oms/backend/venv/bin/gunicorn --bind 127.0.0.1:8100 oms_backend.wsgi:application',
    ].join('\n');
    const u = parseSystemctlCat(text);
    expect(u.files).toEqual([
      '/etc/systemd/system/oms-backend.service',
      '/etc/systemd/system/oms-backend.service.d/override.conf',
    ]);
    expect(u.execStart).toEqual([
      {
        value: '/srv/oms/backend/venv/bin/gunicorn --bind 127.0.0.1:8100 oms_backend.wsgi:application',
        file: '/etc/systemd/system/oms-backend.service.d/override.conf',
        line: 3,
      },
    ]);
    expect(u.workingDirectory).toEqual({
      value: '/srv/oms/backend',
      file: '/etc/systemd/system/oms-backend.service',
      line: 6,
    });
    expect(u.user?.value).toBe('oms');
  });

  it('joins continuation lines and skips a comment inside them (fixture)', () => {
    const u = parseSystemctlCat(
      `# /etc/systemd/system/oms-backend.service\n${fixture('oms-backend-continuation.service')}`,
    );
    expect(splitUnitCommand(u.execStart[0]!.value)).toEqual([
      '/opt/OMS/backend/venv/bin/gunicorn',
      '--workers',
      '3',
      '--bind',
      '127.0.0.1:8000',
      'oms_backend.wsgi:application',
    ]);
  });

  it('ignores ExecStart outside [Service] and a comment that only looks like a file marker', () => {
    const u = parseSystemctlCat(
      '# /etc/systemd/system/x.service\n[Unit]\nExecStart=/bin/evil\n[Service]\n# /opt/notes.conf\nExecStart=/v/bin/gunicorn a:b',
    );
    expect(u.files).toEqual(['/etc/systemd/system/x.service']);
    expect(u.execStart.map((e) => e.value)).toEqual(['/v/bin/gunicorn a:b']);
  });

  it('survives garbage and CRLF', () => {
    expect(parseSystemctlCat('\u0000\u0001 garbage {{{').execStart).toEqual([]);
    const u = parseSystemctlCat('# /etc/systemd/system/x.service\r\n[Service]\r\nWorkingDirectory=/srv/a\r\n');
    expect(u.workingDirectory?.value).toBe('/srv/a');
  });
});

describe('splitUnitCommand', () => {
  it('handles quotes, escapes and the executable prefixes', () => {
    expect(splitUnitCommand(`-/srv/v/bin/gunicorn --error-logfile "/srv/my logs/err.log" 'a:b'`)).toEqual([
      '/srv/v/bin/gunicorn',
      '--error-logfile',
      '/srv/my logs/err.log',
      'a:b',
    ]);
    expect(splitUnitCommand('/bin/x a\\ b')).toEqual(['/bin/x', 'a b']);
  });
  it('refuses an unterminated quote', () => {
    expect(splitUnitCommand('/bin/x "oops')).toBeUndefined();
  });
});

describe('parseUnitShow', () => {
  it('reads the properties and the argv of ExecStart', () => {
    const show = parseUnitShow(
      [
        'LoadState=loaded',
        'FragmentPath=/etc/systemd/system/oms-backend.service',
        'WorkingDirectory=!/srv/oms/backend',
        'User=oms',
        'Group=',
        'ExecStart={ path=/v/bin/gunicorn ; argv[]=/v/bin/gunicorn --bind 127.0.0.1:8000 a.wsgi:app ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }',
      ].join('\n'),
    );
    expect(show).toEqual({
      loadState: 'loaded',
      fragmentPath: '/etc/systemd/system/oms-backend.service',
      workingDirectory: '/srv/oms/backend',
      user: 'oms',
      group: undefined,
      execArgv: '/v/bin/gunicorn --bind 127.0.0.1:8000 a.wsgi:app',
    });
  });
  it('returns undefined for output without properties', () => {
    expect(parseUnitShow('Failed to connect to bus')).toBeUndefined();
  });
});
