import { unitServiceSettings } from '../../../src/checks/unit-file-settings.js';

describe('unitServiceSettings', () => {
  it('reads User, Group, WorkingDirectory, ExecStart (continued lines joined) and EnvironmentFile from [Service]', () => {
    const unit =
      '\uFEFF[Unit]\nUser=ignored\n[Service]\nUser=nginx\nGroup=nginx\nWorkingDirectory=/opt/OMS/backend\n' +
      'EnvironmentFile=-/opt/OMS/backend/.env\n' +
      'ExecStart=/opt/OMS/backend/venv/bin/gunicorn \\\n    --workers 3 \\\n    oms_backend.wsgi:application\n' +
      '# User=root\n[Install]\nWantedBy=multi-user.target\n';
    expect(unitServiceSettings(unit)).toEqual({
      user: 'nginx',
      group: 'nginx',
      workingDirectory: '/opt/OMS/backend',
      environmentFile: '-/opt/OMS/backend/.env',
      execStart: '/opt/OMS/backend/venv/bin/gunicorn --workers 3 oms_backend.wsgi:application',
    });
  });

  it('the last assignment wins; keys the file does not set give no fact; CRLF is fine', () => {
    expect(unitServiceSettings('[Service]\r\nUser=www-data\r\nUser=nginx\r\n')).toEqual({ user: 'nginx' });
    expect(unitServiceSettings('User=root\n')).toEqual({});
    expect(unitServiceSettings('')).toEqual({});
  });

  it('clips a huge value', () => {
    const f = unitServiceSettings(`[Service]\nExecStart=/bin/x ${'a'.repeat(10_000)}\n`);
    expect(String(f.execStart)).toHaveLength(301); // 300 characters and the mark of the cut
    expect(String(f.execStart).endsWith('…')).toBe(true);
  });
});
