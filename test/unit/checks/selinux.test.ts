import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { nginxErrorLog } from '../../../src/checks/nginx-error-log.js';
import { readBoolean, readMode, selinux } from '../../../src/checks/selinux.js';
import { localTarget } from '../../../src/config/target.js';
import type { ExecResult } from '../../../src/transport/transport.js';
import { CAPTURES, parseCapture } from '../../helpers/capture.js';
import { HOSTILE, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
/** A `rhel-*.txt` capture: one or more `$ cmd … [exit N]` blocks; a failing command's text is its stderr. */
function rhel(file: string): ExecResult[] {
  const text = readFileSync(`${CAPTURES}/${file}`, 'utf8');
  return text
    .split(/(?=^\$ )/m)
    .filter((b) => b.trim())
    .map((b) => {
      const r = parseCapture(b);
      return r.code === 0 ? r : { ...r, stdout: '', stderr: `${r.stdout}${r.stderr}` };
    });
}
const debianMissing = (prog: string) => res('', 127, `bash: line 1: ${prog}: command not found`);

describe('selinux on captured RHEL-family output', () => {
  it('runs getenforce and getsebool httpd_can_network_connect', () => {
    expect(selinux.commands(target).map((c) => c.argv)).toEqual([
      ['getenforce'],
      ['getsebool', 'httpd_can_network_connect'],
    ]);
  });

  it('enforcing with the boolean off → network-connect-denied (fail)', () => {
    const o = run(selinux, rhel('rhel-selinux-enforcing-off.txt'), target);
    expect(o).toMatchObject({ status: 'fail', signals: ['network-connect-denied'] });
    expect(o.evidence).toContain('httpd_can_network_connect --> off');
  });

  it('enforcing with the boolean on → ok', () => {
    expect(run(selinux, rhel('rhel-selinux-enforcing-on.txt'), target)).toMatchObject({
      status: 'ok',
      signals: ['network-connect-allowed'],
    });
  });

  it('disabled (getsebool exits 1) and permissive → selinux-off', () => {
    expect(run(selinux, rhel('rhel-selinux-disabled.txt'), target).signals).toEqual(['selinux-off']);
    expect(run(selinux, [res('Permissive\n'), res('httpd_can_network_connect --> off\n')], target).signals).toEqual([
      'selinux-off',
    ]);
  });

  it('Debian: no getenforce → ok, not-applicable (never a finding)', () => {
    const o = run(selinux, [debianMissing('getenforce'), debianMissing('getsebool')], target);
    expect(o).toMatchObject({ status: 'ok', signals: ['not-applicable'] });
  });

  it("nginx's error log on the same host shows the denial (nginx-error-log: permission-denied)", () => {
    const [log] = rhel('rhel-nginx-error-selinux.txt');
    const o = run(nginxErrorLog, [log!, res('', 1, 'tail: cannot open')], target);
    expect(o.signals).toContain('permission-denied');
  });

  it('readers ignore lookalikes', () => {
    expect(readMode('enforcing-ish\n')).toBeUndefined();
    expect(readBoolean('httpd_can_network_connect_db --> on\n')).toBeUndefined();
  });
});

describe('selinux hostile input', () => {
  it.each(TRANSPORT_FAILURES.filter((f) => f.signal !== 'command-missing'))('$name → $signal', ({ result, signal }) => {
    expect(run(selinux, [result, result], target)).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.entries(HOSTILE))('%s → well-formed, never a pass', (_n, text) => {
    expect(run(selinux, [res(text), res(text)], target).status).toBe('error');
  });
});
