import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown (playbook bodies, finding fixes) → Slack mrkdwn, via marked's lexer.
 * Slack has no headings, so a heading becomes a bold line; lists become
 * bullet lines; links become `<url|text>`. `&`, `<` and `>` are escaped
 * everywhere (also inside code: Slack unescapes them there too), so text from
 * a playbook can never form a mention or a link of its own.
 */
export function markdownToMrkdwn(markdown: string): string {
  const tokens = Lexer.lex(markdown.replace(/\r\n?/g, '\n'));
  return blocks(tokens, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Escape the three characters Slack treats as control characters in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A code block; backtick runs inside are broken up so the block cannot end early. */
export function codeBlock(text: string): string {
  const body = escapeMrkdwn(text.replace(/```/g, '`\u200b``')).replace(/\n+$/, '');
  return `\`\`\`\n${body || ' '}\n\`\`\``;
}

/** A link `<url|text>`; characters that would end the link are percent-encoded. */
export function link(url: string, text: string): string {
  const safeUrl = url.replace(/[|<>\s]/g, (c) => encodeURIComponent(c));
  const label = escapeMrkdwn(text).replace(/\|/g, '¦');
  return label && label !== safeUrl ? `<${safeUrl}|${label}>` : `<${safeUrl}>`;
}

function blocks(tokens: readonly Token[], indent: string): string {
  const out: string[] = [];
  for (const t of tokens) {
    const s = block(t, indent);
    if (s !== null) out.push(s);
  }
  return out.join('\n\n');
}

function block(t: Token, indent: string): string | null {
  switch (t.type) {
    case 'space':
      return null;
    case 'heading': {
      // Playbook headings carry a `{#finding-id}` anchor for the loader; readers need not see it.
      const text = inline((t as Tokens.Heading).tokens)
        .replace(/\s*\{#[^}]*\}\s*$/, '')
        .trim();
      return text ? `${indent}*${stripBold(text)}*` : null;
    }
    case 'paragraph':
      return prefixLines(inline((t as Tokens.Paragraph).tokens), indent);
    case 'text': {
      const tt = t as Tokens.Text;
      return prefixLines(tt.tokens ? inline(tt.tokens) : escapeMrkdwn(tt.text), indent);
    }
    case 'code':
      return prefixLines(codeBlock((t as Tokens.Code).text), indent);
    case 'list':
      return list(t as Tokens.List, indent);
    case 'blockquote':
      return blocks((t as Tokens.Blockquote).tokens, indent)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'hr':
      return `${indent}──────────`;
    case 'table':
      // Slack has no tables: keep the columns aligned in a code block.
      return prefixLines(codeBlock(t.raw.trim()), indent);
    case 'html':
      return prefixLines(escapeMrkdwn((t as Tokens.HTML).text.trim()), indent) || null;
    default:
      return t.raw ? prefixLines(escapeMrkdwn(t.raw.trim()), indent) : null;
  }
}

function list(l: Tokens.List, indent: string): string {
  const start = typeof l.start === 'number' ? l.start : 1;
  return l.items
    .map((item, i) => {
      const marker = l.ordered ? `${start + i}. ` : '• ';
      const check = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
      const inner = item.tokens.filter((x) => x.type !== 'checkbox');
      const body = blocks(inner, `${indent}    `).replace(/\n\n/g, '\n');
      // The first line carries the marker; the rest keep the nested indentation.
      const trimmed = body.startsWith(`${indent}    `) ? body.slice(indent.length + 4) : body.trimStart();
      return `${indent}${marker}${check}${trimmed}`;
    })
    .join('\n');
}

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(inlineToken).join('');
}

function inlineToken(t: Token): string {
  switch (t.type) {
    case 'text': {
      const tt = t as Tokens.Text;
      return tt.tokens ? inline(tt.tokens) : escapeMrkdwn(decodeEntities(tt.text));
    }
    case 'escape':
      return escapeMrkdwn((t as Tokens.Escape).text);
    case 'strong':
      return wrap('*', stripBold(inline((t as Tokens.Strong).tokens)));
    case 'em':
      return wrap('_', inline((t as Tokens.Em).tokens));
    case 'del':
      return wrap('~', inline((t as Tokens.Del).tokens));
    case 'codespan':
      return `\`${escapeMrkdwn(decodeEntities((t as Tokens.Codespan).text)).replace(/`/g, 'ˋ')}\``;
    case 'link': {
      const lt = t as Tokens.Link;
      return link(lt.href, plain(lt.tokens) || lt.href);
    }
    case 'image': {
      const it = t as Tokens.Image;
      return link(it.href, it.text || it.href);
    }
    case 'br':
      return '\n';
    case 'html':
      return escapeMrkdwn((t as Tokens.HTML).text);
    default:
      return escapeMrkdwn(t.raw);
  }
}

/** Text of inline tokens without formatting (link labels). */
function plain(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((t) => {
      const withTokens = t as { tokens?: Token[]; text?: string };
      if (withTokens.tokens) return plain(withTokens.tokens);
      return decodeEntities(withTokens.text ?? t.raw);
    })
    .join('');
}

/** Slack needs the markers outside surrounding spaces: `* bold *` does not render. */
function wrap(marker: string, text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : text;
}

/** Nested bold markers (`**a** inside a heading`) would cancel each other out. */
function stripBold(text: string): string {
  return text.replace(/\*/g, '');
}

function prefixLines(text: string, indent: string): string {
  if (!indent) return text;
  return text
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}

/** marked leaves HTML entities of the source (`&amp;`, `&lt;`) escaped in text tokens; undo before escaping once. */
function decodeEntities(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _m,
  );
}
