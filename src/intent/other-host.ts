/**
 * Another machine named by a host-like name (build-02, web01, db-1, dns01) or in words ("另一台", "another server"):
 * src/intent/context.ts places a message naming one on that machine, not on OMS's server.
 */
export const OTHER_HOST = new RegExp(
  [
    '(?<![\\w.-])(?:build|web|db|app|node|srv|server|host|ci|runner|vm|gpu|etl|jump|mq|cache|es|kafka|redis|mysql|' +
      // a RHEL administrator's other boxes: "named on dns01", "storage01", "intranet01"
      'dns|ns|mail|ldap|nfs|ftp|backup|storage|logs?|proxy|file|print|intranet|wiki|git|vpn|mon|dc)' +
      '[-_]?\\d{1,3}(?![\\w.-])',
    '另一台|别的机器|其他机器|别的服务器|其他服务器',
    // another team's machine: "数据组那台 10.2.3.4", "隔壁组的机器"
    '(?:[\\u3400-\\u9fff]{1,4}组|别人|别组|隔壁)的?(?:那台|机器|服务器)',
    // Not where the front end's requests are sent ("the request going to some other host": a wrong API address).
    '(?<!\\b(?:go|goes|going|went|sent|hits?|hitting|points?|pointing) (?:to )?(?:some |an? |the )?)' +
      '\\b(?:other|another) (?:hosts?|servers?|box|boxes|machines?)\\b',
  ].join('|'),
  'i',
);
