import { findCheck } from '../../../src/checks/registry.js';
import { localTarget } from '../../../src/config/target.js';
import { runPlaybook } from '../../../src/engine/engine.js';
import type { Report, ReportObservation } from '../../../src/engine/report.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { CUT_NOTE, LIMITS, type Block, type SlackMessage } from '../../../src/render/block-limits.js';
import { limitViolations } from '../../../src/render/limit-violations.js';
import {
  noticeMessage,
  playbookMessage,
  progressMessage,
  reportDetails,
  reportFile,
  reportMessage,
  shareSummary,
  suggestionMessage,
} from '../../../src/render/blocks.js';
import { reportButtons } from '../../../src/slack/report-buttons.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';

/** Block Kit payloads: snapshots of real reports, and every limit on the largest realistic report. */
let playbooks: Playbook[];
const reports: Record<string, Report> = {};
const FIXED = () => new Date('2026-11-22T13:17:42.000Z');

beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  for (const [scenario, pb] of [
    ['cors-missing-origin', 'login'],
    ['backend-stopped', 'api-not-found'],
    ['healthy', 'checklist'],
    ['unit-user-www-data', 'service-start'],
  ] as const) {
    const r = await runPlaybook(
      playbooks.find((p) => p.id === pb)!,
      localTarget(),
      new ReplayTransport(scenario),
      { findCheck, now: FIXED },
    );
    // Durations vary run to run; fix them for snapshots.
    r.observations = r.observations.map((o) => ({ ...o, durationMs: 42 }));
    reports[scenario] = r;
  }
});

const run = { requester: 'U0ALICE', what: 'diagnose login' };
const allText = (m: SlackMessage) => JSON.stringify(m);

/** The largest realistic report: 60 checks with full evidence excerpts, every finding of the checklist firing. */
function hugeReport(): Report {
  const base = reports['backend-stopped']!;
  const evidence = Array.from(
    { length: 12 },
    (_, i) =>
      `Nov 22 13:17:${String(i).padStart(2, '0')} oms gunicorn[3321281]: [ERROR] Worker (pid:33212${i}) was sent SIGKILL! Perhaps out of memory? ${'x'.repeat(100)}`,
  )
    .join('\n')
    .slice(0, 1500);
  const observations: ReportObservation[] = Array.from({ length: 60 }, (_, i) => ({
    check: `check-number-${String(i).padStart(2, '0')}-with-a-long-id`,
    title: `检查 ${i}`,
    status: (['ok', 'warn', 'fail', 'error', 'skipped'] as const)[i % 5]!,
    summary: `后端服务未运行，8000 端口没有监听 / the backend is not running and nothing listens on 127.0.0.1:8000 — check ${i} ${'…'.repeat(20)}`,
    evidence,
    facts: {},
    signals: [],
    durationMs: 1000 + i,
    truncated: i % 7 === 0,
  }));
  const checklist = playbooks.find((p) => p.id === 'checklist')!;
  const findings = checklist.findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    title: f.title,
    evidence,
    fix: f.fix,
    action: f.action
      ? { id: f.action, title: `${f.action} title`, command: ['sudo -n /usr/bin/systemctl restart oms-backend'] }
      : null,
    matched: [],
  }));
  return {
    ...base,
    playbook: { id: 'checklist', title: checklist.title, titleEn: checklist.titleEn },
    verdict: 'problem',
    observations,
    findings,
  };
}

