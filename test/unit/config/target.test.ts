import { layoutValueValid } from '../../../src/config/target-defaults.js';
import { localTarget } from '../../../src/config/target.js';
import { targetSchema } from '../../../src/config/target-schema.js';

describe('localTarget', () => {
  it('is what the schema makes of {host: local}, built without zod', () => {
    expect(localTarget()).toEqual({ name: 'local', ...targetSchema.parse({ host: 'local' }) });
  });

  it('hands out a fresh copy each time', () => {
    const a = localTarget();
    a.paths.nginxErrorLogs.push('/tmp/x.log');
    expect(localTarget().paths.nginxErrorLogs).not.toContain('/tmp/x.log');
  });
});

describe('layoutValueValid', () => {
  it('applies the schema rules to discovered values', () => {
    expect(layoutValueValid('paths.backend', '/srv/oms/backend')).toBe(true);
    expect(layoutValueValid('paths.backend', 'srv/oms/backend')).toBe(false);
    expect(layoutValueValid('paths.nginxErrorLogs', ['/var/log/nginx/error.log'])).toBe(true);
    expect(layoutValueValid('paths.nginxErrorLogs', [])).toBe(false);
    expect(layoutValueValid('backendBind', '127.0.0.1:8000')).toBe(true);
    expect(layoutValueValid('nginxListen', '[::1]:80')).toBe(true);
    expect(layoutValueValid('backendBind', 'unix:/run/gunicorn.sock')).toBe(false);
    // The same verdicts as the schema itself.
    for (const bind of ['127.0.0.1:8000', 'unix:/run/gunicorn.sock', 'localhost:80'])
      expect(layoutValueValid('backendBind', bind)).toBe(targetSchema.safeParse({ backendBind: bind }).success);
  });
});
