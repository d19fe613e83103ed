/**
 * A single-pass XML tokenizer for the few OOXML parts the sheet reader needs.
 *
 * Linear in the size of the document whatever it holds: the position only
 * moves forward, every search (`indexOf`) starts where the last one ended,
 * no regular expression runs over the document, and nesting is a counted
 * stack with a depth cap instead of recursion. A document that is cut off,
 * nests too deep, or closes an element that is not open is reported as a
 * {@link XmlFault} the moment it is seen, instead of being re-scanned.
 */

/** One step of the document. `name` is the local name (`x:row` → `row`); text is raw (entities not decoded). */
export type XmlToken =
  | { kind: 'start'; name: string; attrs: string; selfClosing: boolean }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string; cdata: boolean };

/** Why a document cannot be read; `open` is the innermost element still open (local name). */
export type XmlFault =
  | { kind: 'unclosed'; open: string }
  | { kind: 'mismatch'; open: string | undefined; closing: string }
  | { kind: 'too-deep'; depth: number }
  | { kind: 'broken-tag'; open: string | undefined }
  | { kind: 'dtd' };

/** Far deeper than any part Excel or WPS writes (a worksheet nests about 7 levels). */
export const MAX_XML_DEPTH = 64;

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

export class XmlScanner {
  private pos = 0;
  /** Qualified names of the open elements, innermost last. */
  private readonly stack: string[] = [];
  /** Set once the scan stopped on a fault; `next()` then answers it again. */
  fault: XmlFault | undefined;

  constructor(
    private readonly xml: string,
    private readonly maxDepth = MAX_XML_DEPTH,
  ) {}

  /** Local names of the open elements, outermost first. */
  openElements(): string[] {
    return this.stack.map(localName);
  }

  /** The next token; `undefined` at a well-formed end; a fault (also kept in `fault`) otherwise. */
  next(): XmlToken | XmlFault | undefined {
    if (this.fault) return this.fault;
    const xml = this.xml;
    for (;;) {
      if (this.pos >= xml.length) {
        const open = this.stack.at(-1);
        return open === undefined ? undefined : this.fail({ kind: 'unclosed', open: localName(open) });
      }
      const lt = xml.indexOf('<', this.pos);
      if (lt !== this.pos) {
        const end = lt < 0 ? xml.length : lt;
        const text = xml.slice(this.pos, end);
        this.pos = end;
        return { kind: 'text', text, cdata: false };
      }
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 0x3f /* ? */) {
        if (!this.skipPast('?>', lt + 2)) return this.brokenTag();
        continue;
      }
      if (c1 === 0x21 /* ! */) {
        if (xml.startsWith('<!--', lt)) {
          if (!this.skipPast('-->', lt + 4)) return this.brokenTag();
          continue;
        }
        if (xml.startsWith('<![CDATA[', lt)) {
          const close = xml.indexOf(']]>', lt + 9);
          if (close < 0) return this.brokenTag();
          this.pos = close + 3;
          return { kind: 'text', text: xml.slice(lt + 9, close), cdata: true };
        }
        return this.fail({ kind: 'dtd' });
      }
      if (c1 === 0x2f /* / */) return this.endTag(lt);
      return this.startTag(lt);
    }
  }

  private startTag(lt: number): XmlToken | XmlFault {
    const xml = this.xml;
    let i = lt + 1;
    while (i < xml.length && !isNameEnd(xml.charCodeAt(i))) i++;
    const qname = xml.slice(lt + 1, i);
    if (qname === '') return this.brokenTag();
    // Up to the '>' that ends the tag: a '>' inside a quoted attribute value does not.
    const attrsStart = i;
    let quote = 0;
    for (; i < xml.length; i++) {
      const ch = xml.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e /* > */) break;
      else if (ch === 0x3c /* < */) return this.brokenTag();
    }
    if (i >= xml.length) return this.brokenTag();
    const selfClosing = xml.charCodeAt(i - 1) === 0x2f && i - 1 >= attrsStart;
    const attrs = xml.slice(attrsStart, selfClosing ? i - 1 : i);
    this.pos = i + 1;
    if (!selfClosing) {
      if (this.stack.length >= this.maxDepth) return this.fail({ kind: 'too-deep', depth: this.stack.length + 1 });
      this.stack.push(qname);
    }
    return { kind: 'start', name: localName(qname), attrs, selfClosing };
  }

  private endTag(lt: number): XmlToken | XmlFault {
    const gt = this.xml.indexOf('>', lt + 2);
    if (gt < 0) return this.brokenTag();
    const qname = this.xml.slice(lt + 2, gt).trimEnd();
    this.pos = gt + 1;
    const open = this.stack.at(-1);
    if (open !== qname) return this.fail({ kind: 'mismatch', open: this.top(), closing: localName(qname) });
    this.stack.pop();
    return { kind: 'end', name: localName(qname) };
  }

  private skipPast(marker: string, from: number): boolean {
    const at = this.xml.indexOf(marker, from);
    if (at < 0) return false;
    this.pos = at + marker.length;
    return true;
  }

  private top(): string | undefined {
    const open = this.stack.at(-1);
    return open === undefined ? undefined : localName(open);
  }

  private brokenTag(): XmlFault {
    return this.fail({ kind: 'broken-tag', open: this.top() });
  }

  private fail(f: XmlFault): XmlFault {
    this.fault = f;
    return f;
  }
}

/** Whitespace, '/', '>' or '<' end an element name. */
function isNameEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e || ch === 0x3c;
}

export function isFault(t: XmlToken | XmlFault | undefined): t is XmlFault {
  return t !== undefined && t.kind !== 'start' && t.kind !== 'end' && t.kind !== 'text';
}
