/**
 * The lexicon's components about the people the admin handles: importing them in bulk, the spreadsheet, the users,
 * creating one (format: src/intent/lexicon.ts; part of the application's components, src/intent/lexicon-components.ts).
 */
export const PEOPLE_COMPONENTS = {
  'bulk-import': {
    label: '批量导入 / bulk import',
    zh: [
      '批量导入',
      '批量加',
      '批量添加',
      '批量新增',
      '批量创建',
      '一批人',
      '导入用户',
      '导入人员',
      '导进去',
      '导入',
      '一次性',
      '一批',
      '逐个',
      '手动建',
      // adding people one at a time is what the bulk import replaces
      '一个个加',
      '一个个添加',
      '一个个建',
      '一个个录',
      '一个个开',
      '一个一个加',
      '一个一个建',
      '挨个加',
      '挨个建',
      '挨个录',
    ],
    en: [
      'bulk import',
      'bulk add',
      'batch import',
      'mass import',
      'import users',
      'bulk user',
      'bulk-import',
      'import',
      'bulk-add',
      'bulk create',
      'mass create',
      'in bulk',
      'batch',
      'generate_user_template',
      'user template',
    ],
    // adding people one at a time ("adding them one by one is too slow")
    re: [
      '\\b(?:add|creat|enter|typ)\\w* (?:\\d+ )?(?:them|users|people|accounts|staff)? ?(?:one by one|one at a time)\\b',
      // many people at once: "onboard two hundred new employees at once", "一次加两百个人"
      '\\b(?:add|creat|onboard|import|register)\\w* (?:\\w+ ){0,4}(?:users|staff|employees|people|accounts|hires)\\b' +
        '[^.?!]{0,20}\\b(?:at once|in one go|all at once)\\b',
      '一次(?:性)?(?:加|导|建|开|录)(?:入|进|了)?[^,.;!?，。；！？]{0,6}(?:个|位|名)?(?:新的?)?(?:人|用户|账号|员工)',
      // a headcount to add ("客户要加200多个人", "要开 300 个账号"), or added one at a time by clicking ("后台一个个点")
      '(?:加|添加|新增|开|建|录入?|导入?|导进)了?\\s*\\d{2,}\\s*(?:多|来)?\\s*(?:个|位|名)\\s*(?:新的?)?(?:人|用户|账号|员工)',
      // (not things opened one by one: "一个个点开看")
      '(?:一个个|一个一个|挨个|逐个)(?:地)?(?:点(?![开进看击])|手点|录|填|创建|添加)',
      // a sheet of people imported ("导了一个60个人的表格", "导入的 excel 只成功了一半"), not a report ("导了一份报表")
      '导(?:入|进)?(?:了|的)[^,.;!?，。；！？]{0,12}(?:表格|名单|excel|xlsx|csv)',
      // a batch of adding (批量导入, 批量加人, "有没有批量的办法"), not of anything done in bulk (批量 kill 进程, 批量计算)
      '批量(?=\\s*(?:导|加|添|增|新增|建|开|录|注册|上传|的|人|用户|账号|员工|处理|弄|搞|操作|怎|$|[,.;!?，。；！？]))',
      // "the bulk upload of employee records", "mass-uploading staff" (an upload of people, not of payments)
      '\\b(?:bulk|batch|mass)[- ]?upload(?:s|ing|ed)? (?:of )?(?:(?:the|our|all|new) )?(?:\\w+ )?' +
        '(?:users|staff|employees?|people|accounts|personnel|operators)\\b',
    ],
    py: ['pi liang', 'dao ru'],
  },
  spreadsheet: {
    label: '表格 / spreadsheet',
    zh: ['表格', '模板', '表头', '哪些列', '字段', '列名'],
    en: ['excel', 'xlsx', 'spreadsheet', 'template', 'columns', 'csv'],
    // a column of the sheet named by what it holds: "角色那一列不对", "手机号这列"
    re: ['(?:角色|部门|手机号|邮箱|工号|姓名|用户名)\\s*(?:那|这)?一?列'],
  },
  users: {
    label: '用户 / users',
    zh: ['用户', '账号', '员工', '人员', '同事', '新人'],
    en: ['users', 'account', 'accounts', 'staff', 'people', 'employees'],
    re: [
      // a user, not the unit file's User= line ("User那一行写啥", "the User= directive")
      '\\buser\\b(?!\\s*=|\\s*(?:那|这)一?(?:行|项|个字段)|\\s+(?:line|directive|field|setting)\\b)',
    ],
  },
  create: {
    label: '创建 / create',
    zh: [
      '创建',
      '新建',
      '建超管',
      '建一个',
      '开账号',
      '加一个',
      '建个',
      '弄一个',
      '搞一个',
      '添加',
      '新增',
      '生成',
      // how one came to be ("超管的号是怎么弄出来的", "chaoguan zhanghao zenme nong chulai")
      '弄出来',
      '搞出来',
    ],
    // Not "new": "the new IP", "a new server" create nothing.
    en: [
      // a DBA's way: "insert a superuser into auth_user"
      ...['create', 'recreate', 'createsuperuser', 'add a', 'make', 'add', 'generate', 'insert'],
      ...['new user', 'new account', 'new admin'],
    ],
    re: [
      // adding one ("加个管理员"), not appending to an address ("网址后面加个什么东西", "后面加个 /admin")
      '(?<!后面|后边|末尾|结尾|最后)加个(?!什么|啥|东西|参数|后缀|路径|斜杠|/)',
      '(?:怎么|如何|咋)建',
      '建(?:账号|用户|管理员|超级管理员|超级用户|$|[?？吗呢啊])',
      // "开一个超级管理员账号", "点样开个超管" (opening one is creating it; not 打开/展开 a page)
      '(?<![打展离公召分避解])开(?:一个|个|一下)?(?:新的?)?(?:超级管理员|超管|管理员|账号|账户)',
      // wanting one is asking to create it: "need a superuser for the demo", "需要一个超管"
      // … or a second one: "need a second superuser", "客户要第二个超管账号"
      '\\b(?:need|want|get) (?:a|an|one|another|a second|one more) (?:new )?' +
        '(?:superuser|super user|admin (?:account|user))',
      '(?:(?:需|想)要(?:一个|个|一个新的?)|要(?:一?个新的?|第[二两三]个|再一个|多一个|另一个|另外一个))(?:超管|超级管理员|管理员)',
    ],
    py: ['chuang jian'],
  },
} as const satisfies Record<string, unknown>;
