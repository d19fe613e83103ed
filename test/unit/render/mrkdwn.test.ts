import { codeBlock, escapeMrkdwn, link, markdownToMrkdwn } from '../../../src/render/mrkdwn.js';

describe('markdown → Slack mrkdwn', () => {
  it('headings become bold lines (anchors dropped)', () => {
    expect(markdownToMrkdwn('# 标题 Title\n\n## Fix it {#backend-down}\n\ntext')).toBe(
      '*标题 Title*\n\n*Fix it*\n\ntext',
    );
  });

  it('bold, italics, strike, inline code', () => {
    expect(markdownToMrkdwn('a **bold** b *it* c ~~gone~~ d `x < y`')).toBe('a *bold* b _it_ c ~gone~ d `x &lt; y`');
  });

  it('bullet, ordered and nested lists', () => {
    expect(markdownToMrkdwn('- one\n- two\n  - inner\n\n3. c\n4. d')).toBe('• one\n• two\n    • inner\n\n3. c\n4. d');
  });

  it('code blocks keep their content, escaped, without the language tag', () => {
    expect(markdownToMrkdwn('```sh\nsystemctl restart oms-backend && echo <ok>\n```')).toBe(
      '```\nsystemctl restart oms-backend &amp;&amp; echo &lt;ok&gt;\n```',
    );
  });

  it('links become <url|text>; characters that would break the link are encoded', () => {
    expect(markdownToMrkdwn('[the docs](http://x.y/a?b=1&c=2)')).toBe('<http://x.y/a?b=1&c=2|the docs>');
    expect(link('http://x/a|b>c', 'a|b')).toBe('<http://x/a%7Cb%3Ec|a¦b>');
    expect(markdownToMrkdwn('<http://172.29.91.61/admin/>')).toBe('<http://172.29.91.61/admin/>');
  });

  it('escapes &, < and > in text so playbook text cannot form mentions or links', () => {
    expect(markdownToMrkdwn('a <!channel> & <@U123> > b')).toBe('a &lt;!channel&gt; &amp; &lt;@U123&gt; &gt; b');
    expect(escapeMrkdwn('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('entities in the source are not double-escaped', () => {
    expect(markdownToMrkdwn('Tom &amp; Jerry')).toBe('Tom &amp; Jerry');
  });

  it('a code block cannot be closed early by backticks inside it', () => {
    const out = codeBlock('a ``` b');
    expect(out.startsWith('```\n')).toBe(true);
    expect(out.match(/```/g)!.length).toBe(2);
  });

  it('tables become aligned code blocks; blockquotes keep the > marker', () => {
    expect(markdownToMrkdwn('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('```\n| a | b |\n|---|---|\n| 1 | 2 |\n```');
    expect(markdownToMrkdwn('> careful')).toBe('> careful');
  });

  it('converts every real playbook without leaving markdown headings or anchors outside code', async () => {
    const { loadPlaybooks } = await import('../../../src/playbooks/loader.js');
    const { defaultPlaybookDir } = await import('../../../src/playbooks/paths.js');
    const { playbookRegistry } = await import('../../../src/app/playbook-registry.js');
    for (const p of await loadPlaybooks(defaultPlaybookDir(), playbookRegistry())) {
      const out = markdownToMrkdwn(p.body).replace(/```[\s\S]*?```/g, '');
      expect(out).not.toMatch(/^#{1,6} /m);
      expect(out).not.toMatch(/\{#[a-z0-9-]+\}/);
      expect(out).not.toMatch(/\*\*/);
    }
  });
});
