import { describe, expect, it } from '@jest/globals';
import { envFormat, readEnvFormat } from '../../../src/checks/env-format.js';
import { localTarget } from '../../../src/config/target.js';
import { redact } from '../../../src/redact.js';
import { loadCapture } from '../../helpers/capture.js';
import { HOSTILE, binaryGarbage, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
/** What the engine hands the interpreter: the file, redacted whole. */
const env = (text: string) => run(envFormat, [res(redact(text))]);
const HEALTHY = loadCapture('healthy', 'backend-env.txt').stdout;
const SECRET = 'h6inws=y*4^9))7!nr*2l+ek-+p29%1k@@#mpnj8q5nj@r8!q&';

describe('env-format commands', () => {
  it('reads the same file as backend-env, one argv array', () => {
    expect(envFormat.commands(target).map((c) => c.argv)).toEqual([['cat', '/opt/OMS/backend/.env']]);
  });
});

describe('env-format on realistic files', () => {
  it('the replica .env → format-ok', () => {
    expect(env(HEALTHY)).toMatchObject({ status: 'ok', signals: ['format-ok'] });
  });

  it('saved by a Windows editor: BOM and CRLF', () => {
    const o = env(`\uFEFF${HEALTHY.replace(/\n/g, '\r\n')}`);
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['bom', 'crlf']);
    expect(o.evidence).toContain('BOM');
  });

  it('spaces around "=" name the key and line, not the value', () => {
    const o = env('DEBUG=False\nSECRET_KEY = abcdefghijklmnop1234\nALLOWED_HOSTS= 172.29.91.61\n');
    expect(o).toMatchObject({ status: 'warn', signals: ['spaces-around-equals'] });
    expect(o.evidence).toContain('SECRET_KEY (line 2)');
    expect(o.evidence).toContain('ALLOWED_HOSTS (line 3)');
  });

  it('duplicate keys with their lines', () => {
    const o = env(`${HEALTHY}\nALLOWED_HOSTS=localhost\n`);
    expect(o.signals).toEqual(['duplicate-key']);
    expect(o.evidence).toMatch(/ALLOWED_HOSTS \(lines 4, \d+\)/);
    expect(o.facts.duplicateKeys).toEqual(['ALLOWED_HOSTS']);
  });

  it.each(['SECRET_KEY=', 'SECRET_KEY=""', "SECRET_KEY=''"])('%s → required-empty', (line) => {
    const o = env(`DEBUG=False\n${line}\n`);
    expect(o).toMatchObject({ status: 'fail', signals: ['required-empty'] });
    expect(o.summary).toContain('SECRET_KEY');
  });

  it('a quote that never closes; a double-quoted value spanning lines is fine', () => {
    expect(env('SECRET_KEY="abcdefghijklmnop1234\nDEBUG=False\n').signals).toEqual(['unbalanced-quote']);
    expect(env("DB_PASSWORD='abc\n").signals).toEqual(['unbalanced-quote']);
    expect(env('CERT="-----BEGIN-----\nAAAA\n-----END-----"\nDEBUG=False\n').signals).toEqual(['format-ok']);
    expect(env('NAME="say \\"hi\\""\n').signals).toEqual(['format-ok']);
  });

  it('never prints a value, even of keys it names', () => {
    const text = `\uFEFFSECRET_KEY = ${SECRET}\r\nSECRET_KEY="${SECRET}\r\nDATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK\r\nDATABASE_PASSWORD=x\r\n`;
    for (const o of [run(envFormat, [res(text)]), env(text)]) {
      const out = JSON.stringify(o);
      for (const v of [SECRET, 'EVuWdnct2NUwk9oKAAJK', 'h6inws']) expect(out).not.toContain(v);
    }
  });

  it('a missing file is skipped (backend-env reports it); permission denied is an error', () => {
    expect(run(envFormat, [res('', 1, 'cat: /opt/OMS/backend/.env: No such file or directory')])).toMatchObject({
      status: 'skipped',
      signals: ['file-missing'],
    });
    expect(run(envFormat, [res('', 1, 'cat: /opt/OMS/backend/.env: Permission denied')]).status).toBe('error');
  });
});

describe('env-format hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(envFormat, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it('unicode keys and values: read as settings, no value echoed', () => {
    const o = run(envFormat, [res(HOSTILE.unicode!)]);
    expect(o.status).toBe('ok');
    expect(JSON.stringify(o)).not.toMatch(/活跃|用户|gnp/);
  });

  it.each(Object.keys(HOSTILE).filter((k) => k !== 'unicode'))('%s → error, no content echoed', (name) => {
    const o = run(envFormat, [res(HOSTILE[name]!)]);
    expect(o).toMatchObject({ status: 'error', signals: [] });
    expect(o.evidence).toBe('');
  });

  it('5 MB of settings: bounded report, linear time', () => {
    const o = env(huge('KEY_A = 1'));
    expect(o.signals).toEqual(['spaces-around-equals', 'duplicate-key']);
    expect(o.evidence.length).toBeLessThanOrEqual(1500);
    expect(readEnvFormat(huge('X="a')).unbalanced.length).toBeGreaterThan(0);
  });

  it('binary around real lines: the lines are still read, odd keys are not echoed', () => {
    const o = env(`${binaryGarbage(2000)}\nSECRET_KEY=\n$(reboot)=1\n`);
    expect(o.signals).toContain('required-empty');
    expect(o.summary).not.toContain('$(reboot)');
  });
});
