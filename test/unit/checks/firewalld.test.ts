import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { firewalld, parseZone, portOpen } from '../../../src/checks/firewalld.js';
import { localTarget, type Target } from '../../../src/config/target.js';
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

describe('firewalld on captured RHEL-family output', () => {
  it('runs firewall-cmd --list-all (it says itself when firewalld is not running)', () => {
    expect(firewalld.commands(target).map((c) => c.argv)).toEqual([['firewall-cmd', '--list-all']]);
  });

  it('the stock public zone without http → http-not-open (fail), zone and services shown', () => {
    const o = run(firewalld, rhel('rhel-firewalld-http-closed.txt'), target);
    expect(o).toMatchObject({ status: 'fail', signals: ['http-not-open'], facts: { zone: 'public', port: 80 } });
    expect(o.evidence).toContain('services: cockpit dhcpv6-client ssh');
  });

  it('http service, a rich rule for port 80 → http-open', () => {
    expect(run(firewalld, rhel('rhel-firewalld-http-open.txt'), target).signals).toEqual(['http-open']);
    expect(run(firewalld, rhel('rhel-firewalld-rich-rule.txt'), target).signals).toEqual(['http-open']);
  });

  it('the public URL on another port: that port must be open', () => {
    const t: Target = { ...target, publicUrl: 'http://172.29.91.61:8080' };
    expect(run(firewalld, rhel('rhel-firewalld-http-open.txt'), t).signals).toEqual(['http-not-open']);
    const ranges = rhel('rhel-firewalld-http-closed.txt');
    ranges[0] = { ...ranges[0]!, stdout: ranges[0]!.stdout.replace('ports: 8000/tcp', 'ports: 8000-8100/tcp') };
    expect(run(firewalld, ranges, t).signals).toEqual(['http-open']);
  });

  it('firewalld stopped (FirewallD is not running, exit 252) → not-running (ok)', () => {
    expect(run(firewalld, rhel('rhel-firewalld-not-running.txt'), target)).toMatchObject({
      status: 'ok',
      signals: ['not-running'],
    });
  });

  it('Debian: no firewall-cmd → ok, not-applicable', () => {
    expect(run(firewalld, [debianMissing('firewall-cmd')], target)).toMatchObject({
      status: 'ok',
      signals: ['not-applicable'],
    });
  });

  it('running but --list-all refused (polkit) → error that says what to do, not a finding', () => {
    const o = run(firewalld, [res('', 11, 'Authorization failed.\n')], target);
    expect(o).toMatchObject({ status: 'error', signals: [] });
    expect(o.summary).toContain('polkit');
  });

  it('zone target ACCEPT opens everything', () => {
    const z = parseZone('trusted (active)\n  target: ACCEPT\n  services: \n')!;
    expect(portOpen(z, 80)).toBe(true);
  });
});

describe('firewalld hostile input', () => {
  it.each(TRANSPORT_FAILURES.filter((f) => f.signal !== 'command-missing'))('$name → $signal', ({ result, signal }) => {
    expect(run(firewalld, [result], target)).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.entries(HOSTILE))('%s → well-formed, never a pass', (_n, text) => {
    expect(run(firewalld, [res(text)], target).status).toBe('error');
  });

  it('injection-looking zone content and 10 000 rich rules stay data and bounded', () => {
    const rules = '\trule family="ipv4" port port="$(reboot)" protocol="tcp" accept\n'.repeat(10_000);
    const list = `public (active)\n  target: default\n  services: ssh \`id\`\n  rich rules: \n${rules}`;
    const o = run(firewalld, [res(list)], target);
    expect(o.signals).toEqual(['http-not-open']);
    expect(o.evidence.length).toBeLessThanOrEqual(1201);
  });
});
