import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../../src/config/config.js';
import { targetPaths } from '../../../src/config/target.js';

describe('configured layout keys', () => {
  it('records which layout keys the file sets, so discovery fills only the others', () => {
    const c = parseConfig(
      [
        'targets:',
        '  prod:',
        '    host: 172.29.91.61',
        '    user: omsbot',
        '    privateKey: /k',
        '    backendBind: 127.0.0.1:8100',
        '    paths:',
        '      backend: /srv/oms/backend',
        '      errorLog: /srv/logs/err.log',
        '  minimal:',
        '    host: 172.29.91.62',
        '    user: omsbot',
        '    privateKey: /k',
      ].join('\n'),
      'test.yml',
    );
    expect(c.targets.get('prod')?.configured).toEqual(['backendBind', 'paths.backend', 'paths.errorLog']);
    expect(c.targets.get('minimal')?.configured).toEqual([]);
    expect(c.targets.get('local')?.configured).toBeUndefined();
    expect(targetPaths(c.targets.get('prod')!).errorLog).toBe('/srv/logs/err.log');
    expect(targetPaths(c.targets.get('minimal')!).errorLog).toBe('/var/log/oms/backend-error.log');
  });
});
