import { describe, expect, it } from '@jest/globals';
import { parseGunicornArgs, wsgiFileOf } from '../../../src/discovery/gunicorn-args.js';

describe('parseGunicornArgs', () => {
  it('reads the notes’ ExecStart', () => {
    const argv = [
      '/opt/OMS/backend/venv/bin/gunicorn',
      '--workers',
      '3',
      '--bind',
      '127.0.0.1:8000',
      '--access-logfile',
      '/var/log/oms/backend-access.log',
      '--error-logfile',
      '/var/log/oms/backend-error.log',
      'oms_backend.wsgi:application',
    ];
    expect(parseGunicornArgs(argv)).toEqual({
      gunicorn: '/opt/OMS/backend/venv/bin/gunicorn',
      binds: ['127.0.0.1:8000'],
      accessLog: '/var/log/oms/backend-access.log',
      errorLog: '/var/log/oms/backend-error.log',
      wsgiModule: 'oms_backend.wsgi:application',
    });
  });

  it('reads =, short and glued forms, repeated binds, --chdir and -c', () => {
    const g = parseGunicornArgs([
      '/srv/venv/bin/gunicorn',
      '-b0.0.0.0:9000',
      '--bind=unix:/run/oms.sock',
      '-w',
      '4',
      '--preload',
      '--chdir=/srv/oms/backend',
      '-c',
      '/etc/oms/gunicorn.conf.py',
      '--log-file',
      '/srv/log/err.log',
      'oms_backend.wsgi',
    ]);
    expect(g).toMatchObject({
      binds: ['0.0.0.0:9000', 'unix:/run/oms.sock'],
      chdir: '/srv/oms/backend',
      configFile: '/etc/oms/gunicorn.conf.py',
      errorLog: '/srv/log/err.log',
      wsgiModule: 'oms_backend.wsgi',
    });
  });

  it('reads python -m gunicorn', () => {
    expect(parseGunicornArgs(['/srv/venv/bin/python3', '-u', '-m', 'gunicorn', 'app.wsgi:app'])).toMatchObject({
      python: '/srv/venv/bin/python3',
      wsgiModule: 'app.wsgi:app',
    });
  });

  it('does not take an option value for the module', () => {
    // `--worker-class sync` and `-k gevent` take values; the module is the positional argument.
    const g = parseGunicornArgs(['/v/bin/gunicorn', 'oms.wsgi:application', '-k', 'gevent', '--name', 'oms']);
    expect(g?.wsgiModule).toBe('oms.wsgi:application');
  });

  it('refuses what is not gunicorn', () => {
    expect(parseGunicornArgs(['/bin/bash', '-c', 'gunicorn --bind 1.2.3.4:1 x:y'])).toBeUndefined();
    expect(parseGunicornArgs([])).toBeUndefined();
    expect(parseGunicornArgs(['/usr/bin/python3', 'manage.py', 'runserver'])).toBeUndefined();
  });

  it('survives hostile input: injection text, a dangling option, a huge argv', () => {
    const g = parseGunicornArgs(['/v/bin/gunicorn', '$(rm -rf /)', '--bind']);
    expect(g).toEqual({ gunicorn: '/v/bin/gunicorn', binds: [''] });
    const huge = ['/v/bin/gunicorn', ...Array.from({ length: 100_000 }, () => '--reload')];
    expect(parseGunicornArgs(huge)?.binds).toEqual([]);
  });
});

describe('wsgiFileOf', () => {
  it('maps a dotted module to a file under the directory', () => {
    expect(wsgiFileOf('oms_backend.wsgi:application', '/srv/oms/backend/')).toBe(
      '/srv/oms/backend/oms_backend/wsgi.py',
    );
  });
  it('refuses path tricks', () => {
    expect(wsgiFileOf('../../etc/passwd', '/srv')).toBeUndefined();
    expect(wsgiFileOf('a..b', '/srv')).toBeUndefined();
  });
});
