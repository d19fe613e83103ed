import { APPROVAL_STATUSES, type Approval } from '../../../src/approvals/approval.js';
import { LIMITS } from '../../../src/render/block-limits.js';
import { limitViolations } from '../../../src/render/limit-violations.js';
import {
  approvalCard,
  auditMessage,
  denyModal,
  refusalMessage,
  resultReply,
} from '../../../src/slack/approval-card.js';
import { SlackUserGroups } from '../../../src/slack/approval-groups.js';

const long = (n: number, s = '超长的说明 very long text ') => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** The largest realistic approval: two commands (daemon-reload + restart), a 500-character reason, a long finding, five approvers, sudo refused with stderr. */
function biggest(status: Approval['status']): Approval {
  const at = '2026-11-22T10:00:00.000Z';
  return {
    v: 1,
    id: 'AbCdEfGhIjKlMnOpQrStUv',
    action: 'daemon-reload',
    actionTitle: `${long(60)} / ${long(60)}`,
    target: 'production-eu-west-replica-01',
    host: 'oms-backend-primary.internal.example.com',
    command: [
      ['/usr/bin/systemctl', 'daemon-reload'],
      ['/usr/bin/systemctl', 'restart', 'oms-backend'],
    ],
    requester: { id: 'U0REQUESTER', via: 'slack', channel: 'C0OPS' },
    reason: long(500),
    finding: { id: 'unit-file-changed-on-disk', title: long(300) },
    createdAt: at,
    expiresAt: '2026-11-22T10:15:00.000Z',
    approvalsNeeded: 5,
    status,
    approvedBy: ['U0A', 'U0B', 'U0C', 'U0D', 'U0E'].map((by) => ({ by, via: 'slack' as const, at })),
    ...(status === 'denied' ? { deniedBy: { by: 'U0A', via: 'slack' as const, at, reason: long(500) } } : {}),
    decidedAt: at,
    statusReason: long(500),
    ...(['succeeded', 'failed', 'refused'].includes(status)
      ? {
          result: {
            startedAt: at,
            finishedAt: at,
            durationMs: 12_345,
            verdict: 'command-failed' as const,
            summary: long(400),
            preconditions: Array.from({ length: 3 }, (_, i) => ({
              check: `pre-${i}`,
              status: 'ok',
              summary: long(300),
            })),
            steps: [
              {
                argv: ['/usr/bin/systemctl', 'daemon-reload'],
                exitCode: 1,
                signal: null,
                timedOut: false,
                durationMs: 20,
                stderr: long(2000, 'sudo: a password is required\n'),
                sudoRefusal: {
                  kind: 'password',
                  message: long(300),
                  sudoersLine: 'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl daemon-reload',
                  hint: long(300),
                },
              },
            ],
            exitCode: 1,
            postChecks: Array.from({ length: 6 }, (_, i) => ({
              check: `post-check-${i}`,
              status: 'fail',
              summary: long(300),
            })),
            mainPid: { before: 4100, after: 4100 },
            hint: long(400),
          },
        }
      : {}),
    meta: { channel: 'C0OPS', ts: '1700000000.000200' },
  };
}

