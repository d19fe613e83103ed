import { findCheck } from '../../src/checks/registry.js';
import { localTarget } from '../../src/config/target.js';
import { runPlaybook } from '../../src/engine/engine.js';
import type { Report } from '../../src/engine/report.js';
import { loadPlaybooks } from '../../src/playbooks/loader.js';
import { defaultPlaybookDir } from '../../src/playbooks/paths.js';
import type { Playbook } from '../../src/playbooks/playbook.js';
import { playbookRegistry } from '../../src/app/playbook-registry.js';
import { captureScenarios } from '../helpers/capture.js';
import { ReplayTransport } from '../helpers/replay-transport.js';

/**
 * The whole pipeline — real playbooks, real checks and interpreters, the real
 * engine — on what the replica server printed in each situation from the
 * notes. The first non-info finding must be the situation's root cause, and
 * the healthy server must raise nothing above info.
 */
const EXPECTED: Record<string, { playbook: string; rootCause: string }> = {
  'cors-missing-origin': { playbook: 'login', rootCause: 'cors-origin-missing' },
  'allowed-hosts-missing-ip': { playbook: 'login', rootCause: 'allowed-hosts' },
  'frontend-api-url-wrong': { playbook: 'login', rootCause: 'frontend-api-url' },
  'backend-stopped': { playbook: 'api-not-found', rootCause: 'backend-down' },
  'nginx-api-location-missing': { playbook: 'api-not-found', rootCause: 'api-location-missing' },
  'nginx-proxy-pass-trailing-slash': { playbook: 'api-not-found', rootCause: 'api-proxy-pass-uri' },
  'nginx-upstream-missing': { playbook: 'api-not-found', rootCause: 'nginx-upstream-missing' },
  'nginx-admin-location-missing': { playbook: 'admin', rootCause: 'admin-location-missing' },
  'unit-user-www-data': { playbook: 'service-start', rootCause: 'unit-user-missing' },
  'unit-file-bom': { playbook: 'service-start', rootCause: 'unit-file-syntax' },
};

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), playbookRegistry());
});

async function diagnose(scenario: string, playbookId: string): Promise<Report> {
  const playbook = playbooks.find((p) => p.id === playbookId)!;
  return runPlaybook(playbook, localTarget(), new ReplayTransport(scenario), { findCheck });
}

const serious = (r: Report) => r.findings.filter((f) => f.severity !== 'info');

describe('diagnosis on the replica captures', () => {
  it('covers every captured situation', () => {
    expect(captureScenarios().sort()).toEqual([...Object.keys(EXPECTED), 'healthy', 'worker-timeout-sigterm'].sort());
  });

  it.each(['login', 'api-not-found', 'admin', 'service-start', 'worker-sigterm', 'checklist'])(
    'healthy server, playbook %s: verdict ok, no false alarm',
    async (pb) => {
      const report = await diagnose('healthy', pb);
      expect(serious(report)).toEqual([]);
      expect(report.observations.filter((o) => o.status !== 'ok').map((o) => `${o.check}: ${o.summary}`)).toEqual([]);
      expect(report.verdict).toBe('ok');
    },
  );

  it('worker SIGTERM lines on a healthy server: an info finding that says it is normal, verdict ok', async () => {
    for (const pb of ['worker-sigterm', 'checklist']) {
      const report = await diagnose('worker-timeout-sigterm', pb);
      expect(serious(report)).toEqual([]);
      expect(report.findings.map((f) => f.id)).toContain('sigterm-graceful');
      expect(report.verdict).toBe('ok');
    }
  });

  it.each(Object.entries(EXPECTED))(
    '%s: root cause first with its playbook and with the full checklist',
    async (scenario, { playbook, rootCause }) => {
      for (const pb of [playbook, 'checklist']) {
        const report = await diagnose(scenario, pb);
        expect(report.verdict).toBe('problem');
        expect({ pb, first: serious(report)[0]?.id }).toEqual({ pb, first: rootCause });
        const top = serious(report)[0]!;
        expect(top.fix.length).toBeGreaterThan(40);
        expect(top.evidence.length).toBeGreaterThan(0);
      }
    },
  );

  it('offers the restart when the backend is stopped, and the command is the whitelisted one', async () => {
    const report = await diagnose('backend-stopped', 'login');
    const down = report.findings.find((f) => f.id === 'backend-down')!;
    expect(down.action?.command).toEqual([
      expect.stringMatching(/^sudo -n \/usr\/bin\/systemctl (re)?start oms-backend$/),
    ]);
  });

  it('no secret from the replica .env reaches any report', async () => {
    for (const scenario of captureScenarios()) {
      const json = JSON.stringify(await diagnose(scenario, 'checklist'));
      for (const secret of [
        'h6inws=y*4^9))7!nr*2l+ek-+p29%1k@@#mpnj8q5nj@r8!q&',
        'EVuWdnct2NUwk9oKAAJK',
        'nxcG0fXEWVsXKBOJWBPhDY26',
      ])
        expect(json).not.toContain(secret);
    }
  });
});
