import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { parseLine } from '../../../src/audit/audit-record.js';
import { auditRequest, formatAuditRecord, parseSince } from '../../../src/audit/query.js';

function log(
  mirrors: { pushList(name: string, line: string): Promise<void> }[] = [],
  onMirrorError?: (e: Error) => void,
) {
  const file = join(mkdtempSync(join(tmpdir(), 'oms-audit-')), 'sub', 'audit.jsonl');
  const clock = { t: Date.parse('2026-11-22T10:00:00Z') };
  return {
    file,
    clock,
    audit: new AuditLog({ file, mirrors, now: () => new Date(clock.t), ...(onMirrorError ? { onMirrorError } : {}) }),
  };
}

describe('AuditLog', () => {
  it('appends one JSON object per line, in order, creating the directory', async () => {
    const { audit, file, clock } = log();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        clock.t += 1000;
        return audit.append({
          event: 'check',
          user: 'console:alice',
          via: 'cli',
          target: 'prod',
          check: `c${i}`,
          verdict: 'ok',
        });
      }),
    );
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(20);
    expect(lines.map((l) => JSON.parse(l).check)).toEqual(Array.from({ length: 20 }, (_, i) => `c${i}`));
    expect(JSON.parse(lines[0]!)).toMatchObject({ ts: '2026-11-22T10:00:01.000Z', event: 'check', target: 'prod' });
  });

  it('never writes secrets: reasons, commands and details are redacted', async () => {
    const { audit, file } = log();
    await audit.append({
      event: 'action.requested',
      user: 'U1',
      target: 'prod',
      reason: 'DB_PASSWORD=hunter2, see https://admin:pa55word@db.local/',
      command: [['/usr/bin/systemctl', 'restart', 'oms-backend']],
      details: { SECRET_KEY: 'abc123def', note: 'token xoxb-1111111111-abcdefghij' },
    });
    const text = readFileSync(file, 'utf8');
    for (const s of ['hunter2', 'pa55word', 'abc123def', 'xoxb-1111111111-abcdefghij']) expect(text).not.toContain(s);
    expect(text).toContain('/usr/bin/systemctl');
  });

  it('reads back with --since and --target filters, skipping lines that are not records', async () => {
    const { audit, file, clock } = log();
    await audit.append({ event: 'diagnosis', target: 'prod', playbook: 'login', verdict: 'problem' });
    clock.t += 2 * 3_600_000;
    await audit.append({ event: 'diagnosis', target: 'staging', playbook: 'login', verdict: 'ok' });
    await audit.append({ event: 'action.executed', target: 'prod', action: 'restart-backend', exitCode: 0 });
    appendFileSync(file, 'garbage\n{"event":"nope"}\n');
    expect(await audit.read()).toHaveLength(3);
    expect((await audit.read({ target: 'prod' })).map((r) => r.event)).toEqual(['diagnosis', 'action.executed']);
    const since = parseSince('1h', new Date(clock.t));
    expect(since.ok).toBe(true);
    if (!since.ok) return;
    expect((await audit.read({ since: since.since })).map((r) => r.target)).toEqual(['staging', 'prod']);
    expect((await audit.read({ since: since.since, target: 'prod' })).map((r) => r.event)).toEqual(['action.executed']);
  });

  it('reading a log that does not exist yet gives no records', async () => {
    expect(await log().audit.read()).toEqual([]);
  });

  it('mirrors each line (Redis list); a failing mirror does not lose the file record', async () => {
    const lines: string[] = [];
    const errors: Error[] = [];
    const { audit, file } = log(
      [
        { pushList: async (name, line) => void lines.push(`${name}:${line}`) },
        { pushList: async () => Promise.reject(new Error('redis down')) },
      ],
      (e) => errors.push(e),
    );
    await audit.append({ event: 'check', target: 'prod' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^audit:\{"event":"check"/);
    expect(errors.map((e) => e.message)).toEqual(['redis down']);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describe('parseSince / formatAuditRecord', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it.each([
    ['90s', '2026-11-22T09:58:30.000Z'],
    ['15m', '2026-11-22T09:45:00.000Z'],
    ['1h', '2026-11-22T09:00:00.000Z'],
    ['7d', '2026-11-15T10:00:00.000Z'],
    ['2026-11-21', '2026-11-21T00:00:00.000Z'],
    ['2026-11-22T08:30:00Z', '2026-11-22T08:30:00.000Z'],
  ])('%s', (text, iso) => {
    const r = parseSince(text, now);
    expect(r.ok && r.since.toISOString()).toBe(iso);
  });
  it.each(['yesterday', '1 week', '-1h', '2026-13-45x', ''])('refuses %j with an example', (text) => {
    const r = parseSince(text, now);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/15m, 1h, 7d/);
  });
  it('auditRequest: the query and its description for both front ends; a bad --since is refused', () => {
    expect(auditRequest({ since: '1h', target: 'prod' }, now)).toEqual({
      ok: true,
      query: { since: new Date('2026-11-22T09:00:00Z'), target: 'prod' },
      what: ' since 1h for prod',
    });
    expect(auditRequest({}, now)).toEqual({ ok: true, query: {}, what: '' });
    const bad = auditRequest({ since: 'yesterday' }, now);
    expect(!bad.ok && bad.error).toMatch(/15m, 1h, 7d/);
  });
  it('formats a record on one line with the command as run', () => {
    const rec = parseLine(
      JSON.stringify({
        ts: '2026-11-22T10:00:00Z',
        event: 'action.executed',
        target: 'prod',
        user: 'U1',
        action: 'restart-backend',
        approvalId: 'abcdefghijklmnopqrstuv',
        command: [['/usr/bin/systemctl', 'restart', 'oms-backend']],
        exitCode: 0,
        durationMs: 1200,
        verdict: 'succeeded',
      }),
    )!;
    expect(formatAuditRecord(rec)).toBe(
      '2026-11-22T10:00:00Z  action.executed   prod  U1  restart-backend  #abcdefgh  `sudo -n /usr/bin/systemctl restart oms-backend`  exit=0  1200ms  verdict=succeeded',
    );
  });
});
