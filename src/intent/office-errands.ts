/**
 * Errands of the office rather than OMS (src/intent/other-systems.ts lists them beside other systems: a message naming
 * one and nothing of OMS keeps too little of its score to be offered). The same channel asks whom to turn to for a
 * broken headset ("耳麦坏了一个，找谁申领新的"), who covers a day off ("我请假一天，远程支持谁能帮我顶一下"), a template
 * for meeting minutes ("会议纪要模板推荐"), or a summary of user research ("帮我总结一下这次用户调研的结论 … 批量操作");
 * their words (找谁, 推荐, 模板, 批量) are a how-to section's but the errand is the office's. Someone on leave while OMS
 * is down ("技术员请假了 系统全坏了") is not listed: only a cover asked for is.
 */

/** In latin letters, each a whole word (an expression where it needs one). */
export const OFFICE_ERRANDS = [
  // equipment and supplies ("my headset broken, who to ask for new one", "running out of office supplies")
  ...['headsets?', 'office supplies', 'stationery', 'printer paper'],
  '(?:mouse|keyboard|monitor|chair|charger|access card|badge|laptop bag)s? (?:is |was |also )?' +
    '(?:broken|spoilt|spoil|lost|faulty|not working)',
  // a shift or a day off covered ("can someone cover my shift", "swap shift with me")
  'cover (?:for )?(?:me|my (?:shift|duty|calls|hotline))|swap (?:my )?shifts?',
  // research and writing for the boss ("summarise these user interview notes", "competitor analysis")
  ...['user research', 'user interviews?', 'interview notes', 'survey results', 'competitor analysis'],
  // meetings' own minutes ("any good template for meeting minutes")
  ...['meeting minutes', 'minutes of (?:the )?meeting'],
  // a spreadsheet's own macros ("the HR Excel macro's Import Employees button throws run-time error 1004"): the
  // office's tool, not OMS's bulk import from an Excel template
  ...['vba', 'macros?', 'run-?time error [\'‘"]?\\d{3,4}'],
];

/** In Chinese (or mixed), anywhere in the message. */
export const OFFICE_ERRANDS_ZH = [
  // equipment broken, lost or asked for ("耳麦坏了一个", "键盘有两个键失灵了", "工牌丢了找谁补办"); "鼠标点了登录没反应"
  // is a report
  '(?:耳麦|耳机|鼠标|键盘|显示器|工牌|门禁卡|椅子|座机|充电器|数据线)[^,.;!?，。；！？\\n]{0,8}' +
    '(?:坏了|失灵|丢了|申领|领用|换新|补办|报修|不够用)',
  // (申领 and 领用 alone are also pages of an order system's own: "申领单页面登录不上")
  '办公用品',
  // a cover asked for a day off ("谁能帮我顶一下", "谁帮我替一下班", "帮我代班"); not someone away while OMS is down
  // (not 帮我代码…, 帮我替换…: a cover is for a person's time)
  '(?:帮我|替我)顶一下(?![^\\n]{0,16}(?:服务|后台|后端|接口|登录|worker|重启))|顶(?:一下)?班|替(?:一下)?班|代班|换班|调班',
  // research and writing for the boss ("用户调研的结论", "竞品分析帮我润色一下", "问卷结果")
  '用户调研|用户访谈|竞品分析|调研(?:结论|报告|结果)|访谈(?:记录|纪要|结论)|润色',
  // meetings' own minutes ("会议纪要模板推荐", "周会的会议记录怎么写")
  '会议纪要|会议记录|会议的纪要|(?:周会|例会|晨会)(?:纪要|记录)',
  // a spreadsheet's own macros ("人事那个 Excel 宏，点导入员工按钮就弹运行时错误 '1004'"); not 宏观
  '(?:excel|wps|表格|表)\\s*(?:里|里的|的|那个)?\\s*宏|宏(?:按钮|代码|脚本|文件)',
  '运行时错误\\s*[\'‘"]?\\d{3,4}',
];
