import { describe, expect, it } from '@jest/globals';
import { findAll, parseNginxConf, serverBlocks, upstreamBlocks } from '../../../src/checks/nginx-conf.js';
import {
  locationsOf,
  matchLocation,
  parseProxyPass,
  proxiedPath,
  splitHostPort,
} from '../../../src/checks/nginx-locations.js';
import { loadCapture } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, UNICODE } from './web-hostile.js';

const healthy = () => parseNginxConf(loadCapture('healthy', 'nginx-conf.txt').stdout);

describe('parseNginxConf on the captured site', () => {
  it('finds the upstream, the server and its locations with line numbers', () => {
    const conf = healthy();
    expect(conf.errors).toEqual([]);
    const ups = upstreamBlocks(conf);
    expect([...ups.keys()]).toEqual(['oms_backend']);
    expect(ups.get('oms_backend')?.block?.[0]).toMatchObject({ name: 'server', args: ['127.0.0.1:8000'], line: 2 });
    const [server] = serverBlocks(conf);
    expect(server?.line).toBe(5);
    const locs = locationsOf(server!);
    expect(locs.map((l) => l.path)).toEqual(['/admin', '/api', '/', '/static', '/media']);
    expect(locs[1]?.directive).toMatchObject({ line: 24, endLine: 33 });
  });

  it('matches the longest prefix whatever the order', () => {
    const locs = locationsOf(serverBlocks(healthy())[0]!);
    expect(matchLocation(locs, '/api/auth/login/')?.path).toBe('/api');
    expect(matchLocation(locs, '/admin/')?.path).toBe('/admin');
    expect(matchLocation(locs, '/static/admin/css/base.css')?.path).toBe('/static');
    expect(matchLocation(locs, '/orders/1')?.path).toBe('/');
    const reversed = parseNginxConf(
      'server { location / {} location /api { proxy_pass http://b; } location /admin {} }',
    );
    expect(matchLocation(locationsOf(serverBlocks(reversed)[0]!), '/api/x')?.path).toBe('/api');
  });

  it('applies exact, ^~ and regex rules', () => {
    const conf = parseNginxConf(`server {
      location = /api/auth/login/ { return 200; }
      location ^~ /static/ { alias /s/; }
      location ~* \\.(css|js)$ { expires 1d; }
      location /api { proxy_pass http://b; }
      location ~/api/v2 { }
    }`);
    const locs = locationsOf(serverBlocks(conf)[0]!);
    expect(matchLocation(locs, '/api/auth/login/')?.modifier).toBe('=');
    expect(matchLocation(locs, '/static/a.css')?.modifier).toBe('^~');
    expect(matchLocation(locs, '/x/A.CSS')?.modifier).toBe('~*');
    expect(matchLocation(locs, '/api/v2/x')?.path).toBe('/api/v2');
    expect(matchLocation(locs, '/api/v1/x')?.path).toBe('/api');
  });
});

describe('proxy_pass', () => {
  it('reads the URI part and the path the backend receives', () => {
    const loc = {
      modifier: '' as const,
      path: '/api',
      directive: { name: 'location', args: ['/api'], line: 1, endLine: 1 },
    };
    const none = parseProxyPass('http://oms_backend')!;
    expect(none).toMatchObject({ hostPort: 'oms_backend', uri: undefined });
    expect(proxiedPath(loc, none, '/api/auth/login/')).toBe('/api/auth/login/');
    const slash = parseProxyPass('http://oms_backend/')!;
    expect(slash.uri).toBe('/');
    expect(proxiedPath(loc, slash, '/api/auth/login/')).toBe('//auth/login/');
    const same = parseProxyPass('http://127.0.0.1:8000/api')!;
    expect(proxiedPath(loc, same, '/api/auth/login/')).toBe('/api/auth/login/');
    expect(proxiedPath(loc, parseProxyPass('http://b$request_uri')!, '/api/x')).toBeUndefined();
    expect(parseProxyPass('http://unix:/run/gunicorn.sock:/')).toMatchObject({
      unix: true,
      hostPort: '/run/gunicorn.sock',
      uri: '/',
    });
    expect(parseProxyPass('not a url')).toBeUndefined();
  });

  it('splits host and port', () => {
    expect(splitHostPort('127.0.0.1:8000', 80)).toEqual({ host: '127.0.0.1', port: 8000 });
    expect(splitHostPort('[::1]:8000', 80)).toEqual({ host: '::1', port: 8000 });
    expect(splitHostPort('Backend', 80)).toEqual({ host: 'backend', port: 80 });
  });
});

describe('tolerance', () => {
  it('handles comments, quotes and ${var}', () => {
    const conf = parseNginxConf(
      '# top { not a block\nserver { add_header X "a;b{c}" always; # c ;\n set $x "${host}y"; return 200 ${x}z; }',
    );
    const [server] = serverBlocks(conf);
    expect(server?.block?.map((d) => d.name)).toEqual(['add_header', 'set', 'return']);
    expect(server?.block?.[0]?.args).toEqual(['X', 'a;b{c}', 'always']);
    expect(server?.block?.[2]?.args).toEqual(['200', '${x}z']);
    expect(conf.errors).toEqual([]);
  });

  it('notes unbalanced braces and missing semicolons but keeps going', () => {
    const conf = parseNginxConf('}\nserver {\n listen 80\n}\nupstream u { server 1.2.3.4:80;');
    expect(conf.errors.length).toBe(3);
    expect(serverBlocks(conf)[0]?.block?.[0]).toMatchObject({ name: 'listen', args: ['80'] });
    expect(upstreamBlocks(conf).has('u')).toBe(true);
  });

  it('survives empty, binary, unicode, injection and huge input', () => {
    expect(parseNginxConf('').directives).toEqual([]);
    expect(() => parseNginxConf(binaryGarbage())).not.toThrow();
    expect(parseNginxConf(`server_name ${UNICODE.split('\n')[0]};`).directives[0]?.args[0]).toBe('登录失败');
    expect(() => parseNginxConf(INJECTION)).not.toThrow();
    const deep = parseNginxConf('a {'.repeat(Math.floor(FIVE_MB / 3)));
    expect(findAll(deep.directives, 'a').length).toBe(100_000);
    expect(deep.errors.some((e) => e.includes('nested too deep'))).toBe(true);
    expect(deep.errors.some((e) => e.includes('stopped reading'))).toBe(true);
    expect(deep.errors.length).toBeLessThanOrEqual(101);
    expect(parseNginxConf('${'.repeat(FIVE_MB / 2)).errors.length).toBeGreaterThan(0);
    expect(() => parseNginxConf('"'.concat('x'.repeat(FIVE_MB)))).not.toThrow();
  });
});
