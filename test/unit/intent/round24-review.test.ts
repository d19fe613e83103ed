import { gated } from '../../../src/intent/gated.js';
import { withoutComparison } from '../../../src/intent/comparison.js';
import { answerExpectations, answerOverRealPlaybooks } from '../../helpers/intent-answer.js';

/**
 * What round 24's review found (docs/intent.md, "Round 24: what the review found"): 补 typed for 不 read inside 一起, a
 * bundle gathered for another vendor's support read as OMS's, a gate read with the syntax of an expression without the
 * u flag, and the comparison with a known system cubic in a long run of letters.
 */
const answer = answerOverRealPlaybooks();
const { silent, sections, tops } = answerExpectations(answer);

describe('补 typed for 不', () => {
  it('is not read inside 一起 (together)', () => {
    silent(['我们一起补来着，还是没补完', '一起补来不及了，作业太多', '大家一起补来得及吗']);
  });

  it('is still read after a verb of getting up or in', () => {
    tops([
      ['后端服务就起补来了', 'service-start'],
      ['部署完后端又起部来了', 'service-start'],
    ]);
  });
});

describe('material gathered for support', () => {
  it('is the checklist’s when it is about OMS', () => {
    sections([
      [
        '准备给支持发邮件，附件是下面这些，够不够？\n1) journalctl -u oms-backend.service -n 200 > backend.log\n' +
          '2) tail -n 200 /var/log/nginx/error.log',
        'checklist#support',
      ],
    ]);
  });

  it('is not when it is gathered for another vendor and names nothing of OMS', () => {
    silent([
      '准备给阿里云提工单，附件是这些，够不够：\n$ df -h\n$ free -m\n$ top',
      '给存储厂商的材料够不够：\n$ df -h\n$ cat /proc/mdstat',
    ]);
  });
});

describe('a gated expression with the u flag', () => {
  it('is always run (its literals are read with the syntax of expressions without it)', () => {
    expect(gated(/\p{Script=Han}+x/u).test('汉字x')).toBe(true);
    expect(gated(/\u{1F600}ok/u).test('\u{1F600}ok')).toBe(true);
  });
});

describe('the comparison with a system one knows', () => {
  it('is still taken out of a message', () => {
    expect(
      withoutComparison('windows上iis我知道是在web.config里面加header 这个linux上的后端是在哪个配置里面加'),
    ).not.toMatch(/iis/);
  });

  it('reads a long run of letters before 我会 without trying every way to cut it', () => {
    const text = `${'a'.repeat(5000)}我会重启 这个 oms`;
    expect(withoutComparison(text)).not.toContain('我会');
  });
});
