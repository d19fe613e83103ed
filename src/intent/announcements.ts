import { gated } from './gated.js';

/**
 * Announcements read by the context rules (src/intent/context.ts): planned maintenance, a notice to everyone, a problem
 * told as solved, a review posted or a training announced. The text is normalised (lower-cased): the expressions are
 * compiled without `i`.
 */

/** An announcement, not a problem: planned maintenance, a notice to everyone, a problem told as solved. */
const NOTICE = gated(
  new RegExp(
    [
      '例行维护|计划维护|维护窗口|停机维护|请知悉|敬请|通知[:：]|届时|将于|停服|期间(?:无法|不能|会|将|暂停)',
      '预计.{0,8}恢复|请大家|提前保存',
      '\\bscheduled maintenance\\b|\\bmaintenance window\\b|\\bfyi\\b|\\bdowntime\\b',
      '\\bwill be (?:down|unavailable)\\b',
      // a review written after the fact, a posted notice
      // not a bulletin relaying what was detected ("【安全运营中心通报】检测到 OMS 登录接口大量 401")
      '复盘|公告|通报(?![^,.;!?。，；！？\\n]{0,12}(?:检测到|监测到|发现|告警))|\\bpost-?mortem\\b|\\bretro(?:spective)?\\b',
      // a meeting, a training, a talk about OMS rather than a problem with it
      '培训|分享会|会议室|例会|周会|评审会|开(?:个|一个|次)会',
      // … unless it is a deadline: "a health check before the demo at 3"
      '(?<!\\bbefore (?:the |our |my |a )?)\\b(?:training|workshop|meeting|demo) (?:at|on|tomorrow|today|next)\\b',
    ].join('|'),
    '',
  ),
);

/**
 * A problem told as solved, undone or apologised for ("已经回滚了，抱歉大家", "rolled back, sorry for the noise"),
 * unless trouble goes on after it (`STILL`).
 */
const SOLVED = gated(
  new RegExp(
    [
      // (a machine switched off is no problem closed: "老机器已经关了")
      '(?<!机器|服务器|主机|机|环境)已经?(?:解决|修复|修好|恢复正常|恢复了|恢复|处理好|处理完|处理|回滚|回退|关闭|关了)',
      // (a step done long ago or a switch, an installation made is no problem solved: "OMS 接口一直 502，库早就切好了")
      '问题解决了|搞定了|没问题了|没事了|(?<![又就才便切装建迁签])(?<!早就?(?:配|改|设|换|导|部署|升级|申请))好了[,.!。，！\\s]*(?:谢|感谢|多谢|$)',
      '(?:已经|刚)?(?:回滚|回退|改回去|改回来|还原)了|给大家添麻烦|抱歉大家|大家抱歉|请忽略|忽略(?:上面|刚才|这条)',
      // a false alarm told, not asked ("SOC 要判定是不是误报")
      '(?<!是不是|是否|算不算|判定|判断|确认|属于|还是)误报(?![吗么?？])',
      '\\b(?:fixed|resolved|sorted) (?:now|it)\\b|\\bworks now\\b|\\bworking again\\b|\\bback to normal\\b',
      "\\b(?:is|are|it's|it is) back(?: up| online| to normal)?\\b",
      '\\b(?:rolled|rolling) (?:it )?back\\b|\\breverted\\b|\\bsorry (?:for|about) the (?:noise|trouble|spam)\\b',
      '\\bmy bad\\b|\\bfalse alarm\\b|\\bnever ?mind\\b|\\bnvm\\b|\\bplease ignore\\b|\\ball good now\\b',
      // an alert's recovery notice ("【告警恢复】…", "[RESOLVED] …")
      '告警(?:已)?恢复|恢复告警|\\[(?:resolved|recovered|ok)\\]|^\\s*(?:resolved|recovered)\\b',
    ].join('|'),
    '',
  ),
);
/** Trouble going on after a fix ("回滚了还是 502", "rolled back but still failing"): not solved. */
const STILL =
  /还是|仍然|依然|依旧|还在|又(?:挂|出|报|不)|但是?|可是|不过|没用|\bstill\b|\bagain\b|\bbut\b|\bdidn'?t help\b/;

/**
 * A post-incident review, or training material being written, that asks about its fault ("复盘：… 根因是不是麒麟上没有
 * www-data 这个用户？", "这个根因写得对吗", "下次该怎么规范", "培训文档里要写清楚…需要附带哪些日志"): a question about OMS,
 * answered; a review posted or a training announced ("复盘文档写好了", "明天下午两点培训") stays a notice. Passive listening
 * stays silent on a review either way (`review`).
 */
const REVIEW = gated(/复盘|根因|\bpost-?mortem\b|\bpost-incident\b|\bretro(?:spective)?\b/);
const WRITTEN_UP = gated(
  new RegExp(
    [
      String.raw`复盘|\bpost-?mortem\b|\bpost-incident\b|\bretro(?:spective)?\b|培训(?:文档|材料|手册|课件|资料|用|ppt|[:：])`,
      String.raw`\b(?:training|onboarding) (?:deck|material|guide|slides|docs?)\b`,
    ].join('|'),
    'g',
  ),
);
const REVIEW_ASKS = gated(
  new RegExp(
    [
      '对吗|对不对|是不是|是否|能不能|能否|帮忙|确认|怎么|如何|哪|什么|啥|吗|[?？]|还有没有|有没有别的|该(?:怎么|如何)',
      '帮我看|靠谱|合理',
      String.raw`\bplease (?:confirm|advise|check|review|verify)\b|\b(?:could|can|would) you\b`,
      String.raw`\b(?:is|was|are|were|does|did|should|could|can) (?:this|that|it|we|you|the)\b[^.!]*\?`,
    ].join('|'),
    '',
  ),
);

/**
 * A deadline after a request to restore ("今天下班前恢复，明早有培训", "修好，下午要演示"): when the fix is needed, no
 * training or meeting announced.
 */
const DEADLINE =
  /(?:恢复|修好|解决|搞定|弄好|处理好)[，,\s]*(?:明早|明天(?:上午|下午)?|今晚|下午|上午|晚上|一会|待会)?\s*(?:有|要|还要|得)(?:个|一个)?(?:培训|会|会议|演示|评审)/g;

/** An announcement, a notice, a problem told as solved, a review posted: nothing to answer. */
export function announces(text: string): boolean {
  const said = text.replace(DEADLINE, ' ');
  if (NOTICE.test(REVIEW_ASKS.test(said) ? said.replace(WRITTEN_UP, ' ') : said)) return true;
  const m = SOLVED.exec(said);
  return m !== null && !STILL.test(said.slice(m.index));
}

/** A post-incident review ({@link REVIEW}): passive listening stays silent on it. */
export function isReview(said: string): boolean {
  return REVIEW.test(said);
}
