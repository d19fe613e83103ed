import { withoutExtent } from '../../../src/intent/extent.js';

describe('withoutExtent', () => {
  it('drops a bare "连 X 也是" that says how far a fault reaches', () => {
    expect(withoutExtent('所有接口都是 404，连登录接口也是，前端是好的')).toBe('所有接口都是 404， ，前端是好的');
    expect(withoutExtent('全部 502 甚至连后台也一样')).toBe('全部 502  ');
  });

  it('keeps a clause that tells something of the part', () => {
    for (const text of ['连登录都登不上', '接口都 502，连后台也打不开了', '连接被拒绝'])
      expect(withoutExtent(text)).toBe(text);
  });
});
