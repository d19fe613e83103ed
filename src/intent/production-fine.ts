/**
 * Production said to be fine or untouched now, beside another environment ("staging 上的后台登录不了，生产没事", "prod is
 * fine but the admin on staging returns 502"); not asked, supposed or over ("线上正常吗", "没问题的话", "之前线上正常",
 * "prod ok until the deploy", "正常运行了半年"), which contrasts production with itself. The trouble is on another
 * environment or box, maybe OMS's own staging (which the labelled sets count as OMS's), so an
 * addressed message is still answered; passive listening, which watches production, stays silent.
 */
const PRODUCTION_FINE = new RegExp(
  [
    '(?:生产|线上|正式)(?:环境|上|那边|服务器)?(?:没事|没问题|正常|好好的|不受影响|没受影响)|不影响(?:生产|线上|正式)',
    String.raw`\b(?:prod|production)(?: is| are|'s)? (?:fine|ok|okay|unaffected|not affected|working)\b`,
    String.raw`\b(?:nothing to do with|not affecting|doesn't affect|does not affect) (?:prod|production)\b`,
  ].join('|'),
  '',
);

/** The other environment where the trouble is: without one, production said fine is a contrast in time. */
const OTHER_ENVIRONMENT = /staging|预发|测试|\buat\b|\btest(?:ing)?\b|\bdev\b|开发环境/;
/** Asked, supposed or over ("线上正常吗", "没问题的话", "之前线上正常", "prod ok until the deploy"). */
const NOT_SAID_NOW = /^\s*(?:[吗嘛么呢?？]|的话|运行了|了\S{0,3}(?:年|月|天))|\s(?:until|till|before)\b/;
const SAID_BEFORE = /(?:之前|以前|原来|本来|一直)\s*$|\b(?:was|if|whether)\s+$/;

/** The context of a message saying production is fine now, the trouble elsewhere: passive listening stays silent. */
export function awayFromProduction<T extends { other: boolean }>(ctx: T, text: string): T {
  if (ctx.other || !OTHER_ENVIRONMENT.test(text)) return ctx;
  const m = PRODUCTION_FINE.exec(text);
  if (!m) return ctx;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
  if (NOT_SAID_NOW.test(after) || SAID_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) return ctx;
  return { ...ctx, other: true };
}
