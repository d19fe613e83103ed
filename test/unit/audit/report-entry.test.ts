import type { Report } from '../../../src/engine/report.js';
import { reportAuditEntry } from '../../../src/audit/report-entry.js';

function report(overrides: Partial<Report> = {}): Report {
  return {
    target: { name: 'prod', host: '172.29.91.61', transport: 'omsbot@172.29.91.61:22' },
    playbook: { id: 'login', title: '超级管理员无法登录', titleEn: 'Admin cannot log in' },
    startedAt: '2026-11-22T13:17:42.000Z',
    finishedAt: '2026-11-22T13:17:43.250Z',
    verdict: 'problem',
    headline: 'problem',
    findings: [{ id: 'cors', severity: 'error', title: 'CORS', evidence: '', fix: '', action: null, matched: [] }],
    observations: [
      {
        check: 'cors-preflight',
        title: 'CORS',
        status: 'fail',
        summary: '',
        evidence: '',
        facts: {},
        signals: [],
        durationMs: 41,
        truncated: false,
      },
    ],
    ...overrides,
  };
}

describe('reportAuditEntry', () => {
  it('records a diagnosis with its playbook, findings and observations', () => {
    expect(reportAuditEntry(report(), { user: 'console:alice', via: 'console' })).toEqual({
      event: 'diagnosis',
      user: 'console:alice',
      via: 'console',
      target: 'prod',
      host: '172.29.91.61',
      playbook: 'login',
      verdict: 'problem',
      details: { findings: ['cors'], observations: ['cors-preflight:fail'] },
    });
  });

  it("records a single check with its id and the front end's details", () => {
    const entry = reportAuditEntry(
      report({ playbook: null, findings: [], verdict: 'ok' }),
      { user: 'U1', via: 'slack', details: { channel: 'C1' } },
      'cors-preflight',
    );
    expect(entry).toEqual({
      event: 'check',
      user: 'U1',
      via: 'slack',
      target: 'prod',
      host: '172.29.91.61',
      check: 'cors-preflight',
      verdict: 'ok',
      details: { channel: 'C1', findings: [], observations: ['cors-preflight:fail'] },
    });
  });
});
