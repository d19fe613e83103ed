import type { Report, ReportFinding } from '../../../src/engine/report.js';
import { reportDetails, reportMessage } from '../../../src/render/blocks.js';
import { orderedFindings } from '../../../src/render/chain-order.js';
import { renderText } from '../../../src/render/text.js';

const finding = (id: string, extra: Partial<ReportFinding> = {}): ReportFinding => ({
  id,
  severity: 'error',
  title: `title of ${id}`,
  evidence: `[check] evidence of ${id}`,
  fix: `fix of ${id}`,
  action: null,
  matched: [],
  ...extra,
});

function report(): Report {
  return {
    target: { name: 'lab', host: '127.0.0.1', transport: 'omsbot@127.0.0.1:2222' },
    playbook: { id: 'api-not-found', title: '接口', titleEn: 'API' },
    startedAt: '2026-11-30T07:00:00.000Z',
    finishedAt: '2026-11-30T07:00:01.000Z',
    verdict: 'problem',
    headline: '发现问题 / problem found — title of port-taken',
    findings: [
      finding('port-taken', { severity: 'critical', explains: ['backend-start-failed'] }),
      finding('backend-start-failed', { severity: 'critical', explainedBy: 'port-taken', explains: ['bad-gateway'] }),
      finding('bad-gateway', { explainedBy: 'backend-start-failed' }),
      finding('cors'),
      finding('hint', { severity: 'info' }),
    ],
    observations: [],
    followUp: [{ check: 'backend-port-holder', cause: 'port-taken', because: ['backend-service:restart-loop'] }],
  };
}

describe('causal chains and follow-up checks in every rendering', () => {
  it('keeps each chain together, roots above info first', () => {
    const r = report();
    r.findings = [r.findings[4]!, ...r.findings.slice(0, 4)];
    expect(orderedFindings(r).map((f) => f.id)).toEqual([
      'port-taken',
      'backend-start-failed',
      'bad-gateway',
      'cors',
      'hint',
    ]);
  });

  it('text: the root numbered, what it explains under it, then the next root, and the added checks with why', () => {
    const text = renderText(report());
    expect(text).toContain(
      [
        '1. [严重 CRITICAL] title of port-taken',
        '    [check] evidence of port-taken',
        '    fix of port-taken',
        '   ↳ 因此 / because of this: [严重 CRITICAL] title of backend-start-failed',
        '      ↳ 因此 / because of this: [错误 ERROR] title of bad-gateway',
        '2. [错误 ERROR] title of cors',
        '3. [提示 INFO] title of hint',
      ].join('\n'),
    );
    expect(text).toContain('追加的检查 / Checks added following the evidence:');
    expect(text).toMatch(
      /\+ backend-port-holder +为确认或排除 port-taken \/ to confirm or rule out port-taken \(因为 \/ because: backend-service:restart-loop\)/,
    );
  });

  it('Slack: the chain under the root cause, other roots numbered from 2, the added checks; within limits', () => {
    const msg = reportMessage(report(), { requester: 'U1', what: 'diagnose api' }, []);
    const texts = JSON.stringify(msg.message.blocks);
    const at = (s: string) => texts.indexOf(s);
    expect(at('最可能的根因 / Most likely root cause')).toBeLessThan(at('↳ 因此 / because of this: [严重 CRITICAL]'));
    expect(at('↳ 因此 / because of this: [严重 CRITICAL] title of backend-start-failed')).toBeGreaterThan(0);
    expect(at('↳ 因此 / because of this: [错误 ERROR] title of bad-gateway')).toBeGreaterThan(0);
    expect(texts).toContain('2. [错误 ERROR] title of cors');
    expect(texts).toContain('3. [提示 INFO] title of hint');
    expect(texts).toContain('`backend-port-holder`');
    expect(texts).toContain('to confirm or rule out port-taken');
    expect(msg.message.blocks!.length).toBeLessThanOrEqual(50);
    expect(msg.overflow).toEqual([]);
    const details = JSON.stringify(reportDetails(report()).message.blocks);
    expect(details).toContain('↳ 因此 / because of this: [错误 ERROR] title of bad-gateway');
    expect(details).toContain('evidence of bad-gateway');
    expect(details).toContain('to confirm or rule out port-taken');
  });

  it('JSON: explains, explainedBy and followUp are additive keys of the report', () => {
    const json = JSON.parse(JSON.stringify(report())) as Report;
    expect(json.findings[0]).toMatchObject({ id: 'port-taken', explains: ['backend-start-failed'] });
    expect(json.findings[2]).toMatchObject({ id: 'bad-gateway', explainedBy: 'backend-start-failed' });
    expect(json.followUp).toHaveLength(1);
  });
});
