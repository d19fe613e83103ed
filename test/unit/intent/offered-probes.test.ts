import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHeldout, scoreHeldout, type HeldoutReport } from '../../../src/intent/heldout.js';
import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';

/**
 * The "offered" probes (test/fixtures/intent/offered-probes.jsonl, docs/intent.md "Offered: pastes, relayed reports,
 * several parts at once"): OMS messages invented in batches, each batch scored before the rules it led to — pastes
 * of output no signature knew, reports relayed by a SOC, a SIEM, a WAF, monitoring or a ticket system, several parts
 * failing at once — and a few hard negatives. Every addressed OMS message must be offered its playbook (run, among the
 * choices, or its section).
 */
let report: HeldoutReport;
const KNOWN_MISSES: string[] = [];
beforeAll(async () => {
  const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  const file = join(process.cwd(), 'test', 'fixtures', 'intent', 'offered-probes.jsonl');
  const probes = parseHeldout(await readFile(file, 'utf8'), 'offered-probes.jsonl');
  report = scoreHeldout(probes, (text) => answerSummary(matchIntent(text, playbooks)));
});

describe('offered probes', () => {
  it('every OMS message is offered its playbook, but the few known misses', () => {
    const notOffered = report.misses.filter((m) => m.expect !== null && !m.got.offered.includes(m.expect));
    // (o16-416, `nginx -T | grep location` pasted with "没有 /api 这一段", read by its `location /admin/` line until
    // round 21's classifier offered its own reading beside the rules'; o16-531, "登录不了；后台白屏；导入失败", flipped with each retraining until round 20 read clauses separated by
    // semicolons, each naming a part in trouble, as a list of parts: src/intent/several-parts.ts)
    expect(notOffered.map((m) => m.id)).toEqual(KNOWN_MISSES);
  });

  it('how-to questions get their section', () => {
    const wrong = report.misses.filter((m) => m.section !== null && m.got.section !== m.section);
    expect(wrong.map((m) => `${m.id} ${m.got.section} ${m.text}`)).toEqual([]);
  });

  it('unrelated messages among them are offered nothing and get no passive reply', () => {
    expect(report.total.falseAlarms).toBe(0);
    expect(report.total.passiveReplies).toBe(0);
  });
});
