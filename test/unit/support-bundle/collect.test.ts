import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, cutText } from '../../../src/support-bundle/collect.js';
import type { Target } from '../../../src/config/target.js';
import { assertNoCanary, CANARY, FixtureServer, tree, unpack } from '../../helpers/bundle-fixture.js';

let root: string;
let target: Target;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'oms-bundle-'));
  target = tree(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('support bundle', () => {
  it('holds every part, a MANIFEST with sizes and sha256, a bilingual README; no canary, not even 8 characters', async () => {
    const bundle = await buildBundle({
      target,
      transport: new FixtureServer(),
      now: new Date('2026-11-30T05:00:00Z'),
      layout: 'paths.backend /opt/OMS/backend ← default',
      diagnosis: `verdict problem; evidence: password=${CANARY.dbPassword}`,
    });
    const files = unpack(root, bundle.archive);
    expect([...files.keys()].sort()).toEqual(
      [
        'MANIFEST.txt',
        'README.txt',
        'backend-env.txt',
        'diagnosis.txt',
        'frontend-env.txt',
        'gunicorn-error-log.txt',
        'journal-backend.txt',
        'layout.txt',
        'nginx-nginx-error.log.txt',
        'nginx-site.conf.txt',
        'status-backend.txt',
        'status-nginx.txt',
        'unit-file.txt',
        'version-django.txt',
        'version-gunicorn.txt',
        'version-nginx.txt',
        'version-os.txt',
        'version-python.txt',
      ].sort(),
    );
    assertNoCanary(files);
    // What support needs is still there.
    expect(files.get('backend-env.txt')).toContain('ALLOWED_HOSTS=172.29.91.61,localhost');
    expect(files.get('backend-env.txt')).toContain('SECRET_KEY=«redacted»');
    expect(files.get('frontend-env.txt')).toContain('VITE_API_BASE_URL=http://172.29.91.61/api');
    expect(files.get('nginx-site.conf.txt')).toContain('proxy_pass http://127.0.0.1:8000;');
    expect(files.get('nginx-site.conf.txt')).not.toContain('include /etc/nginx/conf.d');
    expect(files.get('version-nginx.txt')).toContain('nginx/1.22.1');
    expect(files.get('README.txt')).toMatch(/支持包.*support bundle/);
    expect(files.get('README.txt')).toContain('HAR');
    for (const row of bundle.manifest) {
      const data = Buffer.from(files.get(row.file)!, 'utf8');
      expect({ file: row.file, size: data.length }).toEqual({ file: row.file, size: row.size });
      expect(createHash('sha256').update(data).digest('hex')).toBe(row.sha256);
      expect(files.get('MANIFEST.txt')).toContain(`${row.file} | ${row.size} | ${row.sha256} |`);
    }
    expect(files.get('journal-backend.txt')).toContain('mysqldump -u root --password=«redacted» oms');
    expect(files.get('unit-file.txt')).toMatch(/DEPLOY_PRIVATE_KEY=.*«redacted»/);
    expect(files.get('MANIFEST.txt')).toContain('| journalctl -u oms-backend.service -n 200 --no-pager | -');
    expect(files.get('MANIFEST.txt')).toContain('| sudo -n /usr/sbin/nginx -T |');
  });

  it('keeps to the size cap: a huge log is cut with a visible marker, its newest lines kept', async () => {
    const big = join(root, 'logs', 'gunicorn-error.log');
    const original = readFileSync(big);
    // tail keeps 200 lines: make them long (10 KB of random text each), so the part is past its share.
    const noise = Array.from({ length: 300 }, () => randomBytes(7500).toString('base64')).join('\n');
    writeFileSync(big, `${noise}\nTHE NEWEST LINE\n`);
    try {
      const max = 1024 * 1024;
      const bundle = await buildBundle({ target, transport: new FixtureServer(), now: new Date(), maxBytes: max });
      expect(bundle.archive.length).toBeLessThanOrEqual(max);
      const files = unpack(root, bundle.archive);
      const total = [...files.values()].reduce((n, t) => n + Buffer.byteLength(t), 0);
      expect(total).toBeLessThanOrEqual(max);
      const log = files.get('gunicorn-error-log.txt')!;
      expect(log).toMatch(/^\n\[… 已截断 \/ cut: \d+ bytes, the last ~\d+ kept …\]/);
      expect(log.trimEnd().endsWith('THE NEWEST LINE')).toBe(true);
      expect(bundle.manifest.find((m) => m.file === 'gunicorn-error-log.txt')?.cut).toBe(true);
      expect(files.get('README.txt')).toContain('cut: gunicorn-error-log.txt');
    } finally {
      writeFileSync(big, original);
    }
  });
});

describe('cutText', () => {
  it('leaves short text alone and cuts long text within the limit, on UTF-8 boundaries', () => {
    expect(cutText('short', 100, 'head')).toEqual({ text: 'short', cut: false });
    const long = '日志'.repeat(10_000);
    for (const keep of ['head', 'tail'] as const) {
      const r = cutText(long, 4096, keep);
      expect(r.cut).toBe(true);
      expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(4096);
      expect(r.text).toContain('已截断 / cut: 60000 bytes');
    }
  });
});
