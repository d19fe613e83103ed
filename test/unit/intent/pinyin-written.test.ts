import { answerSummary, matchIntent } from '../../../src/intent/match.js';
import { pinyinLoaded } from '../../../src/intent/pinyin.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';

// Its own file: Jest gives each file a fresh module registry, so nothing here has loaded pinyin-pro before.
describe('pinyin input with the written readings (src/intent/lexicon-pinyin.json)', () => {
  it('is matched without loading pinyin-pro', async () => {
    const playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
    const top = (text: string) => answerSummary(matchIntent(text, playbooks)).offered[0];
    expect(top('houduan qi bu lai')).toBe('service-start');
    expect(top('chaoguan denglu bushang')).toBe('login');
    expect(top('nginx keeps returning 502 on /api/')).toBe('api-not-found');
    expect(pinyinLoaded()).toBe(false);
  });
});
