import { findSections, indexSections, sectionTerms } from '../../../src/intent/sections.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});
const best = (text: string) => {
  const [hit] = findSections(indexSections(playbooks), text);
  return hit ? `${hit.playbook}#${hit.section}` : null;
};

describe('how-to sections found by their own words', () => {
  it('answers questions about a detail of the section', () => {
    expect(best('批量导入时手机号和邮箱是必填的吗')).toBe('admin#bulk-import');
    expect(best('生产环境 DEBUG 要设成 False 吗')).toBe('checklist#recommended-config');
    expect(best('changepassword 命令怎么用')).toBe('login#reset-password');
    expect(best('Type 用 notify 还是 simple')).toBe('service-start#unit-file');
    expect(best('开机自启怎么设置')).toBe('service-start#setup');
  });

  it('ignores question words and finds nothing in chatter', () => {
    const terms = sectionTerms('应该怎么重启 backend');
    expect(terms.has('应该')).toBe(false);
    expect(terms.has('怎么')).toBe(false);
    expect(terms.has('重启')).toBe(true);
    expect(terms.has('backend')).toBe(true);
    expect(best('午饭吃啥')).toBeNull();
  });

  it('indexes the playbooks once', () => {
    expect(indexSections(playbooks)).toBe(indexSections(playbooks));
  });
});
