/**
 * Topics that are not OMS though they share one of its words (src/intent/other-systems.ts lists them beside other
 * systems: a message about one and naming nothing of OMS keeps too little of its score to be offered). Each is a
 * kind of question asked in the same channel: a word of a how-to section ("批量", "找谁", "麒麟 V10", "styling") is
 * no sign that the question is about OMS.
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const OTHER_TOPICS = [
  // reviewing code: a pull or merge request ("review my PR for the report export page styling")
  ...['pr', 'prs', 'pull requests?', 'merge requests?', 'code review'],
  // renaming files in bulk ("a script to batch-rename files"): not the bulk import of people
  '(?:bulk|batch|mass)[- ]?renam\\w*',
  'renam\\w* (?:\\w+ ){0,3}files? in bulk',
  // a product's licence or a certificate running out ("when does the Kylin licence expire", "license key for …")
  '(?:licen[cs]es?|certificates?|certs?)(?: key)?\\b[^,.;!?\\n]{0,30}\\b(?:expir\\w*|renew\\w*|activat\\w*)',
  'licen[cs]e keys?',
  '(?:expir\\w*|renew\\w*|activat\\w*) (?:\\w+ ){0,3}licen[cs]es?',
  // security and compliance questions ("is it safe to turn SELinux off", "security implications")
  ...['is it safe to', 'security (?:risks?|concerns?|implications?)'],
  // a bank's own portal ("our bank portal no longer accepts the bulk upload of payments")
  'bank(?:ing)?',
  // another team's or project's machine, in English ("the finance team's nginx", "different project")
  '(?:a |an )?(?:different|separate|another) project',
  "(?!our\\b)\\w+ team's (?:nginx|server|servers|box|machine|host|site|app|apache|proxy)",
];

/** In Chinese (or mixed), anywhere in the message. */
export const OTHER_TOPICS_ZH = [
  // a licence or a certificate running out or activated ("麒麟 V10 的 license 什么时候到期", "授权快到期了")
  '(?:license|licence|授权|许可证?|证书)[^,.;!?，。；！？\\n]{0,12}(?:到期|过期|续签|续费|激活码)',
  '激活码|序列号',
  // papers from HR and admin ("实习证明找谁开", "盖章找谁")
  '(?:实习|在职|收入|离职|学历|工作)证明|盖章|开证明',
  // files renamed in bulk ("怎么写一个 shell 脚本批量改文件名")
  '批量(?:改|修改|重命名)[^,.;!?，。；！？\\n]{0,4}文件名?|批量重命名',
  // a spreadsheet's own cells ("excel 表格里怎么把身份证号后面的 E+17 恢复"): office work, not OMS's import
  '科学计数法?|单元格(?:格式)?|(?<![\\w.])e\\+\\d{2}\\b',
  // a bank's own site ("网银批量付款传不上去")
  '网银|银行',
  // security and compliance ("selinux 关了会不会有安全问题", "等保测评")
  '安全(?:问题|隐患|风险)|等保',
];
