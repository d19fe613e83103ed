import type { PlaybookIndex } from './index.js';
import type { Message } from './message.js';
import { detectConcepts } from './concepts.js';
import { normalize } from './normalize.js';
import { partGroupsNamed } from './parts-in-trouble.js';

/**
 * Pastes that are a bundle of findings rather than one failure: material gathered for support and asked about ("准备给
 * 支持发邮件，附件是下面这些，够不够？", "附上报障材料：1. journalctl … 2. tail …"), or a check script's report with
 * failures over several parts (`[FAIL] GET /api/ -> 404`, `[FAIL] GET /admin/ -> 404`). The lines in them are what
 * was gathered, not the fault asked about: the whole's (src/intent/whole.ts), not the playbook of one line.
 */

/** A command whose output is gathered for support, at the head of a line (numbered or not): `1) journalctl -u …`. */
const GATHERED = new RegExp(
  String.raw`^\s*(?:\(?\d{1,2}[).、.:]\s*|[-*•]\s+)?(?:\$ |# |\[[^\]]*@[^\]]*\][#$]\s*)?(?:sudo )?` +
    String.raw`(?:journalctl|tail|cat|curl|systemctl|ss|netstat|nginx -t|grep|less|head|ls|df|free)\b`,
  'i',
);
/** This many commands gathered make a bundle. */
const GATHERED_MIN = 2;

/** A check reported failed (or warned) by a script: `[FAIL] …`, `[ WARN ] …`, `✗ …`, `FAILED: …`. */
const FAILED_CHECK =
  /^\s*(?:\[\s*(?:fail(?:ed)?|warn(?:ing)?|error|err|ng|x)\s*\]|[✗✘❌]|(?:fail(?:ed)?|warn(?:ing)?):)\s*(.+)/i;
/** A check reported passed: `[ OK ] …`, `[PASS] …`, `✓ …`. */
const PASSED_CHECK = /^\s*(?:\[\s*(?:ok|pass(?:ed)?|✓)\s*\]|[✓✔✅])/i;

/** Does the message paste a bundle of findings (see above)? Cheap literal tests come first. */
export function bundleOfFindings(index: PlaybookIndex, msg: Message): boolean {
  if (msg.lines.length < 3) return false;
  return forSupport(msg) || checkReport(index, msg);
}

/**
 * Whether what was gathered is enough, asked ("够不够", "是否齐全", "还要补什么", "is it enough", "anything missing"). Not
 * the support concept: a pasted unit's "vendor preset" names it.
 */
const ENOUGH = new RegExp(
  '够不够|够吗|够了吗|够用吗|齐全|齐不齐|全不全|缺(?:什么|啥|不缺)|漏了(?:什么|啥)|(?:还|是否)(?:要|需要?)补|需要补充|如需补充|' +
    String.raw`\b(?:is (?:this|that|it) enough|enough\?|` +
    String.raw`(?:anything|something) (?:else |more )?(?:missing|(?:you |to )?(?:need|add|include|attach)))`,
  'i',
);

/** OMS or one of its parts named somewhere in the message (what was gathered is about OMS, not another vendor's). */
const OMS_HINT = /\boms\b|gunicorn|nginx|\/api\b|\/admin\b|django|后端|后台|前端|接口|\bbackend\b/i;

/** Material gathered for support about OMS, asked whether it is enough: two commands or more pasted. */
function forSupport(msg: Message): boolean {
  if (!ENOUGH.test(msg.prose)) return false;
  if (!msg.context.ours && !msg.lines.some((l) => OMS_HINT.test(l.raw))) return false;
  let n = 0;
  for (const l of msg.lines) if (GATHERED.test(l.raw) && ++n >= GATHERED_MIN) return true;
  return false;
}

/**
 * A check script's report: passed checks beside two failed ones or more, the failed ones naming two parts or more
 * (the login, the API, the admin, the server side: the API with the server behind it count as one).
 */
function checkReport(index: PlaybookIndex, msg: Message): boolean {
  const failed: string[] = [];
  let passed = 0;
  for (const l of msg.lines) {
    const m = FAILED_CHECK.exec(l.raw);
    if (m) failed.push(m[1]!);
    else if (PASSED_CHECK.test(l.raw)) passed++;
  }
  if (failed.length < 2 || passed === 0) return false;
  const groups = new Set<string>();
  for (const line of failed) {
    const found = detectConcepts(index.lexicon, normalize(line), '');
    const parts = new Set([...found].filter((k) => partGroupsNamed(new Set([k])) > 0));
    groups.add(partGroupsNamed(parts) === 0 ? 'none' : [...parts].sort().join('+'));
  }
  groups.delete('none');
  return groups.size >= 2;
}
