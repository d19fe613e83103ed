import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { findBackendSite, probeAddress, reachesBind, splitNginxDump } from '../../../src/discovery/nginx-dump.js';

const dump = readFileSync(new URL('../../fixtures/discovery/nginx-T-relocated.txt', import.meta.url), 'utf8');

describe('splitNginxDump', () => {
  it('splits the dump into its files, each with its own line numbers', () => {
    const files = splitNginxDump(dump);
    expect(files.map((f) => f.path)).toEqual([
      '/etc/nginx/nginx.conf',
      '/etc/nginx/mime.types',
      '/etc/nginx/conf.d/erp-site.conf',
      '/etc/nginx/sites-enabled/default',
    ]);
    expect(files[2]!.conf.directives[0]).toMatchObject({ name: 'upstream', line: 1 });
  });
  it('reads nothing from output without markers', () => {
    expect(splitNginxDump('nginx: [emerg] open() "/etc/nginx/nginx.conf" failed')).toEqual([]);
  });
});

describe('findBackendSite', () => {
  it('finds the relocated site through its upstream, with file:line for each value', () => {
    const r = findBackendSite(splitNginxDump(dump), '127.0.0.1:8100');
    expect(r.kind).toBe('found');
    if (r.kind !== 'found') return;
    expect(r.site).toMatchObject({
      file: '/etc/nginx/conf.d/erp-site.conf',
      serverLine: 5,
      listen: { value: '8080', line: 6 },
      serverNames: ['oms.example.internal', '172.29.91.61'],
      upstream: { value: { name: 'erp_app', servers: ['127.0.0.1:8100'] }, line: 1 },
      staticDir: { value: '/srv/oms/backend/collected', line: 25 },
      mediaDir: { value: '/srv/oms/uploads', line: 29 },
      frontendRoot: { value: '/srv/oms/web/dist', line: 20 },
    });
    expect(r.site.errorLogs.map((e) => `${e.file}:${e.line} ${e.value}`)).toEqual([
      '/etc/nginx/conf.d/erp-site.conf:8 /srv/logs/nginx/erp_error.log',
      '/etc/nginx/nginx.conf:4 /var/log/nginx/error.log',
    ]);
  });

  it('finds nothing when no server proxies to the bind', () => {
    expect(findBackendSite(splitNginxDump(dump), '127.0.0.1:8000')).toEqual({ kind: 'none' });
  });

  it('is undecided with two server blocks proxying to the backend', () => {
    const two = `${dump}\n# configuration file /etc/nginx/conf.d/copy.conf:\nserver {\n  listen 81;\n  location /api { proxy_pass http://127.0.0.1:8100; }\n}\n`;
    expect(findBackendSite(splitNginxDump(two), '127.0.0.1:8100')).toEqual({
      kind: 'ambiguous',
      candidates: [
        { file: '/etc/nginx/conf.d/erp-site.conf', line: 5 },
        { file: '/etc/nginx/conf.d/copy.conf', line: 1 },
      ],
    });
  });

  it('survives hostile input: unbalanced braces, a huge file, proxy_pass with variables', () => {
    const bad =
      '# configuration file /x.conf:\nserver { location /api { proxy_pass http://$backend; }\n' + '{'.repeat(50_000);
    expect(findBackendSite(splitNginxDump(bad), '127.0.0.1:8000').kind).toBe('none');
    const big = `# configuration file /big.conf:\n${'# filler\n'.repeat(200_000)}server { location / { proxy_pass http://localhost:8000; } }`;
    expect(findBackendSite(splitNginxDump(big), '127.0.0.1:8000').kind).toBe('found');
  });
});

describe('reachesBind and probeAddress', () => {
  it('treats loopback names alike and a wildcard bind as reachable', () => {
    expect(reachesBind('localhost:8000', '127.0.0.1:8000')).toBe(true);
    expect(reachesBind('127.0.0.1:8000', '0.0.0.0:8000')).toBe(true);
    expect(reachesBind('127.0.0.1:8001', '127.0.0.1:8000')).toBe(false);
    expect(reachesBind('unix:/run/a.sock', '127.0.0.1:8000')).toBe(false);
  });
  it('turns listen arguments into the address the bot probes', () => {
    expect(probeAddress('80')).toBe('127.0.0.1:80');
    expect(probeAddress('*:8080')).toBe('127.0.0.1:8080');
    expect(probeAddress('[::]:80')).toBe('127.0.0.1:80');
    expect(probeAddress('10.0.0.5:80')).toBe('10.0.0.5:80');
    expect(probeAddress('unix:/run/nginx.sock')).toBeUndefined();
    expect(probeAddress('example.com:80')).toBeUndefined();
  });
});
