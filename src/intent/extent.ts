/**
 * "所有接口都是 404，连登录接口也是": what follows 连 … 也是 says how far a fault reaches, not another fault. Read as
 * a symptom of its own, the part named there (the login) would compete with the part in trouble (the API). A clause
 * that tells something of the part ("连登录都登不上", "连后台也打不开了") stays: only a bare "连 X 也是 / 也一样" goes.
 */
const EVEN_TOO =
  /(?:甚至)?连[^,.;!?，。；！？\s]{1,12}?也(?:是|一样|这样)(?:的)?(?:[啊呀了]?)(?=[,.;!?，。；！？\s]|$)/g;

/** The text without its bare "连 X 也是" clauses. */
export function withoutExtent(text: string): string {
  return text.includes('连') ? text.replace(EVEN_TOO, ' ') : text;
}
