/**
 * Split a command line typed in the console or after `/oms` into words,
 * honouring "double" and 'single' quotes (straight and curly). Nothing here is
 * ever handed to a shell; quoting only groups words. Line breaks inside the
 * line are kept in the word they occur in (not treated as spaces), so the
 * parser sees them and refuses the command instead of silently joining lines.
 */
export function tokenize(line: string): string[] {
  line = line.trim();
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  const closing: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
  for (const ch of line) {
    if (quote) {
      if (ch === closing[quote]) quote = null;
      else cur += ch;
      continue;
    }
    if (ch in closing) {
      quote = ch;
      has = true;
      continue;
    }
    if (/\s/.test(ch) && ch !== '\n' && ch !== '\r') {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    cur += ch;
    has = true;
  }
  if (has || cur) out.push(cur);
  return out;
}
