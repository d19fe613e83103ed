import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig, resolveConfigPath } from '../../../src/config/config.js';

const GOOD = `
targets:
  prod:
    host: 172.29.91.61
    port: 22
    user: omsbot
    privateKey: /etc/oms-chatops/id_ed25519
    hostKey: "SHA256:${'A'.repeat(43)}"
    publicUrl: http://172.29.91.61
    service: oms-backend
    backendBind: 127.0.0.1:8000
    paths:
      backend: /opt/OMS/backend
      frontend: /opt/OMS/frontend-pc
      nginxConf: /etc/nginx/conf.d/oms.conf
      logDir: /var/log/oms
policy:
  approvers: [U0123ABCD]
  approverGroups: [S0456EFGH]
  selfApproval: false
  approvalTtl: 15m
`;

function errorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'oms-chatops.yml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('accepts the documented shape and keeps the built-in local target', () => {
    const c = parseConfig(GOOD, 'oms-chatops.yml');
    expect([...c.targets.keys()]).toEqual(['local', 'prod']);
    expect(c.defaultTarget).toBe('prod');
    const prod = c.targets.get('prod')!;
    expect(prod.paths.logDir).toBe('/var/log/oms');
    expect(prod.maxConcurrency).toBe(8);
    expect(c.policy.approvalTtl).toBe(15 * 60_000);
  });

  it('with no file: only the local target with the notes layout', async () => {
    const c = await loadConfig(undefined);
    expect(c.source).toBe('built-in');
    expect(c.defaultTarget).toBe('local');
    const local = c.targets.get('local')!;
    expect(local.paths.backend).toBe('/opt/OMS/backend');
    expect(local.service).toBe('oms-backend');
    expect(local.backendBind).toBe('127.0.0.1:8000');
  });

  it('names the file, line, key and what was expected', () => {
    const e = errorOf(GOOD.replace('port: 22', 'port: "twenty-two"'));
    expect(e.file).toBe('oms-chatops.yml');
    expect(e.key).toBe('targets.prod.port');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/oms-chatops\.yml:5: targets\.prod\.port: .*number/i);
  });

  it('refuses unknown keys, unsafe service names, relative paths, bad Slack ids and bad YAML', () => {
    expect(errorOf(GOOD.replace('service: oms-backend', 'servce: oms-backend')).message).toMatch(
      /unknown key "servce"/,
    );
    expect(errorOf(GOOD.replace('service: oms-backend', 'service: "oms; reboot"')).key).toBe('targets.prod.service');
    // A leading dash would turn the name into an option of systemctl/journalctl.
    expect(errorOf(GOOD.replace('service: oms-backend', 'service: "--all"')).message).toMatch(
      /targets\.prod\.service: .*must not start with -/,
    );
    expect(errorOf(GOOD.replace('user: omsbot', 'user: -oProxy')).key).toBe('targets.prod.user');
    expect(errorOf(GOOD.replace('logDir: /var/log/oms', 'logDir: var/log')).message).toMatch(/absolute path/);
    expect(errorOf(GOOD.replace('U0123ABCD', 'bob')).key).toBe('policy.approvers.0');
    expect(errorOf('targets: [\n').message).toMatch(/invalid YAML/);
    expect(errorOf(GOOD.replace('approvalTtl: 15m', 'approvalTtl: soon')).message).toMatch(/duration/);
  });

  it('requires a user and a key for SSH targets', () => {
    expect(errorOf(GOOD.replace('    user: omsbot\n', '')).key).toBe('targets.prod.user');
    expect(errorOf(GOOD.replace('    privateKey: /etc/oms-chatops/id_ed25519\n', '')).key).toBe(
      'targets.prod.privateKey',
    );
  });

  it('finds the file: --config, then OMS_CHATOPS_CONFIG, then ./oms-chatops.yml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oms-cfg-'));
    expect(resolveConfigPath(undefined, {}, dir)).toBeUndefined();
    writeFileSync(join(dir, 'oms-chatops.yml'), GOOD);
    expect(resolveConfigPath(undefined, {}, dir)).toBe(join(dir, 'oms-chatops.yml'));
    expect(resolveConfigPath(undefined, { OMS_CHATOPS_CONFIG: 'other.yml' }, dir)).toBe(join(dir, 'other.yml'));
    expect(resolveConfigPath('x.yml', { OMS_CHATOPS_CONFIG: 'other.yml' }, dir)).toBe(join(dir, 'x.yml'));
    await expect(loadConfig(join(dir, 'missing.yml'))).rejects.toThrow(/file not found/);
  });
});
