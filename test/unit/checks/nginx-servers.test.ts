import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadedServers, nameMatches, serverFor, splitDump } from '../../../src/checks/nginx-loaded.js';
import { nginxServers } from '../../../src/checks/nginx-servers.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import { HOSTILE, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'nginx-loaded');
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const OK_STDERR =
  'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n' +
  'nginx: configuration file /etc/nginx/nginx.conf test is successful\n';
/** An `nginx -T` dump of `files` ([path, text]) in the order given. */
const dump = (...files: [string, string][]) =>
  files.map(([path, text]) => `# configuration file ${path}:\n${text}\n`).join('\n');
const MIME: [string, string] = ['/etc/nginx/mime.types', read('mime-types.txt')];
const OMS: [string, string] = ['/etc/nginx/conf.d/oms.conf', read('oms-site.txt')];
const debian = (...more: [string, string][]) =>
  dump(['/etc/nginx/nginx.conf', read('nginx-conf-debian.txt')], MIME, ...more);
const kylin = (...more: [string, string][]) =>
  dump(['/etc/nginx/nginx.conf', read('nginx-conf-kylin.txt')], MIME, ...more);
const target: Target = { ...localTarget(), nginxListen: '127.0.0.1:80' };
const check = (stdout: string, t: Target = target) => run(nginxServers, [res(stdout, 0, OK_STDERR)], t);

describe('nginx-servers command', () => {
  it('runs nginx -T through sudo (the rule layout discovery already needs)', () => {
    expect(nginxServers.commands(target)).toEqual([
      { argv: ['/usr/sbin/nginx', '-T'], sudo: true, timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 },
    ]);
  });
});

describe('nginx-servers on realistic configurations', () => {
  it('Debian nginx.conf + conf.d/oms.conf, no default site → ok', () => {
    const o = check(debian(OMS));
    expect(o).toMatchObject({
      status: 'ok',
      signals: ['servers-ok'],
      facts: { omsServer: '/etc/nginx/conf.d/oms.conf:5' },
    });
  });

  it("Debian's default site with default_server on the same port → other-server-first, named", () => {
    const o = check(debian(OMS, ['/etc/nginx/sites-enabled/default', read('sites-default-debian.txt')]));
    expect(o).toMatchObject({ status: 'fail', signals: ['other-server-first'] });
    expect(o.summary).toContain('/etc/nginx/sites-enabled/default:3 takes requests for 172.29.91.61 on *:80 first');
    expect(o.summary).toContain('default_server');
    expect(o.evidence).toContain('listen 80 default_server;');
  });

  it("Kylin's stock nginx.conf: the default_server block after include conf.d wins → other-server-first", () => {
    const o = check(kylin(OMS));
    expect(o.signals).toEqual(['other-server-first']);
    expect(o.summary).toContain('/etc/nginx/nginx.conf:');
    expect(o.summary).toContain('it is the default_server');
  });

  it('Kylin with default_server removed from nginx.conf: OMS is read first → ok', () => {
    const text = read('nginx-conf-kylin.txt').replace(/ default_server;/g, ';');
    const o = check(dump(['/etc/nginx/nginx.conf', text], MIME, OMS));
    expect(o.signals).toEqual(['servers-ok']);
  });

  it('a site read earlier without default_server, OMS with server_name _ → the earlier one is first', () => {
    const other: [string, string] = [
      '/etc/nginx/conf.d/erp.conf',
      'server {\n    listen 80;\n    server_name erp.local;\n    root /srv/erp;\n}\n',
    ];
    const o = check(debian(other, OMS));
    expect(o.signals).toEqual(['other-server-first']);
    expect(o.summary).toContain('it is read first and OMS has no matching server_name');
    // With the public address as its server_name, OMS wins whatever the order.
    const named = read('oms-site.txt').replace('server_name _;', 'server_name 172.29.91.61;');
    expect(check(debian(other, ['/etc/nginx/conf.d/oms.conf', named])).signals).toEqual(['servers-ok']);
  });

  it('another server naming the public address takes it even when OMS is the default_server', () => {
    const named: [string, string] = [
      '/etc/nginx/conf.d/zz-other.conf',
      'server {\n  listen 80;\n  server_name 172.29.91.61;\n}\n',
    ];
    const oms = read('oms-site.txt').replace('listen 80;', 'listen 80 default_server;');
    const o = check(debian(['/etc/nginx/conf.d/oms.conf', oms], named));
    expect(o.signals).toEqual(['other-server-first']);
    expect(o.summary).toContain('its server_name is 172.29.91.61');
  });

  it('a server bound to the public address itself takes its traffic from a wildcard listen', () => {
    const bound: [string, string] = ['/etc/nginx/conf.d/zz-bound.conf', 'server {\n  listen 172.29.91.61:80;\n}\n'];
    const o = check(debian(OMS, bound));
    expect(o.signals).toEqual(['other-server-first']);
    expect(o.summary).toContain('listens on 172.29.91.61:80 itself');
  });

  it('other ports and other addresses do not compete', () => {
    const other: [string, string] = [
      '/etc/nginx/conf.d/a.conf',
      'server { listen 8080 default_server; }\nserver { listen 10.0.0.5:81; }',
    ];
    expect(check(debian(other, OMS)).signals).toEqual(['servers-ok']);
  });

  it('the OMS site not included by nginx.conf → site-not-loaded', () => {
    const o = check(debian(['/etc/nginx/sites-enabled/default', read('sites-default-debian.txt')]));
    expect(o).toMatchObject({ status: 'fail', signals: ['site-not-loaded'] });
    expect(o.evidence).toContain('/etc/nginx/sites-enabled/default');
  });

  it('/api without proxy_set_header Host → host-header-missing, with the upstream name Django sees', () => {
    const site = read('oms-site.txt').replace(/( {8}proxy_set_header Host \$host;\n)/g, '');
    const o = check(debian(['/etc/nginx/conf.d/oms.conf', site]));
    expect(o.signals).toEqual(['host-header-missing']);
    expect(o.summary).toContain('location /api (Host: oms_backend)');
    expect(o.summary).toContain('location /admin (Host: oms_backend)');
    expect(o.evidence).toContain('proxy_pass http://oms_backend;');
  });

  it('Host set once at server level is inherited; a location with other headers only loses it', () => {
    const base = read('oms-site.txt').replace(/ {8}proxy_set_header Host \$host;\n/g, '');
    const atServer = base.replace('    server_name _;', '    server_name _;\n    proxy_set_header Host $host;');
    expect(check(debian(['/etc/nginx/conf.d/oms.conf', atServer])).signals).toEqual(['host-header-missing']);
    const onlyHost = base
      .replace(/ {8}proxy_set_header X-[^\n]*\n/g, '')
      .replace('    server_name _;', '    server_name _;\n    proxy_set_header Host $host;');
    expect(check(debian(['/etc/nginx/conf.d/oms.conf', onlyHost])).signals).toEqual(['servers-ok']);
    const proxyHost = read('oms-site.txt').replace(/Host \$host;/g, 'Host $proxy_host;');
    expect(check(debian(['/etc/nginx/conf.d/oms.conf', proxyHost])).signals).toEqual(['host-header-missing']);
  });

  it('a relocated site file (paths.nginxConf) is the one judged', () => {
    const t: Target = { ...target, paths: { ...target.paths, nginxConf: '/etc/nginx/sites-enabled/oms' } };
    expect(check(debian(['/etc/nginx/sites-enabled/oms', read('oms-site.txt')]), t).signals).toEqual(['servers-ok']);
  });
});

