import type { Comparison, Difference } from '../../../src/compare/diff.js';
import { compareText } from '../../../src/compare/text.js';
import { displayWidth } from '../../../src/render/text-width.js';

const diff = (label: string, a: string, b: string, explains: string[] = []): Difference => ({
  fact: `x.${label}`,
  group: 'settings' as Difference['group'],
  label,
  kind: 'value',
  a,
  b,
  explains,
});

const comparison: Comparison = {
  playbook: { id: 'login', title: '登录', titleEn: 'login' },
  sides: [
    { target: 'prod', host: 'a', verdict: 'problem', headline: 'ALLOWED_HOSTS', findings: [] },
    { target: 'staging', host: 'b', verdict: 'ok', headline: 'ok', findings: [] },
  ],
  differences: [
    diff('站点标题', '运维管理系统（生产）', 'OMS staging', ['allowed-hosts']),
    diff('ALLOWED_HOSTS', 'localhost', '172.29.91.61'),
    diff('说明', '这是一段很长的中文说明，用来检查按终端列宽截断是否正确，而不是按字符数截断的结果', 'short'),
  ],
  same: 3,
  notCompared: [],
  unreachable: [],
};

describe('compareText: the differences table on a terminal', () => {
  const out = compareText(comparison);
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.includes('事实 / fact'));
  const header = lines[at]!;
  const rows = ['站点标题', 'ALLOWED_HOSTS', '说明'].map((label) =>
    lines.slice(at + 1).find((l) => l.includes(label))!,
  );
  const columnOf = (l: string, text: string) => displayWidth(l.slice(0, l.indexOf(text)));

  it('the side-b column starts at the same terminal column on every row, Chinese cells or not', () => {
    const b = [columnOf(header, 'staging'), ...rows.map((r, i) => columnOf(r, ['OMS staging', '172.29', 'short'][i]!))];
    expect(new Set(b).size).toBe(1);
  });

  it('a wide value is cut to 40 terminal columns, ending in …', () => {
    const start = rows[2]!.indexOf('这是');
    const cell = rows[2]!.slice(start, rows[2]!.indexOf('…', start) + 1);
    expect(displayWidth(cell)).toBeLessThanOrEqual(40);
    expect(displayWidth(cell)).toBeGreaterThanOrEqual(39);
  });
});
