import { displayWidth } from '../../../src/render/text-width.js';
import { targetLines } from '../../../src/watch/format.js';

describe('targetLines (watch run)', () => {
  it('details start at the same terminal column whatever the Chinese status word', () => {
    const lines = targetLines([
      { target: 'web1', status: 'problem', details: ['ALLOWED_HOSTS 缺少 172.29.91.61'] },
      { target: 'staging-2', status: 'unreachable', details: ['connect ECONNREFUSED'] },
      { target: 'web3', status: 'ok', details: [] },
    ]);
    const detailColumn = (l: string, start: string) => displayWidth(l.slice(0, l.indexOf(start)));
    expect(detailColumn(lines[0]!, 'ALLOWED')).toBe(detailColumn(lines[1]!, 'connect'));
    expect(lines[0]).toMatch(/^web1 {7}有问题 \/ problem +ALLOWED_HOSTS 缺少 172\.29\.91\.61$/);
    // A healthy line ends with its status: no trailing blanks.
    expect(lines[2]).toBe('web3       正常 / ok');
  });
});
