/** The little XML the OOXML reader and writer need: escaping, and decoding of text and attributes. */

export function escapeXml(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decode character and the five predefined entity references. Nothing else:
 * documents with a DTD are refused before this point, so there is no entity
 * expansion (billion laughs) and no external entity.
 */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (all, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

/** Attributes of a start tag's attribute text, by local name (`r:id` → `id`, with the prefixed name kept too). */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = decodeXml(m[2] ?? m[3] ?? '');
    out.set(m[1]!, value);
    const colon = m[1]!.indexOf(':');
    if (colon >= 0 && !out.has(m[1]!.slice(colon + 1))) out.set(m[1]!.slice(colon + 1), value);
  }
  return out;
}

/** True when the document declares a DTD (refused: entity tricks live there). */
export function hasDoctype(xml: string): boolean {
  return /<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml);
}
