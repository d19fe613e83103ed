import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig, resolveConfigPath } from '../../../src/config/config.js';
import { configErrorOf as errorOf } from '../../helpers/config-error.js';

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

describe('config errors never quote a foreign file, and every YAML problem has a line and what to do', () => {
  const SHADOW = 'root:$6$S3cretSalt$S3cretHashXyZ:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';

  it.each([
    ['/etc/shadow', SHADOW],
    ['/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nomsbot:x:1001:1001::/home/omsbot:/bin/sh\n'],
    ['a YAML list', '- S3cretListItem\n- b\n'],
    ['a mapping with none of our keys', 'S3cretKey: 1\nother: 2\n'],
    ['a binary file', '\u007fELF\u0002\u0001\u0001\u0000S3cretBinary\u0000\n'],
    ['an alias bomb without our keys', 'a: &a [S3cretLol, x]\nb: &b [*a, *a, *a]\n'],
  ])('%s: not an oms-chatops config, and none of its text', (_what, text) => {
    const e = errorOf(text);
    expect(e.message).toContain('not an oms-chatops config (expected a YAML mapping with targets:)');
    expect(e.message).not.toMatch(/S3cret|root|omsbot|daemon/);
    expect(e.key).toBe('');
  });

  it('a billion-laughs file under a known key: file:line:key and what to do, no expansion', () => {
    const lol = (name: string, of: string) => `  ${name}: &${name} [${Array(9).fill(`*${of}`).join(', ')}]`;
    const text = [
      'targets: {}',
      'policy:',
      '  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      lol('b', 'a'),
      lol('c', 'b'),
      lol('d', 'c'),
      lol('e', 'd'),
      lol('f', 'e'),
      lol('g', 'f'),
      lol('h', 'g'),
      lol('i', 'h'),
    ].join('\n');
    const e = errorOf(text);
    expect(e.line).toBe(4);
    expect(e.key).toBe('policy.b.0');
    expect(e.message).toMatch(/oms-chatops\.yml:4: policy\.b\.0: too many \*aliases .*write the values out/);
  });

  it.each([
    [
      'a duplicate key',
      'targets:\n  prod:\n    host: local\n  prod:\n    host: local\n',
      4,
      'targets.prod',
      /DUPLICATE_KEY.*keep one/,
    ],
    ['bad indentation', 'targets:\n  prod:\n    host: local\n     port: 22\n', 3, 'targets.prod.host', /indented/],
    [
      'a duplicate at the end of a long mapping',
      `policy:\n  approvers: []\n  selfApproval: false\n  approvers: []\n`,
      4,
      'policy.approvers',
      /DUPLICATE_KEY/,
    ],
    ['a tab', 'targets:\n\tprod: {}\n', 2, '', /tab.*spaces/],
    ['an unclosed bracket', 'policy:\n  approvers: [U0123ABCD\n', 2, 'policy.approvers.0', /close every bracket/],
    ['an unknown alias', 'targets: *nowhere\n', 1, 'targets', /reference could not be resolved/],
    ['brackets 100 000 deep', `targets: ${'['.repeat(100_000)}`, 1, '', /nested deeper than 64/],
  ])('%s', (_what, text, line, key, problem) => {
    const e = errorOf(text);
    expect([e.line, e.key]).toEqual([line, key]);
    expect(e.message).toMatch(problem);
    expect(e.message).toMatch(/^oms-chatops\.yml:\d+: /);
  });

  it('an unknown top-level key has its line; key names are cut and escaped', () => {
    const top = errorOf('targets: {}\n\npolcy:\n  approvers: []\n');
    expect(top.line).toBe(3);
    expect(top.message).toBe(
      `oms-chatops.yml:3: unknown key "polcy" (check the spelling; see the README's configuration reference)`,
    );
    const odd = errorOf(`targets:\n  prod:\n    host: local\n    "\\e[31m${'x'.repeat(100)}": 1\n`);
    expect(odd.line).toBe(4);
    expect(odd.message).not.toContain('\u001b');
    expect(odd.message).toContain('\\u001b[31m');
    expect(odd.message).not.toContain('x'.repeat(41));
  });

  it('20 000 keys: the duplicate check is one pass (the library compares every pair) and names the repeat', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: v\n`).join('');
    const e = errorOf(`targets: {}\npolicy:\n${keys}  k5: again\n`);
    expect([e.line, e.key]).toEqual([20_003, 'policy.k5']);
    expect(e.message).toMatch(/DUPLICATE_KEY/);
  }, 60_000);

  it('refuses what is not a regular small file (a device, a directory) without reading it', async () => {
    await expect(loadConfig('/dev/zero')).rejects.toThrow(/not an oms-chatops config/);
    await expect(loadConfig(tmpdir())).rejects.toThrow(/not an oms-chatops config/);
    const dir = mkdtempSync(join(tmpdir(), 'oms-cfg-'));
    writeFileSync(join(dir, 'shadow'), SHADOW);
    const e = await loadConfig(join(dir, 'shadow')).catch((x: unknown) => x as ConfigError);
    expect(e).toBeInstanceOf(ConfigError);
    expect((e as ConfigError).message).not.toContain('S3cret');
  });
});
