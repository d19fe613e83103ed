import { describe, expect, it } from '@jest/globals';
import { parseReloadState, unitReloadNeeded } from '../../../src/checks/unit-reload-needed.js';
import { localTarget } from '../../../src/config/target.js';
import { HOSTILE, binaryGarbage, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
const show = (stdout: string, code = 0, stderr = '') => run(unitReloadNeeded, [res(stdout, code, stderr)]);

// `systemctl show oms-backend -p NeedDaemonReload,FragmentPath,LoadState` (systemd 252; 239 on Kylin V10 prints the same keys).
const CURRENT = 'NeedDaemonReload=no\nFragmentPath=/etc/systemd/system/oms-backend.service\nLoadState=loaded\n';
const EDITED = 'FragmentPath=/etc/systemd/system/oms-backend.service\nNeedDaemonReload=yes\nLoadState=loaded\n';
const MISSING = 'NeedDaemonReload=no\nFragmentPath=\nLoadState=not-found\n';

describe('unit-reload-needed commands', () => {
  it('asks systemctl show for three properties of the configured service, as one argv array', () => {
    expect(unitReloadNeeded.commands(target).map((c) => c.argv)).toEqual([
      ['systemctl', 'show', 'oms-backend', '-p', 'NeedDaemonReload,FragmentPath,LoadState'],
    ]);
  });
});

describe('unit-reload-needed on realistic output', () => {
  it('reloaded unit → current, ok', () => {
    expect(show(CURRENT)).toMatchObject({
      status: 'ok',
      signals: ['current'],
      facts: { fragmentPath: '/etc/systemd/system/oms-backend.service', needDaemonReload: 'no' },
    });
  });

  it('unit edited without daemon-reload → reload-needed, names the file', () => {
    const o = show(EDITED);
    expect(o).toMatchObject({ status: 'fail', signals: ['reload-needed'] });
    expect(o.summary).toContain('/etc/systemd/system/oms-backend.service');
    expect(o.evidence).toContain('NeedDaemonReload=yes');
  });

  it('CRLF line endings (captured through a Windows tool) are tolerated', () => {
    expect(show(EDITED.replace(/\n/g, '\r\n')).signals).toEqual(['reload-needed']);
  });

  it('unit not installed → skipped', () => {
    expect(show(MISSING)).toMatchObject({ status: 'skipped', signals: ['unit-not-found'] });
  });

  it('an old systemd without NeedDaemonReload → error, not a guess', () => {
    expect(show('FragmentPath=/etc/systemd/system/oms-backend.service\nLoadState=loaded\n')).toMatchObject({
      status: 'error',
      signals: [],
    });
  });
});

describe('unit-reload-needed hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(unitReloadNeeded, [result])).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.keys(HOSTILE))('%s → error', (name) => {
    expect(show(HOSTILE[name]!)).toMatchObject({ status: 'error', signals: [] });
  });

  it('the answer buried in 5 MB of noise is found; an over-long line is ignored', () => {
    expect(show(`${huge('Noise=' + 'y'.repeat(80))}${EDITED}`).signals).toEqual(['reload-needed']);
    expect(parseReloadState(`NeedDaemonReload=${'y'.repeat(600)}\n`)).toEqual({});
  });

  it('control characters and binary in FragmentPath are neutralised', () => {
    const o = show(`NeedDaemonReload=yes\nFragmentPath=/etc/\u001b[31mevil\u202E$(reboot)\nLoadState=loaded\n`);
    expect(o.signals).toEqual(['reload-needed']);
    expect(o.summary).not.toMatch(/[\u001b\u202E]/);
    expect(show(`${binaryGarbage()}\n${CURRENT}`).signals).toEqual(['current']);
  });

  it('a nonzero exit with usable-looking stdout is not trusted', () => {
    expect(show(EDITED, 1, 'Failed to get properties: Access denied').status).toBe('error');
  });
});
