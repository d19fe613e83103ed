import { describe, expect, it } from '@jest/globals';
import { nginxSite } from '../../../src/checks/nginx-site.js';
import { parseStat } from '../../../src/checks/stat-lines.js';
import { localTarget, type Target } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, loadWeb, run, UNICODE } from './web-hostile.js';

const t = localTarget();
const statOk = () => loadWeb('stat-dirs-ok.txt');
const obs = (conf: ExecResult, stat: ExecResult = statOk(), target: Target = t) => run(nginxSite, [conf, stat], target);
const cap = (scenario: string) => obs(loadCapture(scenario, 'nginx-conf.txt'));
const healthyText = () => loadCapture('healthy', 'nginx-conf.txt').stdout;
const conf = (text: string) => obs(result(text));

describe('nginx-site', () => {
  it('cats the site config and stats the static and media dirs', () => {
    expect(nginxSite.commands(t)).toEqual([
      { argv: ['cat', '/etc/nginx/conf.d/oms.conf'], timeoutMs: 8000 },
      {
        argv: ['stat', '-c', '%n|%U|%G|%a|%F', '/opt/OMS/backend/staticfiles', '/opt/OMS/backend/media'],
        timeoutMs: 8000,
      },
    ]);
  });

  it.each(['healthy', 'cors-missing-origin', 'allowed-hosts-missing-ip', 'backend-stopped'])('site-ok on %s', (s) => {
    const o = cap(s);
    expect(o).toMatchObject({
      status: 'ok',
      signals: ['site-ok'],
      facts: { upstreams: ['oms_backend'], locations: ['/admin', '/api', '/', '/static', '/media'] },
    });
  });

  it('nginx-proxy-pass-trailing-slash: api-proxy-pass-uri with the block as evidence', () => {
    const o = cap('nginx-proxy-pass-trailing-slash');
    expect(o).toMatchObject({ status: 'fail', signals: ['api-proxy-pass-uri'] });
    expect(o.summary).toBe(
      '/api 的 proxy_pass 带 URI / proxy_pass in /api has a URI part: /api/auth/login/ reaches Django as //auth/login/',
    );
    expect(o.evidence).toContain('24:     location /api {');
    expect(o.evidence).toContain('25:         proxy_pass http://oms_backend/;');
  });

  it('nginx-api-location-missing', () => {
    const o = cap('nginx-api-location-missing');
    expect(o).toMatchObject({ status: 'fail', signals: ['api-location-missing'] });
    expect(o.summary).toContain('/api/auth/login/ falls to `location /`');
    expect(o.evidence).toContain('location /admin');
  });

  it('nginx-admin-location-missing', () => {
    expect(cap('nginx-admin-location-missing')).toMatchObject({ status: 'fail', signals: ['admin-location-missing'] });
  });

  it('nginx-upstream-missing', () => {
    const o = cap('nginx-upstream-missing');
    expect(o).toMatchObject({ status: 'fail', signals: ['upstream-missing'] });
    expect(o.evidence).toContain('proxy_pass http://oms_backend;');
    expect(o.evidence).toContain('upstream blocks in the file: none');
  });

  it('never complains about /admin coming after /api (longest prefix wins)', () => {
    const text = healthyText();
    const admin = text.slice(text.indexOf('    # Django admin'), text.indexOf('    # Backend API'));
    const swapped = text.replace(admin, '').replace('    # Frontend (Vue SPA)', `${admin}    # Frontend (Vue SPA)`);
    expect(swapped.indexOf('location /api')).toBeLessThan(swapped.indexOf('location /admin'));
    expect(conf(swapped)).toMatchObject({ status: 'ok', signals: ['site-ok'] });
    expect(JSON.stringify(conf(swapped))).not.toMatch(/order|before/i);
  });

  it('upstream on the wrong port, direct proxy_pass, unix socket', () => {
    const wrong = conf(healthyText().replace('server 127.0.0.1:8000;', 'server 127.0.0.1:8001;'));
    expect(wrong).toMatchObject({ status: 'fail', signals: ['upstream-wrong-port'] });
    expect(wrong.evidence).toContain('server 127.0.0.1:8001;');
    expect(conf(healthyText().replace('server 127.0.0.1:8000;', 'server localhost:8000 max_fails=3;')).signals).toEqual(
      ['site-ok'],
    );
    const direct = conf(
      healthyText().replace(/proxy_pass http:\/\/oms_backend;/g, 'proxy_pass http://127.0.0.1:9000;'),
    );
    expect(direct.signals).toEqual(['upstream-wrong-port']);
    expect(
      conf(healthyText().replace(/proxy_pass http:\/\/oms_backend;/g, 'proxy_pass http://127.0.0.1:8000;')).signals,
    ).toEqual(['site-ok']);
    expect(conf(healthyText().replace('server 127.0.0.1:8000;', 'server unix:/run/gunicorn.sock;')).signals).toEqual([
      'upstream-wrong-port',
    ]);
  });

  it('a URI part that keeps the path is fine; one in /admin is flagged', () => {
    const keep = healthyText().replace(
      'location /api {\n        proxy_pass http://oms_backend;',
      'location /api/ {\n        proxy_pass http://oms_backend/api/;',
    );
    expect(conf(keep).signals).toEqual(['site-ok']);
    const admin = healthyText().replace(
      'location /admin {\n        proxy_pass http://oms_backend;',
      'location /admin {\n        proxy_pass http://oms_backend/;',
    );
    expect(conf(admin)).toMatchObject({ status: 'fail', signals: ['admin-proxy-pass-uri'] });
  });

  it('a regex location can take /api away from the prefix one', () => {
    const text = healthyText().replace(
      '    # Frontend (Vue SPA)',
      '    location ~ ^/api/auth/ {\n        root /srv/www;\n    }\n    # Frontend (Vue SPA)',
    );
    expect(conf(text).signals).toEqual(['api-location-missing']);
    const caret = text.replace('location /api {', 'location ^~ /api {');
    expect(conf(caret).signals).toEqual(['site-ok']);
  });

  it('static and media aliases (warn)', () => {
    const noStatic = healthyText().replace(/ {4}location \/static \{[^}]*\}\n/, '');
    expect(conf(noStatic)).toMatchObject({ status: 'warn', signals: ['static-alias-missing'] });
    const elsewhere = healthyText().replace('alias /opt/OMS/backend/media;', 'alias /data/uploads;');
    expect(conf(elsewhere)).toMatchObject({
      status: 'warn',
      signals: ['media-alias-missing'],
      facts: { mediaServed: '/data/uploads/probe.png' },
    });
    expect(obs(result(healthyText()), loadWeb('stat-media-missing.txt'))).toMatchObject({
      status: 'warn',
      signals: ['media-alias-missing'],
    });
    const whitenoise = healthyText().replace('alias /opt/OMS/backend/staticfiles;', 'proxy_pass http://oms_backend;');
    expect(conf(whitenoise).signals).toEqual(['site-ok']);
  });

  it('picks the server block nginxListen reaches', () => {
    const redirect = `server {\n    listen 8080;\n    location / { return 301 https://$host$request_uri; }\n}\n${healthyText()}`;
    expect(conf(redirect).signals).toEqual(['site-ok']);
    expect(conf(redirect).facts.serverLine).toBe(9);
  });

  it('file missing, unreadable, no server block', () => {
    expect(obs(result('', 1, 'cat: /etc/nginx/conf.d/oms.conf: No such file or directory'))).toMatchObject({
      status: 'fail',
      signals: ['file-missing'],
    });
    expect(obs(result('', 1, 'cat: /etc/nginx/conf.d/oms.conf: Permission denied'))).toMatchObject({
      status: 'error',
      signals: [],
    });
    expect(conf('upstream oms_backend { server 127.0.0.1:8000; }')).toMatchObject({ status: 'error', signals: [] });
  });

  it('parses stat output', () => {
    const s = loadWeb('stat-media-missing.txt');
    const p = parseStat(s.stdout, s.stderr);
    expect(p.found.get('/opt/OMS/backend/staticfiles')).toEqual({
      path: '/opt/OMS/backend/staticfiles',
      owner: 'nginx',
      group: 'nginx',
      mode: '755',
      type: 'directory',
    });
    expect([...p.missing]).toEqual(['/opt/OMS/backend/media']);
    expect(parseStat('', "stat: cannot statx '/x': No such file or directory").missing.has('/x')).toBe(true);
  });

  describe('hostile content', () => {
    it('empty and binary configs have no server block', () => {
      expect(conf('')).toMatchObject({ status: 'error', signals: [] });
      expect(conf(binaryGarbage())).toMatchObject({ status: 'error', signals: [] });
    });
    it('truncated in the middle of /api still judges what it has', () => {
      const text = healthyText();
      const o = conf(text.slice(0, text.indexOf('proxy_set_header Host', text.indexOf('location /api'))));
      expect(o.status).toBe('warn');
      expect(o.signals).toEqual(['static-alias-missing', 'media-alias-missing']);
    });
    it('5 MB of directives is too large to judge, not a false finding', () => {
      const big = healthyText().replace(
        'client_max_body_size 20m;',
        `${'add_header X-Pad pad;\n'.repeat(FIVE_MB / 22)}`,
      );
      const o = conf(big);
      expect(o).toMatchObject({ status: 'error', signals: [] });
      expect(o.summary).toContain('too large');
      expect(obs({ ...result(healthyText()), truncated: true }).status).toBe('error');
    });
    it('a large but readable config (50k directives) is still judged', () => {
      const big = healthyText().replace('client_max_body_size 20m;', `${'add_header X-Pad pad;\n'.repeat(40_000)}`);
      expect(conf(big).signals).toEqual(['site-ok']);
    });
    it('unicode and injection in the config are data, and secrets in it are redacted', () => {
      const text = healthyText()
        .replace('server_name _;', `server_name ${UNICODE.split('\n')[0]};`)
        .replace(
          'location /api {\n        proxy_pass http://oms_backend;',
          `location /api {\n        proxy_pass http://oms_backend/;\n        # ${INJECTION.split('\n')[0]}\n        proxy_set_header Authorization "Basic c2VjcmV0OnMzY3IzdA==";`,
        );
      const o = conf(text);
      expect(o.signals).toEqual(['api-proxy-pass-uri']);
      expect(o.evidence).not.toContain('c2VjcmV0OnMzY3IzdA==');
    });
  });
});