describe('approval card', () => {
  it.each(APPROVAL_STATUSES)(
    'the largest realistic card (%s) keeps every Block Kit limit, with buttons only while pending',
    (status) => {
      const card = approvalCard(biggest(status));
      expect(limitViolations(card.message)).toEqual([]);
      // Nothing had to be cut (a card has no thread file to hold the rest).
      expect(card.overflow).toEqual([]);
      expect(card.message.text.length).toBeGreaterThan(0);
      const buttons = card.message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
      expect(buttons.map((b) => b.action_id)).toEqual(
        status === 'pending' ? ['approval_approve', 'approval_deny'] : [],
      );
      for (const b of buttons) {
        expect(b.confirm!.title.text.length).toBeLessThanOrEqual(LIMITS.confirmTitle);
        expect(b.confirm!.text.text.length).toBeLessThanOrEqual(LIMITS.confirmText);
        expect(b.confirm!.confirm.text.length).toBeLessThanOrEqual(LIMITS.confirmButton);
        expect(b.confirm!.deny.text.length).toBeLessThanOrEqual(LIMITS.confirmButton);
        expect(b.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        expect(JSON.parse(b.value!)).toEqual({
          id: 'AbCdEfGhIjKlMnOpQrStUv',
          action: 'daemon-reload',
          target: 'production-eu-west-replica-01',
        });
      }
    },
  );

  it('the exact command is shown whole, in a code block, even when the rest is long', () => {
    const text = JSON.stringify(approvalCard(biggest('pending')).message.blocks);
    expect(text).toContain(
      'sudo -n /usr/bin/systemctl daemon-reload && sudo -n /usr/bin/systemctl restart oms-backend',
    );
    expect(text).toContain('```');
  });

  it('the sudoers line is on a card whose command sudo refused', () => {
    expect(JSON.stringify(approvalCard(biggest('failed')).message.blocks)).toContain(
      'omsbot ALL=(root) NOPASSWD: /usr/bin/systemctl daemon-reload',
    );
  });

  it('text from users cannot form mentions or links on the card', () => {
    const a = { ...biggest('pending'), reason: '<!channel> please <https://evil.example|click>' };
    const text = JSON.stringify(approvalCard(a).message.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('result reply, refusal and audit messages keep the limits too', () => {
    expect(limitViolations(resultReply(biggest('failed')).message)).toEqual([]);
    expect(
      limitViolations(
        refusalMessage({ kind: 'refused', code: 'tampered', message: long(3000), hint: long(1000) }).message,
      ),
    ).toEqual([]);
    const records = Array.from({ length: 500 }, (_, i) => ({
      ts: `2026-11-22T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
      event: 'action.refused' as const,
      user: 'U0X',
      target: 'prod',
      reason: long(300),
    }));
    const audit = auditMessage(records, ' since 1h');
    expect(limitViolations(audit.message)).toEqual([]);
    expect(audit.message.text).toContain('500 record(s)');
    expect(JSON.stringify(audit.message.blocks)).toContain('older record(s)');
  });

  it('the Deny dialog carries the reference and the card place, and its reason is optional', () => {
    const view = denyModal(
      '{"id":"x"}',
      { channel: 'C0OPS', messageTs: '1.2' },
      { action: 'restart-backend', target: 'prod' },
    ) as { private_metadata: string; blocks: Array<{ type: string; optional?: boolean }> };
    expect(JSON.parse(view.private_metadata)).toEqual({ v: '{"id":"x"}', channel: 'C0OPS', messageTs: '1.2' });
    expect(view.blocks.find((b) => b.type === 'input')?.optional).toBe(true);
  });
});

describe('user groups', () => {
  it('caches a group for 60 s, asks again after that, and does not cache a failed lookup', async () => {
    let now = 0;
    const asked: string[] = [];
    let fail = false;
    const groups = new SlackUserGroups(
      async (g) => {
        asked.push(g);
        if (fail) throw new Error('missing_scope');
        return g === 'S1' ? ['U1'] : [];
      },
      { now: () => now },
    );
    expect(await groups.isInGroup('U1', 'S1')).toBe(true);
    expect(await groups.isInGroup('U2', 'S1')).toBe(false);
    expect(asked).toEqual(['S1']);
    now = 59_999;
    await groups.isInGroup('U1', 'S1');
    expect(asked).toEqual(['S1']);
    now = 60_000;
    fail = true;
    await expect(groups.isInGroup('U1', 'S1')).rejects.toThrow('missing_scope');
    fail = false;
    expect(await groups.isInGroup('U1', 'S1')).toBe(true);
    expect(asked).toEqual(['S1', 'S1', 'S1']);
  });
});
