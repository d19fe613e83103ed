/**
 * The lexicon's words of OMS's business users, as their IT liaison relays them (format: src/intent/lexicon.ts): the
 * pages that show OMS's data. Such a page failing ("OMS 的库存页面提示 404", "订单列表一直转圈，最后 504") is the API
 * behind it; another system's pages are placed by src/intent/other-systems.ts (ERP 的库存页面).
 */
export const BUSINESS = {
  'data-page': {
    label: '业务数据页面 / a page of OMS data (orders, stock …)',
    en: ['orders page', 'order list', 'orders list', 'inventory page', 'stock page', 'dropdown', 'drop-down'],
    re: [
      '(?:订单|库存|商品|发货|出库|入库|采购|退货|客户|供应商|物料|单据|报表|仓库)(?:单|单据)?(?:的)?(?:页面|页|列表|菜单|模块|界面|数据)',
      '下拉框|下拉列表|下拉菜单',
      // its menus, each opening a page of data ("点任何菜单都提示not found", "每个菜单点进去都是空白"), a list page
      '(?:任何|任意|哪个|每个|所有|各个|随便哪个|其他|别的)(?:一个)?菜单|点(?:了|开|一下)?菜单|列表页',
      '\\b(?:every|any|all(?: the)?) menus?\\b',
      // a search run on a page ("点查询 转一分钟 然后504", "页面点查询转半天"): the data behind it
      '点(?:了|一下)?\\s*(?:查询|搜索|检索|筛选)',
    ],
  },
} as const satisfies Record<string, unknown>;
