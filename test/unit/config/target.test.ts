import { localTarget, targetSchema } from '../../../src/config/target.js';

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
