import { describe, expect, it } from '@jest/globals';
import { analyzeUnitFile, unitFile } from '../../../src/checks/unit-file.js';
import { localTarget } from '../../../src/config/target.js';
import { loadCapture } from '../../helpers/capture.js';
import {
  binaryGarbage,
  HOSTILE,
  loadService,
  readService,
  res,
  run,
  TRANSPORT_FAILURES,
} from '../../fixtures/service/fixtures.js';

const target = localTarget();
const VERIFY_OK = res('');
const cat = (file: string) => res(readService(file));

describe('unit-file commands', () => {
  it('cats and verifies the unit file path (default and configured)', () => {
    expect(unitFile.commands(target).map((c) => c.argv)).toEqual([
      ['cat', '/etc/systemd/system/oms-backend.service'],
      ['systemd-analyze', 'verify', '/etc/systemd/system/oms-backend.service'],
    ]);
    const other = { ...target, paths: { ...target.paths, unitFile: '/usr/lib/systemd/system/oms.service' } };
    expect(unitFile.commands(other).map((c) => c.argv[c.argv.length - 1])).toEqual([
      '/usr/lib/systemd/system/oms.service',
      '/usr/lib/systemd/system/oms.service',
    ]);
  });
});

describe('unit-file on realistic files', () => {
  it('the healthy unit (bytes as in the healthy capture) → ok, clean', () => {
    // The healthy capture's `od -c` of the first 64 bytes matches this fixture.
    expect(
      readService('oms-backend-clean.service').startsWith(
        '[Unit]\nDescription=OMS Backend Gunicorn Service\nAfter=network.ta',
      ),
    ).toBe(true);
    const o = run(unitFile, [cat('oms-backend-clean.service'), loadCapture('healthy', 'unit-verify.txt')]);
    expect(o).toMatchObject({ status: 'ok', signals: ['clean'] });
    expect(o.facts).toMatchObject({ badLines: [], sections: ['Unit', 'Service', 'Install'] });
  });

  it('the unit-file-bom scenario → fail: BOM, line 1 outside any section, line 18 without =', () => {
    const text = readService('oms-backend-bom.service');
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const o = run(unitFile, [res(text), loadCapture('unit-file-bom', 'unit-verify.txt')]);
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['bom', 'outside-section', 'missing-equals', 'verify-errors']);
    expect(o.facts.badLines).toEqual(["1: sudo tee /etc/systemd/system/oms-backend.service <<'EOF'", '18: EOF']);
    expect(o.facts.verifyErrors).toHaveLength(2);
    expect(o.summary).toContain('1, 18');
    expect(o.summary).toMatch(/BOM/);
    expect(o.evidence).toContain('18: EOF');
  });

  it('BOM read as Latin-1 is recognised too', () => {
    const latin1 = Buffer.from(readService('oms-backend-bom.service'), 'utf8').toString('latin1');
    expect(run(unitFile, [res(latin1), VERIFY_OK]).signals).toContain('bom');
  });

  it('a BOM directly before [Unit] → bom only', () => {
    const o = run(unitFile, [res(`\uFEFF${readService('oms-backend-clean.service')}`), VERIFY_OK]);
    expect(o).toMatchObject({ status: 'fail', signals: ['bom'] });
    expect(o.facts.badLines).toEqual([]);
  });

  it('CRLF line endings alone → warn, crlf', () => {
    expect(run(unitFile, [cat('oms-backend-crlf.service'), VERIFY_OK])).toMatchObject({
      status: 'warn',
      signals: ['crlf'],
    });
  });

  it('continuations and comments (# and ;) are not bad lines', () => {
    const a = analyzeUnitFile(readService('oms-backend-continuation.service'));
    expect(a.badLines).toEqual([]);
    expect(run(unitFile, [cat('oms-backend-continuation.service'), VERIFY_OK]).signals).toEqual(['clean']);
  });

  it('missing file → fail, file-missing', () => {
    const o = run(unitFile, [
      loadService('unit-file-missing.txt'),
      res('', 1, 'Failed to prepare filename /etc/systemd/system/oms-backend.service: No such file or directory'),
    ]);
    expect(o).toMatchObject({ status: 'fail', signals: ['file-missing'] });
  });

  it('verify errors about this unit (Kylin wording, exit 1) → fail; noise about other units ignored', () => {
    const bad = run(unitFile, [cat('oms-backend-clean.service'), loadService('verify-exec-missing.txt')]);
    expect(bad).toMatchObject({ status: 'fail', signals: ['verify-errors'] });
    expect(bad.facts.verifyErrors).toEqual([
      'oms-backend.service: Command /opt/OMS/backend/venv/bin/gunicorn is not executable: No such file or directory',
    ]);
    expect(run(unitFile, [cat('oms-backend-clean.service'), loadService('verify-other-unit-noise.txt')])).toMatchObject(
      { status: 'ok', signals: ['clean'] },
    );
  });

  it('verify warnings with exit 0 alone → warn', () => {
    const o = run(unitFile, [
      cat('oms-backend-clean.service'),
      res('', 0, "/etc/systemd/system/oms-backend.service:9: Unknown key name 'Usr' in section 'Service', ignoring."),
    ]);
    expect(o).toMatchObject({ status: 'warn', signals: ['verify-errors'] });
  });
});

