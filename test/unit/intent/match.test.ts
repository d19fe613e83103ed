import { findCheck } from '../../../src/checks/registry.js';
import { isDecisive, matchIntent } from '../../../src/intent/match.js';
import { extract } from '../../../src/intent/extract.js';
import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import { playbookRegistry } from '../../../src/playbooks/registry-adapter.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
  expect(findCheck('backend-service')).toBeDefined();
});

const id = (text: string) => matchIntent(text, playbooks).playbook?.id ?? null;

describe('matchIntent on the real playbooks', () => {
  it.each([
    ['[2025-12-07 15:35:17 +0800] [3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!', 'worker-sigterm'],
    ['oms-backend.service: Main process exited, code=exited, status=217/USER', 'service-start'],
    ['/etc/systemd/system/oms-backend.service:1: Assignment outside of section. Ignoring.', 'service-start'],
    ["/etc/systemd/system/oms-backend.service:18: Missing '=', ignoring line.", 'service-start'],
    ["Access to XMLHttpRequest at 'http://172.29.91.61/api/auth/login/' from origin 'http://172.29.91.61' has been blocked by CORS policy", 'login'],
    ['前端用超级管理员无法正常登录', 'login'],
    ['后端 API 访问时出现 not found 页面', 'api-not-found'],
    ['502 Bad Gateway', 'api-not-found'],
    ['管理员后台访问路径和批量增加人员', 'admin'],
    ['login', 'login'],
    ['ＬＯＧＩＮ', 'login'],
  ])('%s → %s', (text, expected) => {
    expect(id(text)).toBe(expected);
  });

  it.each(['今天中午吃什么？', 'the weekly report is due friday', 'LGTM, merging', '', '   '])('no match for chatter: %s', (text) => {
    const r = matchIntent(text, playbooks);
    expect(r.playbook).toBeNull();
    expect(isDecisive(r)).toBe(false);
  });

  it('extracts values worth showing back', () => {
    expect(extract('[3321280] [ERROR] Worker (pid:3321281) was sent SIGTERM!').pid).toBe('3321281');
    expect(extract('oms-backend.service: Main process exited, code=exited, status=217/USER')).toMatchObject({ unit: 'oms-backend.service', exitStatus: '217/USER' });
    expect(extract("from origin 'http://172.29.91.61' has been blocked").origin).toBe('http://172.29.91.61');
    expect(extract('HTTP/1.1 502 Bad Gateway').httpStatus).toBe('502');
    expect(extract('connect() failed (111: Connection refused) while connecting to upstream, upstream: "http://127.0.0.1:8000/api/"').port).toBe('8000');
  });

  it('gives alternatives with confidences and never throws on hostile input', () => {
    for (const text of ['\u0000\u0001\ufffd'.repeat(1000), '('.repeat(5000), 'a'.repeat(200_000), '🙂'.repeat(500)]) {
      const r = matchIntent(text, playbooks);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(r.alternatives)).toBe(true);
    }
  });
});
