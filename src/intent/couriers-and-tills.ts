/**
 * Other companies' systems a shop or a warehouse deals with beside OMS (src/intent/other-systems.ts lists them beside
 * other systems: a message naming one and nothing of OMS keeps too little of its score to be offered). A courier's
 * API answering 502 or timing out ("J&T api return 502 for AWB creation", "顺丰下单接口一直返回502"), an outlet's till
 * ("POS at the outlet keep showing 502 Bad Gateway"), an app for booking, attendance or parking ("叉车预约app登录收不到
 * 验证码") share OMS's words (api, 502, 登录) but belong to the courier, the till's vendor or the app's owner. OMS named
 * beside one ("OMS 推单到顺丰的时候报 502") stays OMS's (src/intent/context.ts: `ours`).
 */

/** In latin letters (pinyin too), each a whole word (an expression where it needs one). */
export const COURIERS_AND_TILLS = [
  // couriers and delivery platforms of the region (not "ups": a power supply in a machine room is OMS's trouble)
  ...['j&t', 'j&t express', 'jnt', 'ninja ?van', 'pos ?laju', 'dhl', 'fedex', 'gdex', 'city-?link', 'aramex'],
  ...['lalamove', 'grab ?express', 'shopee express', 'flash express', 'kerry express', 'sf express', 'best express'],
  // the same in pinyin ("shunfeng jiekou 502 le", "jitu guiji chaoshi")
  ...['shunfeng', 'jitu', 'zhongtong', 'yuantong', 'shentong', 'yunda'],
  // an outlet's till and its terminals ("POS at the outlet", "the POS terminal cannot login")
  // (not "pos" alone: "the pos orders" are orders OMS holds)
  ...['pos terminals?', 'pos systems?', 'pos machines?'],
  // an app for something else than orders ("the parking app cannot login", "attendance app keep logout")
  '(?:parking|booking|attendance|leave|canteen|food|shuttle|visitor|expense|claims?|forklift|carpark|hr) apps?',
];

/** In Chinese (or mixed), anywhere in the message. */
export const COURIERS_AND_TILLS_ZH = [
  // couriers ("极兔的轨迹接口超时了"); not waybills, labels or tracking alone: an order system's own data ("运单号查询接口
  // 一直 404" is OMS's)
  ...['顺丰', '极兔', '中通', '圆通', '申通', '韵达', '德邦', '菜鸟', '京东物流', '邮政快递'],
  '快递公司|物流公司',
  // an app for something else than orders ("叉车预约app", "考勤app登录不上", "食堂订餐小程序")
  '(?:预约|考勤|打卡|报销|订餐|点餐|食堂|停车|门禁|访客|班车|请假|审批|会议室)\\s*(?:app|软件|应用)',
];
