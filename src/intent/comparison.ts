/** A normalised (lower-cased) message's comparison with another system (src/intent/context.ts reads it). */

/**
 * Another system named as what one already knows, contrasted with OMS's ("windows上IIS我知道是在web.config里面加header
 * 这个linux上的后端是在哪个配置里面加", "on IIS I know it's web.config, but where on our backend"): a comparison, not the
 * system the question is about.
 */
const KNOWN_ELSEWHERE = new RegExp(
  [
    String.raw`(?:[a-z][\w.-]*\s*(?:上|里|那边|的话)?\s*){1,2}我(?:知道|会|懂|熟悉)[^,，。;；\s]*` +
      String.raw`(?=.*?(?:这个|我们|咱们|oms|但是?|可是|不过))`,
    String.raw`\b(?:on|in|with) [a-z][\w.-]* i know\b[^,.;!?]*(?=.*\b(?:but|our|this|oms)\b)`,
  ].join('|'),
  'g',
);

/**
 * The words {@link KNOWN_ELSEWHERE} needs, looked for first: the expression, tried at every letter of a message, costs
 * more than the rest of the message's reading of its context.
 */
const KNOWING = /我(?:知道|会|懂|熟悉)|\bi know\b/;

/** The text without another system named as what one knows ({@link KNOWN_ELSEWHERE}). */
export function withoutComparison(text: string): string {
  return KNOWING.test(text) ? text.replace(KNOWN_ELSEWHERE, ' ') : text;
}

/** Whether the text names another system as what one knows ({@link KNOWN_ELSEWHERE}). */
export function comparesWithOther(text: string): boolean {
  return KNOWING.test(text) && text.search(KNOWN_ELSEWHERE) >= 0;
}
