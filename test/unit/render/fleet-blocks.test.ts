import { summarizeFleet } from '../../../src/engine/fleet-summary.js';
import type { Report, Verdict } from '../../../src/engine/report.js';
import { LIMITS } from '../../../src/render/block-limits.js';
import { fleetMessage, FULL_ROWS } from '../../../src/render/fleet-blocks.js';
import { renderFleetText } from '../../../src/render/fleet-text.js';
import { limitViolations } from '../../../src/render/limit-violations.js';

const LONG = 'ALLOWED_HOSTS in /opt/OMS/backend/.env lacks 172.29.91.61 '.repeat(6);
const VERDICTS: Verdict[] = ['problem', 'unreachable', 'ok', 'warning', 'ok'];

function fleet(n: number): Report[] {
  return Array.from({ length: n }, (_, i) => {
    const verdict = VERDICTS[i % VERDICTS.length]!;
    return {
      target: { name: `web-${String(i + 1).padStart(3, '0')}`, host: '127.0.0.1', transport: 'ssh' },
      playbook: { id: 'login', title: '登录', titleEn: 'login' },
      startedAt: '2026-11-30T08:00:00.000Z',
      finishedAt: '2026-11-30T08:00:01.000Z',
      verdict,
      headline: verdict,
      findings:
        verdict === 'problem'
          ? [
              {
                id: 'allowed-hosts',
                severity: 'critical',
                title: LONG,
                evidence: '',
                fix: '',
                action: null,
                matched: [],
              },
            ]
          : [],
      observations: [],
      ...(verdict === 'unreachable' ? { error: { code: 'connect_timeout', message: LONG, hint: '' } } : {}),
    } satisfies Report;
  });
}

const info = (n: number) => ({
  requester: 'U0ALICE',
  what: 'diagnose login',
  title: 'OMS 诊断 / diagnosis: 登录 / login',
  group: 'all',
  targets: fleet(n).map((r) => r.target.name),
});
const run = {
  group: 'all',
  what: 'diagnose login',
  startedAt: '2026-11-30T08:00:00.000Z',
  finishedAt: '2026-11-30T08:00:02.000Z',
};

describe('fleetMessage (the Slack root table)', () => {
  it('30 targets with long root causes: every row shown, within Block Kit limits, nothing cut', () => {
    const reports = fleet(30);
    const m = fleetMessage(info(30), summarizeFleet(reports, run), true);
    expect(limitViolations(m.message)).toEqual([]);
    expect(m.overflow).toEqual([]);
    expect(m.message.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    const text = JSON.stringify(m.message.blocks);
    for (const r of reports) expect(text).toContain(`*${r.target.name}*`);
    expect(text).toMatch(/• 6 targets: ALLOWED_HOSTS/);
  });

  it('while running: finished rows and the pending targets by name', () => {
    const reports = fleet(30);
    const m = fleetMessage(info(30), summarizeFleet(reports.slice(0, 4), run), false);
    const text = JSON.stringify(m.message.blocks);
    expect(m.message.text).toMatch(/— 4\/30/);
    expect(text).toContain('`web-005`');
    expect(text).not.toContain('`web-004`');
    expect(limitViolations(m.message)).toEqual([]);
  });

  it(`past ${FULL_ROWS} targets, rows of the same verdict and cause fold into one line; 300 still fit`, () => {
    const reports = fleet(300);
    const m = fleetMessage(info(300), summarizeFleet(reports, run), true);
    expect(limitViolations(m.message)).toEqual([]);
    expect(m.overflow).toEqual([]);
    const text = JSON.stringify(m.message.blocks);
    expect(text).toMatch(/:large_green_circle: \*ok\* \*\(120\):\* web-003, web-005/);
    expect(text).toMatch(/:red_circle: \*problem\* — ALLOWED_HOSTS[^(]*\*\(60\):\* web-001, web-006/);
  });
});

describe('renderFleetText', () => {
  it('a table worst first, shared findings, then details only for targets with a problem', () => {
    const reports = fleet(5);
    const out = renderFleetText(summarizeFleet(reports, run), reports);
    const rows = out.split('\n').filter((l) => /^web-\d{3}\s/.test(l));
    expect(rows.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'web-002 unreachable',
      'web-001 problem',
      'web-004 warning',
      'web-003 ok',
      'web-005 ok',
    ]);
    expect(out).toContain('── web-002 ──');
    expect(out).not.toContain('── web-003 ──');
    expect(out.split('\n')[0]).toBe(
      'diagnose login @ all (5 targets): 1 unreachable, 1 problem, 1 warning, 2 ok · 2.0 s',
    );
  });
});
