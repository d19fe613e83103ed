import { matchText, targetsText } from '../../../src/cli/render.js';
import { parseConfig } from '../../../src/config/config.js';
import { displayWidth } from '../../../src/render/text-width.js';
import { matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

const config = parseConfig(
  [
    'targets:',
    '  prod:',
    '    host: 172.29.91.61',
    '    user: omsbot',
    '    agent: true',
    '    hostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"',
    '    publicUrl: http://172.29.91.61',
    '  a-rather-long-target-name:',
    '    host: 127.0.0.1',
    '    port: 2222',
    '    user: u',
    '    agent: true',
    '    hostKey: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"',
    '    publicUrl: http://127.0.0.1:8080',
  ].join('\n'),
  'test.yml',
);

describe('targetsText', () => {
  it('names, addresses and URLs each start at one column, a long name widening its column', () => {
    const lines = targetsText(config, (t) => (t.name === 'prod' ? '  布局 / layout: 已发现 discovered' : '')).split(
      '\n',
    );
    const urlColumns = lines.map((l) => displayWidth(l.slice(0, l.indexOf('http://'))));
    expect(lines.length).toBe(3);
    expect(new Set(urlColumns).size).toBe(1);
    const where = lines.map((l) => l.search(/\S+@|this machine/));
    expect(new Set(where).size).toBe(1);
    expect(lines.find((l) => l.startsWith('prod '))).toMatch(/布局 \/ layout: 已发现 discovered$/);
  });
});

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

describe('matchText (the `match` verb on a terminal)', () => {
  it('no match: names the playbooks that came nearest and how to run one', () => {
    // ("systemd-analyze 怎么用" until round 8's classifier learnt to offer it as a choice.)
    const text = matchText(matchIntent('systemd-analyze verify 输出看不懂', playbooks));
    expect(text).toMatch(/^no match \(没有匹配的排查手册\)\n {2}nearest \(最接近\): service-start \(0\.\d+\) — \S/);
    expect(text).toContain('`diagnose <id>` runs one');
  });

  it('no match on chatter: says so, and nothing more', () => {
    expect(matchText(matchIntent('今天中午吃什么？', playbooks))).toBe('no match (没有匹配的排查手册)');
  });
});
