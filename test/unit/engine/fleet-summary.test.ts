import { summarizeFleet, worstVerdict } from '../../../src/engine/fleet-summary.js';
import type { Report, ReportFinding, Verdict } from '../../../src/engine/report.js';

function report(
  name: string,
  verdict: Verdict,
  findings: Array<Pick<ReportFinding, 'id' | 'title' | 'severity'>> = [],
) {
  return {
    target: { name, host: name, transport: 'test' },
    playbook: { id: 'login', title: '登录', titleEn: 'login' },
    startedAt: '2026-11-30T08:00:00.000Z',
    finishedAt: '2026-11-30T08:00:01.500Z',
    verdict,
    headline: verdict,
    findings: findings.map((f) => ({ ...f, evidence: '', fix: '', action: null, matched: [] })),
    observations: [],
    ...(verdict === 'unreachable' ? { error: { code: 'connect_refused', message: `${name} refused`, hint: '' } } : {}),
  } satisfies Report;
}

const hosts = { id: 'allowed-hosts', title: 'ALLOWED_HOSTS lacks 172.29.91.61', severity: 'critical' as const };
const note = { id: 'note', title: 'a hint', severity: 'info' as const };
const run = { group: 'prod', what: 'diagnose login', startedAt: 'a', finishedAt: 'b' };

describe('summarizeFleet', () => {
  it('rows worst first (unreachable, problem, …, ok), same verdicts in the group order', () => {
    const s = summarizeFleet(
      [
        report('web1', 'ok'),
        report('web2', 'problem', [hosts]),
        report('web3', 'unreachable'),
        report('web4', 'warning'),
        report('web5', 'problem', [note, hosts]),
      ],
      run,
    );
    expect(s.rows.map((r) => `${r.target}:${r.verdict}`)).toEqual([
      'web3:unreachable',
      'web2:problem',
      'web5:problem',
      'web4:warning',
      'web1:ok',
    ]);
    // The root cause is the first serious finding, the transport's message when unreachable.
    expect(s.rows[0]!.rootCause).toBe('web3 refused');
    expect(s.rows[2]!.rootCause).toBe(hosts.title);
    expect(s.rows[4]!.rootCause).toBeNull();
    expect(s.rows[1]!.durationMs).toBe(1500);
    expect(s.verdict).toBe('unreachable');
    expect(s.counts).toEqual({ ok: 1, warning: 1, problem: 2, inconclusive: 0, unreachable: 1 });
  });

  it('groups findings that several targets share, the most widespread first; single ones are not listed', () => {
    const s = summarizeFleet(
      [
        report('a', 'problem', [hosts, note]),
        report('b', 'problem', [hosts]),
        report('c', 'problem', [hosts, note]),
        report('d', 'warning', [{ id: 'only-d', title: 'x', severity: 'warning' }]),
      ],
      run,
      [10, 20, 30, 40],
    );
    expect(s.shared.map((f) => `${f.id}:${f.targets.join(',')}`)).toEqual(['allowed-hosts:a,b,c', 'note:a,c']);
    expect(s.rows.map((r) => r.durationMs)).toEqual([10, 20, 30, 40]);
  });

  it('the worst verdict of none is ok', () => {
    expect(worstVerdict([])).toBe('ok');
    expect(worstVerdict(['warning', 'inconclusive', 'ok'])).toBe('inconclusive');
  });
});
