import { answerExpectations, answerOverRealPlaybooks, overruleExpectations } from '../../helpers/intent-answer.js';

/**
 * Round 22, handwriting input (docs/intent.md, "Round 22: r22hw"): a warehouse manager writing on a phone's
 * handwriting pad takes a look-alike character for the one meant (菅理员, 登彔, 用尸名, 密玛, 系铳, 路泾, 接曰);
 * src/intent/shapes.ts reads the lexicon's words back. The same characters in their own words stay themselves.
 */
const answer = answerOverRealPlaybooks();
const { silent, tops, sections } = answerExpectations(answer);
const { kept } = overruleExpectations();

describe('misshapen OMS words', () => {
  it('are read as the words meant', () => {
    sections([
      ['想再建一个超级菅理员 命令咋敲', 'admin#create-superuser'],
      ['新来的仓管要开个菅理员账号 怎么开', 'admin#create-superuser'],
      ['菅理页面的地址是啥 我找不到入口', 'admin#admin-url'],
      ['菅理员密码忘了 怎么重置', 'login#reset-password'],
    ]);
    tops([
      ['oms的接曰全是404 页面上啥也没有', 'api-not-found'],
      ['用尸名和密玛都对 就是登彔不上', 'login'],
      ['技术员装完以后后端服务一启动就失败 说找不到gunicorn的路泾', 'service-start'],
    ]);
  });

  // Written as probes (p22-r22hw-*); kept out of the classifier's training set: retrained with them, it moved two
  // tested messages near its cut-off (docs/intent.md, "Round 22: r22hw").
  it('in other sentences too', () => {
    tops([
      ['登彔的时候一直说用尸名或密码错误', 'login'],
      ['密玛输了好几遍都进不去 登录页转一下又回来', 'login'],
      ['oms系铳登不上去 提示用尸名或密码不对', 'login'],
      ['服务起不来 技术员说是gunicorn的路泾写错了', 'service-start'],
      ['超级菅理员登彔不了 密玛肯定是对的', 'login'],
      ['菅理后台打开是404', 'admin'],
      ['oms登彔页面打不开 显示502', 'api-not-found'],
    ]);
    // The classifier reads this one as unrelated: the list, the admin first (src/intent/ngram-overrule.ts).
    kept([['给仓管开个菅理页面的权恨 在哪设置', 'admin', 'admin#admin-url']]);
  });
});

describe('the same characters in their own words', () => {
  it('are not OMS', () => {
    silent([
      '菅直人是日本哪一年的首相',
      '博物馆里那把明朝的火铳是真的吗',
      '玛丽说明天的会改到下午三点',
      '泾渭分明这个成语怎么解释',
      '上班摸鱼被老板抓到了怎么办',
      '门禁系铳的菅理员密码谁知道',
      '打卡机的登彔密玛忘了',
      '累得喘口气的工夫都没有',
    ]);
  });
});
