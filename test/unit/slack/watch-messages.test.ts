import { findCheck } from '../../../src/checks/registry.js';
import type { WatchSpec } from '../../../src/config/watch.js';
import { runPlaybook } from '../../../src/engine/engine.js';
import { Outbox } from '../../../src/slack/outbox.js';
import { watchPostMessage } from '../../../src/slack/watch-messages.js';
import type { WatchPost } from '../../../src/watch/decide.js';
import type { Report } from '../../../src/engine/report.js';
import { realPlaybooks, testConfig } from '../../helpers/fake-slack-harness.js';
import { ReplayTransport } from '../../helpers/replay-transport.js';

const WATCH: WatchSpec = {
  id: 'checklist-prod',
  playbook: 'checklist',
  targetsText: 'prod',
  targets: ['prod'],
  everyMs: 300_000,
  channel: 'C0123ABCD',
  remindEveryMs: 14_400_000,
};

async function report(scenario: string): Promise<Report> {
  const checklist = (await realPlaybooks()).find((p) => p.id === 'checklist')!;
  return runPlaybook(checklist, testConfig().targets.get('prod')!, new ReplayTransport(scenario), { findCheck });
}

describe('a watch post in Slack', () => {
  test('a new finding: the findings, Re-run / Show playbook / Request buttons, no Share (nobody asked)', async () => {
    const r = await report('backend-stopped');
    const findings = r.findings.filter((f) => f.severity !== 'info');
    const msg = Outbox.prepare(watchPostMessage(WATCH, { kind: 'new', target: 'prod', findings, report: r }));
    const json = JSON.stringify(msg.blocks);
    expect(msg.text).toMatch(/^\[checklist-prod\] prod: 新发现 \/ new: /);
    expect(json).toContain('oms_rerun');
    expect(json).toContain('oms_show_playbook');
    expect(json).toMatch(/oms_request_[a-z-]+/);
    expect(json).not.toContain('oms_share');
    expect(json).toContain('[CRITICAL]');
  });

  test('every kind fits Block Kit, and hostile text is escaped and redacted', () => {
    const hostile = '<!channel> password=hunter2 <https://evil.example|click>';
    const posts: WatchPost<Report>[] = [
      { kind: 'unreachable', target: 'prod', error: hostile },
      { kind: 'back', target: 'prod', downForMs: 3 * 3_600_000 + 120_000 },
      { kind: 'resolved', target: 'prod', findings: [{ id: 'x', title: hostile }] },
      {
        kind: 'reminder',
        items: Array.from({ length: 200 }, (_, i) => ({
          target: `web${i}`,
          findings: [hostile],
          unreachable: i % 2 === 0,
          forMs: 5 * 3_600_000,
        })),
      },
    ];
    for (const p of posts) {
      const msg = Outbox.prepare(watchPostMessage(WATCH, p));
      const all = JSON.stringify(msg);
      expect(all).not.toContain('<!channel>');
      expect(all).not.toContain('hunter2');
      expect(all).not.toContain('<https://evil');
    }
    expect(Outbox.prepare(watchPostMessage(WATCH, posts[1]!)).text).toMatch(/reachable again after 3h 2m/);
    const reminder = JSON.stringify(Outbox.prepare(watchPostMessage(WATCH, posts[3]!)).blocks);
    expect(reminder).toContain('web19 (5h)');
    expect(reminder).not.toContain('web20 (5h)');
    expect(reminder).toContain('… +180');
    expect(reminder).not.toContain('完整内容见消息串');
  });
});
