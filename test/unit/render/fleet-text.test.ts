import { summarizeFleet } from '../../../src/engine/fleet-summary.js';
import type { Report, Verdict } from '../../../src/engine/report.js';
import { renderFleetText } from '../../../src/render/fleet-text.js';
import { displayWidth } from '../../../src/render/text-width.js';

const run = {
  group: 'prod',
  what: 'diagnose login',
  startedAt: '2026-11-30T08:00:00.000Z',
  finishedAt: '2026-11-30T08:00:02.000Z',
};

function report(name: string, verdict: Verdict, cause: string | null): Report {
  return {
    target: { name, host: '127.0.0.1', transport: 'ssh' },
    playbook: { id: 'login', title: '登录', titleEn: 'login' },
    startedAt: '2026-11-30T08:00:00.000Z',
    finishedAt: '2026-11-30T08:00:01.500Z',
    verdict,
    headline: verdict,
    findings: cause
      ? [{ id: 'f', severity: 'critical', title: cause, evidence: '', fix: '', action: null, matched: [] }]
      : [],
    observations: [],
  };
}

/** The table's rows (header included): every line up to the one after the last target row. */
function tableRows(out: string, names: readonly string[]): string[] {
  return out.split('\n').filter((l) => l.startsWith('target') || names.some((n) => l.startsWith(`${n} `)));
}

describe('renderFleetText: columns line up whatever the script of the cells', () => {
  const reports = [
    report('web1', 'problem', '后端服务没有运行：oms-backend 处于 failed 状态，端口 8000 无人监听 (backend down)'),
    report('web-22', 'problem', 'ALLOWED_HOSTS lacks 172.29.91.61'),
    report('w3', 'warning', '前端 API 地址（VITE_API_URL）指向 localhost'),
    report('web4', 'ok', null),
  ];
  const out = renderFleetText(summarizeFleet(reports, run), reports);
  const rows = tableRows(
    out,
    reports.map((r) => r.target.name),
  );

  it('every row, the header included, is as wide on a terminal and its time column ends together', () => {
    expect(rows).toHaveLength(5);
    const widths = rows.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    for (const r of rows.slice(1)) expect(r).toMatch(/ 1\.5 s$/);
  });

  it('the verdict and root-cause columns start at the same terminal column on every row', () => {
    const causeColumn = (l: string) => displayWidth(l.slice(0, l.search(/(后端|ALLOWED|前端|—)/)));
    expect(new Set(rows.slice(1).map(causeColumn)).size).toBe(1);
  });

  it('a long Chinese root cause is cut by columns (64), ending in …, and is whole in the details', () => {
    const row = rows.find((l) => l.startsWith('web1 '))!;
    const cause = row.slice(row.indexOf('后端')).replace(/\s+1\.5 s$/, '');
    expect(cause.endsWith('…')).toBe(true);
    expect(displayWidth(cause)).toBeLessThanOrEqual(64);
    expect(displayWidth(cause)).toBeGreaterThanOrEqual(63);
    expect(out).toContain('端口 8000 无人监听 (backend down)');
  });
});