describe('report messages', () => {
  it.each(['cors-missing-origin', 'backend-stopped', 'healthy', 'unit-user-www-data'])(
    'final root message for %s (snapshot), within limits',
    (scenario) => {
      const r = reports[scenario]!;
      const fitted = reportMessage(r, run, reportButtons(r, 'U0ALICE', 'diagnose'));
      expect(limitViolations(fitted.message)).toEqual([]);
      expect(fitted.overflow).toEqual([]);
      expect(fitted.message).toMatchSnapshot();
    },
  );

  it('root cause and fix come before the check lines; one line per check with status, summary and duration', () => {
    const r = reports['cors-missing-origin']!;
    const m = reportMessage(r, run, []).message;
    const text = m.blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join('\n');
    expect(text.indexOf('Most likely root cause')).toBeGreaterThan(-1);
    expect(text.indexOf('Most likely root cause')).toBeLessThan(text.indexOf('*修复 / Fix:*'));
    expect(text.indexOf('*修复 / Fix:*')).toBeLessThan(text.indexOf('*检查 / Checks:*'));
    for (const o of r.observations) expect(text).toMatch(new RegExp(`\`${o.check}\` .*_\\(42 ms\\)_`));
    expect(m.text).toMatch(/Verdict|problem found/);
  });

  it('thread details carry each finding evidence in code blocks and the fix (snapshot)', () => {
    const d = reportDetails(reports['backend-stopped']!);
    expect(limitViolations(d.message)).toEqual([]);
    expect(allText(d.message)).toContain('```');
    expect(d.message).toMatchSnapshot();
  });

  it('progress message lists finished checks and the pending ones', () => {
    const r = reports['cors-missing-origin']!;
    const p = progressMessage(
      { ...run, playbook: r.playbook, target: r.target, checks: r.observations.map((o) => o.check) },
      r.observations.slice(0, 3),
    );
    expect(limitViolations(p.message)).toEqual([]);
    expect(allText(p.message)).toContain(`3/${r.observations.length}`);
    expect(allText(p.message)).toContain(':hourglass_flowing_sand:');
    expect(p.message).toMatchSnapshot();
  });

  it('secrets from the captures never reach a payload', () => {
    const leaky = {
      ...reports['healthy']!,
      headline: 'DATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK',
      findings: [
        {
          id: 'x',
          severity: 'error' as const,
          title: 'REDIS_PASSWORD=nxcG0fXEWVsXKBOJWBPhDY26',
          evidence: 'DATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK\nREDIS_PASSWORD=nxcG0fXEWVsXKBOJWBPhDY26',
          fix: '`REDIS_PASSWORD=nxcG0fXEWVsXKBOJWBPhDY26`',
          action: null,
          matched: [],
        },
      ],
    };
    const all =
      [
        reportMessage(leaky, run, []).message,
        reportDetails(leaky).message,
        noticeMessage('DATABASE_PASSWORD=EVuWdnct2NUwk9oKAAJK').message,
      ]
        .map(allText)
        .join() + reportFile(leaky).content;
    expect(all).not.toContain('EVuWdnct2NUwk9oKAAJK');
    expect(all).not.toContain('nxcG0fXEWVsXKBOJWBPhDY26');
  });
});

describe('Block Kit limits on the largest realistic report (60 checks)', () => {
  const checkEveryLimit = (m: SlackMessage) => {
    expect(limitViolations(m)).toEqual([]);
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.text.length).toBeGreaterThan(0);
    for (const b of m.blocks as Block[]) {
      if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      if (b.type === 'actions') {
        for (const e of b.elements) {
          expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
          expect(e.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        }
      }
    }
  };

  it('the root message fits; nothing is silently cut (overflow goes to the file, with a visible note)', () => {
    const r = hugeReport();
    const fitted = reportMessage(r, run, reportButtons(r, 'U0ALICE', 'diagnose checklist'));
    checkEveryLimit(fitted.message);
    const text = allText(fitted.message);
    const shown = r.observations.filter((o) => text.includes(o.check)).length;
    // 60 checks cannot all fit in one message: the test is about what happens to the rest.
    expect(shown).toBeLessThan(60);
    expect(fitted.overflow.join('\n')).toContain(r.observations[59]!.check);
    expect(text).toContain(CUT_NOTE);
    expect(fitted.message.blocks.at(-1)!.type).toBe('actions');
  });

  it('the details message fits and hands what did not fit to the file', () => {
    const r = hugeReport();
    const d = reportDetails(r);
    checkEveryLimit(d.message);
    expect(d.overflow.length).toBeGreaterThan(0);
    expect(allText(d.message)).toContain(CUT_NOTE);
    const file = reportFile(r);
    for (const o of r.observations) expect(file.content).toContain(o.check);
  });

  it('progress of a 60-check run fits', () => {
    const r = hugeReport();
    checkEveryLimit(
      progressMessage(
        { ...run, playbook: r.playbook, target: r.target, checks: r.observations.map((o) => o.check) },
        r.observations.slice(0, 30),
      ).message,
    );
  });

  it('playbook messages, notices, suggestions and share summaries fit', () => {
    for (const p of playbooks) checkEveryLimit(playbookMessage(p).message);
    checkEveryLimit(
      noticeMessage('x'.repeat(5000), {
        choices: Array.from({ length: 200 }, (_, i) => `t${i}`),
        next: 'y'.repeat(4000),
      }).message,
    );
    checkEveryLimit(
      suggestionMessage({ id: 'login', title: 'T'.repeat(500) }, 0.9, {
        text: 'R'.repeat(200),
        actionId: 'oms_run_diagnosis',
        value: '{}',
      }).message,
    );
    checkEveryLimit(
      shareSummary({
        title: 'T'.repeat(400),
        target: 'prod',
        verdictLine: 'v'.repeat(4000),
        requester: 'U1',
        sharedBy: 'U2',
        permalink: 'https://x/y',
      }).message,
    );
  });

  it('a button value over 2000 characters is a bug and throws', () => {
    expect(() => noticeMessage('x', { buttons: [{ text: 'b', actionId: 'a', value: 'v'.repeat(2001) }] })).toThrow(
      /limit 2000/,
    );
  });
});
