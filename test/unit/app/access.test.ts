import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { doctor, type AccessTools } from '../../../src/app/access.js';
import { parseConfig } from '../../../src/config/config.js';
import type { Target } from '../../../src/config/target.js';
import { LayoutService } from '../../../src/discovery/layout-service.js';
import type { ExecOptions, Transport } from '../../../src/transport/transport.js';
import { result } from '../../helpers/capture.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'utf8');

class Relocated implements Transport {
  readonly describe = 'fixture';
  async exec(argv: readonly string[], _options: ExecOptions = {}) {
    if (argv[0] === 'systemctl' && argv[1] === 'show') return result(fixture('systemctl-show-relocated.txt'));
    if (argv[0] === 'systemctl' && argv[1] === 'cat') return result(fixture('systemctl-cat-relocated.txt'));
    if (argv[0] === '/usr/sbin/nginx') return result(fixture('nginx-T-relocated.txt'));
    return result('', 1, 'no');
  }
  async close() {}
}

const config = parseConfig(
  [
    'targets:',
    '  relocated:',
    '    host: 172.29.91.61',
    '    user: omsbot',
    '    privateKey: /k',
    '    service: erp-backend',
    '    paths:',
    '      frontend: /opt/OMS/frontend-pc',
  ].join('\n'),
  'test.yml',
);

function tools(seen: Target[]): AccessTools {
  return {
    keyscan: async () => '',
    sudoers: () => '',
    doctor: async (t) => {
      seen.push(t);
      return { text: '✔ ok   ssh login', ok: true };
    },
  };
}

describe('doctor with discovery', () => {
  it('checks the discovered layout and warns where the config disagrees with the server, without failing', async () => {
    const seen: Target[] = [];
    const layout = new LayoutService({ transportFor: () => new Relocated() });
    const r = await doctor({ target: 'relocated' }, { config, access: tools(seen), layout });
    expect(seen[0]!.paths.backend).toBe('/srv/oms/backend');
    expect(seen[0]!.paths.frontend).toBe('/opt/OMS/frontend-pc');
    expect(r).toMatchObject({ kind: 'text', ok: true });
    const text = r.kind === 'text' ? r.text : '';
    expect(text).toContain('! warn layout');
    expect(text).toContain('paths.frontend is /opt/OMS/frontend-pc but the server says /srv/oms/web');
  });

  it('without discovery wired: the configured target, no layout line', async () => {
    const seen: Target[] = [];
    const r = await doctor({ target: 'relocated' }, { config, access: tools(seen) });
    expect(seen[0]!.paths.backend).toBe('/opt/OMS/backend');
    expect(r.kind === 'text' ? r.text : '').not.toContain('layout');
  });
});
