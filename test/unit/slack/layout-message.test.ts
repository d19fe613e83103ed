import { describe, expect, it } from '@jest/globals';
import { localTarget } from '../../../src/config/target.js';
import { applyLayout } from '../../../src/discovery/apply-layout.js';
import { LAYOUT_KEYS, type Discovery } from '../../../src/discovery/layout.js';
import { limitViolations } from '../../../src/render/limit-violations.js';
import { bundleDoneMessage, layoutMessage } from '../../../src/slack/layout-message.js';

const target = { ...localTarget(), name: 'prod', configured: ['paths.backend'] };

describe('layoutMessage', () => {
  it('shows each value with its source, the undecided parts and the conflicts', () => {
    const d: Discovery = {
      values: { 'paths.backend': { value: '/srv/oms/backend', source: 'unit WorkingDirectory' } },
      notes: [{ value: 'User=erp', source: 'systemctl show User' }],
      undecided: [{ keys: ['paths.nginxConf'], reason: 'nginx -T failed (exit 1): sudo: a password is required' }],
    };
    const m = layoutMessage('prod', { discovery: d, resolved: applyLayout(target, d), cached: false });
    const text = JSON.stringify(m.message.blocks);
    expect(text).toContain('`paths.backend` /opt/OMS/backend ← _config_');
    expect(text).toContain('paths.nginxConf: nginx -T failed');
    expect(text).toContain('paths.backend is /opt/OMS/backend but the server says /srv/oms/backend');
    expect(text).toContain('User=erp');
    expect(limitViolations(m.message)).toEqual([]);
  });

  it('hostile server output (huge values, mrkdwn, mentions, secrets) stays within the limits, escaped and redacted', () => {
    const huge = `/x/${'a'.repeat(5000)} <!channel> *bold* password=Hunter2Secret99`;
    const d: Discovery = {
      values: Object.fromEntries(LAYOUT_KEYS.map((k) => [k, { value: huge, source: huge }])),
      notes: Array.from({ length: 500 }, () => ({ value: huge, source: huge })),
      undecided: Array.from({ length: 500 }, () => ({ keys: [...LAYOUT_KEYS], reason: huge })),
    };
    const configured = { ...target, configured: [...LAYOUT_KEYS] };
    const m = layoutMessage('prod', { discovery: d, resolved: applyLayout(configured, d), cached: false });
    expect(limitViolations(m.message)).toEqual([]);
    expect(m.overflow).toEqual([]);
    const text = JSON.stringify(m.message);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('Hunter2Secret99');
    expect(text).toContain('492 more: `oms-chatops discover prod` shows all');
  });
});

describe('bundleDoneMessage', () => {
  it('names the file, what was cut, and asks for the browser items with how to get them', () => {
    const m = bundleDoneMessage('prod', 'U0ALICE', {
      bundle: {
        archive: Buffer.alloc(2048),
        manifest: [
          { file: 'journal-backend.txt', source: 'journalctl', size: 1, sha256: 'x', cut: true },
          { file: 'unit-file.txt', source: 'systemctl cat', size: 1, sha256: 'y', cut: false },
        ],
      },
      fileName: 'oms-bundle-prod-20261130T050000Z.tar.gz',
      verdict: 'ok (0 findings)',
    });
    const text = JSON.stringify(m.message.blocks);
    expect(text).toContain('oms-bundle-prod-20261130T050000Z.tar.gz');
    expect(text).toContain('2.0 KiB, 2 files');
    expect(text).toContain('`journal-backend.txt`');
    expect(text).not.toContain('`unit-file.txt`');
    expect(text).toContain('Save all as HAR');
    expect(text).toContain('F12 → Console');
    expect(limitViolations(m.message)).toEqual([]);
  });
});