describe('nginx-loaded helpers', () => {
  it('server names as nginx matches them', () => {
    expect(nameMatches('*.example.com', 'oms.example.com')).toBe(true);
    expect(nameMatches('.example.com', 'example.com')).toBe(true);
    expect(nameMatches('oms.*', 'oms.local')).toBe(true);
    expect(nameMatches('~^172\\.29\\.', '172.29.91.61')).toBe(true);
    expect(nameMatches('~(a+)+$(', 'aaaa')).toBe(false);
    expect(nameMatches('_', '172.29.91.61')).toBe(false);
  });

  it('include order: servers in nginx.conf after the include come after the included files', () => {
    const servers = loadedServers(splitDump(kylin(OMS)));
    expect(servers.map((s) => s.file)).toEqual(['/etc/nginx/conf.d/oms.conf', '/etc/nginx/nginx.conf']);
    expect(serverFor(servers, '[::]:80', 'x')?.file).toBe('/etc/nginx/nginx.conf');
  });
});

describe('nginx-servers failures and hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(nginxServers, [result], target)).toMatchObject({ status: 'error', signals: [signal] });
  });

  it('nginx -T failing (a broken config) → error pointing at nginx-config-test', () => {
    const o = run(
      nginxServers,
      [res('', 1, 'nginx: [emerg] unknown directive "proxy_pas" in /etc/nginx/conf.d/oms.conf:22\n')],
      target,
    );
    expect(o).toMatchObject({ status: 'error', signals: [] });
    expect(o.evidence).toContain('unknown directive');
  });

  it('cut output is not judged', () => {
    expect(run(nginxServers, [res(debian(OMS), 0, '', { truncated: true })], target).status).toBe('error');
  });

  it.each(Object.entries(HOSTILE))('%s → a well-formed observation', (_name, text) => {
    const o = run(nginxServers, [res(text, 0, OK_STDERR)], target);
    expect(['error', 'fail']).toContain(o.status);
  });

  it('hostile content inside a dumped file: binary, 100 000 servers, deep includes, injection', () => {
    const many = 'server { listen 80; server_name a; }\n'.repeat(100_000);
    const o = check(debian(['/etc/nginx/conf.d/aaa.conf', many], OMS));
    expect(o.signals).toEqual(['site-not-loaded']);
    const loop = dump(
      ['/etc/nginx/nginx.conf', 'include /etc/nginx/nginx.conf;\nhttp { include /etc/nginx/conf.d/*.conf; }'],
      OMS,
    );
    expect(check(loop).signals).toEqual(['servers-ok']);
    const evil = read('oms-site.txt').replace('server_name _;', 'server_name "$(reboot)" `id` \u202Egnp.exe;');
    const e = check(debian(['/etc/nginx/conf.d/oms.conf', evil]));
    expect(e.signals).toEqual(['servers-ok']);
    const glob = dump(
      ['/etc/nginx/nginx.conf', `http { include /etc/nginx/conf.d/[*.conf; include ${'*'.repeat(5000)}; }`],
      OMS,
    );
    expect(check(glob).status).toMatch(/ok|fail/);
  });
});