describe('unit-file hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name (cat) → $signal', ({ result, signal }) => {
    expect(run(unitFile, [result, VERIFY_OK])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(TRANSPORT_FAILURES)('$name (systemd-analyze) → $signal', ({ result, signal }) => {
    expect(run(unitFile, [cat('oms-backend-clean.service'), result])).toMatchObject({
      status: 'error',
      signals: [signal],
    });
  });

  it('permission denied reading the file → error', () => {
    expect(
      run(unitFile, [res('', 1, 'cat: /etc/systemd/system/oms-backend.service: Permission denied'), VERIFY_OK]),
    ).toMatchObject({ status: 'error', signals: [] });
  });

  it.each(['empty', 'whitespace', 'binary'])('%s → error', (name) => {
    expect(run(unitFile, [res(HOSTILE[name]!), VERIFY_OK])).toMatchObject({ status: 'error', signals: [] });
  });

  it('text without any section → fail, every line outside a section (capped)', () => {
    const o = run(unitFile, [res(HOSTILE['huge many lines']!), VERIFY_OK]);
    expect(o.status).toBe('fail');
    expect(o.signals).toEqual(['outside-section']);
    expect((o.facts.badLines as string[]).length).toBe(50);
  });

  it('a 5 MB single line → fail, shown shortened', () => {
    const o = run(unitFile, [res(HOSTILE['huge single line']!), VERIFY_OK]);
    expect(o.signals).toEqual(['outside-section']);
    expect((o.facts.badLines as string[])[0]!.length).toBeLessThan(200);
  });

  it('unicode and injection text → outside-section, quoted not executed', () => {
    expect(run(unitFile, [res(HOSTILE.unicode!), VERIFY_OK]).signals).toEqual(['outside-section']);
    const o = run(unitFile, [res(`[Service]\n${HOSTILE.injection}`), VERIFY_OK]);
    expect(o.signals).toEqual(['missing-equals']);
  });

  it('truncated file: the lines seen are judged', () => {
    const text = readService('oms-backend-clean.service');
    const o = run(unitFile, [{ ...res(text.slice(0, text.indexOf('ExecStart=') + 4)), truncated: true }, VERIFY_OK]);
    expect(o.signals).toEqual(['missing-equals']);
  });

  it('NUL bytes → error', () => {
    expect(run(unitFile, [res(`[Unit]\n${binaryGarbage(50)}\0`), VERIFY_OK]).status).toBe('error');
  });

  it('missing results → error', () => {
    expect(unitFile.interpret([], target).status).toBe('error');
  });
});
