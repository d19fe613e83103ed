import { matchText } from '../../../src/cli/render.js';
import { matchIntent } from '../../../src/intent/match.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

describe('matchText (the `match` verb on a terminal)', () => {
  it('no match: names the playbooks that came nearest and how to run one', () => {
    const text = matchText(matchIntent('how can I test the login endpoint from the server', playbooks));
    expect(text).toMatch(/^no match \(没有匹配的排查手册\)\n {2}nearest \(最接近\): login \(0\.\d+\) — \S/);
    expect(text).toContain('`diagnose <id>` runs one');
  });

  it('no match on chatter: says so, and nothing more', () => {
    expect(matchText(matchIntent('今天中午吃什么？', playbooks))).toBe('no match (没有匹配的排查手册)');
  });
});
