/** The lexicon's questions: how, where, is it normal (format: src/intent/lexicon.ts). */
export const QUESTIONS = {
  howto: {
    label: '怎么做 / how to',
    zh: ['怎么', '如何', '怎样', '咋', '步骤', '命令', '办法', '方法', '一步步', '应该'],
    en: ['how do', 'how to', 'how can', 'how should', 'what command', 'steps', 'command', 'commands', 'walk me'],
    py: ['zen me', 'ru he'],
  },
  where: {
    label: '在哪 / where',
    zh: ['在哪', '哪里', '哪儿', '地址', '网址', '路径', '入口', '多少'],
    en: ["where's", 'where is', 'where', 'url', 'address', 'path'],
    py: ['zai na', 'di zhi', 'duo shao'],
  },
  question: {
    label: '提问 / a question',
    zh: ['吗', '么', '呢', '哪些', '什么', '啥', '是不是', '能不能', '可以', '要不要', '需不需要', '有没有'],
    en: [
      'which',
      'what',
      'should i',
      'is it',
      'can i',
      'do i',
      'does',
      'can someone',
      'can anyone',
      'anyone have',
      'could you',
      'can you',
    ],
    re: ['\\?'],
    py: ['shen me', 'you mei you', 'you ma', 'de ma', 'le ma', 'ke yi ma', 'shi bu shi', 'dui ba'],
  },
  'is-normal': {
    label: '正常吗 / is it normal',
    zh: ['正常吗', '正常', '要紧', '能忽略', '可以忽略', '需要管', '用管', '要管', '有影响', '没事吧'],
    en: ['normal', 'ignore', 'harmless', 'benign', 'expected', 'safe to', 'worry'],
    py: ['zheng chang', 'yao jin'],
  },
} as const satisfies Record<string, unknown>;
