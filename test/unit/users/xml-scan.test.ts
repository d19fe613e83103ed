import { isFault, XmlScanner, type XmlFault, type XmlToken } from '../../../src/users/xml-scan.js';

function tokens(xml: string, maxDepth?: number): Array<XmlToken | XmlFault> {
  const scan = new XmlScanner(xml, maxDepth);
  const out: Array<XmlToken | XmlFault> = [];
  for (let t = scan.next(); t !== undefined; t = scan.next()) {
    out.push(t);
    if (isFault(t)) break;
  }
  return out;
}

describe('XmlScanner', () => {
  it('reads start, end, self-closing tags and text by local name; skips the declaration and comments', () => {
    expect(
      tokens('<?xml version="1.0"?><x:row r="1" a=\'b > c\'><!-- <row> --><c/>a &amp; b<![CDATA[<t>]]></x:row>'),
    ).toEqual([
      { kind: 'start', name: 'row', attrs: ' r="1" a=\'b > c\'', selfClosing: false },
      { kind: 'start', name: 'c', attrs: '', selfClosing: true },
      { kind: 'text', text: 'a &amp; b', cdata: false },
      { kind: 'text', text: '<t>', cdata: true },
      { kind: 'end', name: 'row' },
    ]);
  });

  it.each([
    ['an element never closed', '<a><b></b>', { kind: 'unclosed', open: 'a' }],
    ['a closing tag of another element', '<a><b></a>', { kind: 'mismatch', open: 'b', closing: 'a' }],
    ['a closing tag with nothing open', '</a>', { kind: 'mismatch', open: undefined, closing: 'a' }],
    ['a tag cut off', '<a><b r="1', { kind: 'broken-tag', open: 'a' }],
    ['a tag broken by another', '<a><b <c>', { kind: 'broken-tag', open: 'a' }],
    ['a comment never closed', '<a><!-- x', { kind: 'broken-tag', open: 'a' }],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><x/>', { kind: 'dtd' }],
  ])('%s is a fault, reported once and then again on every call', (_what, xml, fault) => {
    const all = tokens(xml);
    expect(all.at(-1)).toEqual(fault);
    const scan = new XmlScanner(xml);
    let t = scan.next();
    while (t !== undefined && !isFault(t)) t = scan.next();
    expect(scan.next()).toEqual(fault);
    expect(scan.fault).toEqual(fault);
  });

  it('nesting past the cap stops at the first element too deep, without recursion', () => {
    const deep = '<a>'.repeat(100_000);
    expect(tokens(deep).at(-1)).toEqual({ kind: 'too-deep', depth: 65 });
    expect(tokens('<a><a><a></a></a></a>', 2).at(-1)).toEqual({ kind: 'too-deep', depth: 3 });
  });
});
