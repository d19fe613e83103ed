import { gated } from './gated.js';
/**
 * OMS's own test, UAT or pre-release environment, named in a report that asks for a diagnosis: the bot diagnoses any
 * host it is configured for, so a QA engineer's bug report ("【Bug】超管账号无法登录 环境：测试环境 … 复现步骤 … 实际结果")
 * or a question about what to check there ("发版后测试环境基本全挂…不知道该从哪一块开始查", "UAT 上接口全部 404，是不是
 * 哪里配得不对") is about OMS. src/intent/other-systems.ts lists these environments as another system, which they stay
 * when the message only mentions them (borrowing the box, asking who broke it, a fix left for tomorrow, production
 * said fine), and another system named there (the CRM's test environment, its redis) stays that system's.
 */

/** The environment's names: 测试环境, 测试服, UAT, 预发 (and their Traditional forms, folded by normalize). */
const TEST_ENVIRONMENT = gated(
  new RegExp(
    [
      '(?:测试|測試|联调|(?<![a-z])(?:sit|uat|pre)|预发|預發)\\s*(?:环境|環境|服务器|服|站)(?:上|里|中)?',
      String.raw`(?<![a-z])(?:uat|sit)(?![a-z])(?:'s)?(?:\s*(?:environment|env|box|server))?`,
      '预发(?:布)?|預發',
      String.raw`\b(?:test|testing|staging) (?:environment|env)\b`,
    ].join('|'),
    'g',
  ),
);

/** A bug report's template: what was done, expected and seen. */
const BUG_REPORT = gated(
  new RegExp(
    [
      '复现步骤|重现步骤|復現步驟|预期结果|期望结果|預期結果|实际结果|實際結果|【(?:bug|缺陷|问题单)】|\\[(?:bug|缺陷)\\]',
      String.raw`\bsteps to reproduce\b|\bexpected (?:result|behaviou?r)\b|\bactual (?:result|behaviou?r)\b|^\s*bug\b`,
    ].join('|'),
    '',
  ),
);

/** A question that asks for a diagnosis or for OMS's reference to compare with. */
const ASKS_DIAGNOSIS = gated(
  new RegExp(
    [
      '从哪.{0,4}(?:查|看|开始|下手)|怎么(?:查|排查|回事|办|解决|处理|弄)|该查|查什么|查啥',
      '(?:哪里|哪儿|哪块)(?:\\S{0,4})?(?:不对|有问题)',
      '什么原因|啥原因|为什么|为啥|咋回事|怎么了|正常吗|正常不|是不是|是否|有问题[吗?？]|点解|点算',
      '对比|对一下|比对|比一下|diff',
      String.raw`\bwhy\b|\bwhat should i check\b|\bwhere (?:do i|to|should i) (?:start|look)\b`,
      String.raw`\bis (?:this|it|that) normal\b`,
      String.raw`\bhow (?:do|can|should) (?:i|we)\b|\bcompare\b|\bdiff\b`,
    ].join('|'),
    '',
  ),
);

/** Mentioned, not reported: who broke it or uses it, left for later, someone else fixing it, its passwords. */
const ONLY_MENTIONED = gated(
  new RegExp(
    [
      '谁(?:动|改|删|清|弄|在用|占)|被谁|借用|不急|明天再|开发说|他们(?:在)?修|密码是多少|申请|什么时候能',
      String.raw`\bwho (?:broke|changed|touched|owns|is using)\b|\bno rush\b`,
    ].join('|'),
    '',
  ),
);

/**
 * The text without OMS's own test environment named in a report asking for a diagnosis (`changed` says it was): the
 * environment then places nothing, and another system named beside it still does.
 */
export function withoutOwnTestEnvironment(text: string): { text: string; changed: boolean } {
  if (text.search(TEST_ENVIRONMENT) < 0) return { text, changed: false };
  if (ONLY_MENTIONED.test(text) || !(BUG_REPORT.test(text) || ASKS_DIAGNOSIS.test(text)))
    return { text, changed: false };
  return { text: text.replace(TEST_ENVIRONMENT, ' '), changed: true };
}
