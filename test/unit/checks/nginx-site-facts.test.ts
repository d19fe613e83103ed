import { parseNginxConf, serverBlocks, upstreamBlocks } from '../../../src/checks/nginx-conf.js';
import { locationsOf } from '../../../src/checks/nginx-locations.js';
import { siteRouting } from '../../../src/checks/nginx-site-facts.js';

describe('siteRouting', () => {
  it('names each proxying location with its proxy_pass, and each upstream with its servers', () => {
    const conf = parseNginxConf(
      'upstream oms_backend { server 127.0.0.1:8000; server 127.0.0.1:8001 backup; }\nupstream empty { }\n' +
        'server { listen 80; location /api { proxy_pass http://oms_backend/; } location ^~ /admin { proxy_pass ' +
        'http://127.0.0.1:8000; } location / { root /x; } }',
    );
    const server = serverBlocks(conf)[0]!;
    expect(siteRouting(locationsOf(server), upstreamBlocks(conf))).toEqual({
      proxyPasses: ['/api → http://oms_backend/', '^~ /admin → http://127.0.0.1:8000'],
      upstreamServers: ['oms_backend → 127.0.0.1:8000, 127.0.0.1:8001 backup', 'empty → (no server)'],
    });
  });
});
