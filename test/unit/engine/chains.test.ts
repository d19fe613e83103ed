import { chainFindings } from '../../../src/engine/chains.js';
import type { ReportFinding } from '../../../src/engine/report.js';
import type { Severity } from '../../../src/playbooks/playbook.js';
import { rule } from './fakes.js';

const finding = (id: string, severity: Severity = 'error'): ReportFinding => ({
  id,
  severity,
  title: id,
  evidence: '',
  fix: '',
  action: null,
  matched: [],
});
const shape = (fs: ReportFinding[]) => fs.map((f) => [f.id, f.explainedBy ?? null, f.explains ?? null]);

describe('chainFindings', () => {
  const causes = [
    rule('backend-start-failed', ['a:down'], { severity: 'critical', explains: ['restart', 'bad-gateway'] }),
    rule('port-in-use', ['b:down'], { explains: ['backend-start-failed', 'bad-gateway'] }),
    rule('port-taken', ['c:down'], { explains: ['port-in-use'] }),
    rule('restart', ['d:down'], { severity: 'warning' }),
    rule('bad-gateway', ['e:down']),
    rule('cors', ['f:down']),
    rule('hint', ['g:down'], { severity: 'info' }),
  ];

  it('puts the deepest confirmed cause first and hangs each finding under the closest cause that explains it', () => {
    // Catalogue order as diagnose() returns it: the consequence first.
    const input = ['backend-start-failed', 'port-in-use', 'port-taken', 'restart', 'bad-gateway'].map((id) =>
      finding(id, id === 'backend-start-failed' ? 'critical' : id === 'restart' ? 'warning' : 'error'),
    );
    expect(shape(chainFindings(input, causes))).toEqual([
      ['port-taken', null, ['port-in-use']],
      ['port-in-use', 'port-taken', ['backend-start-failed']],
      ['backend-start-failed', 'port-in-use', ['restart', 'bad-gateway']],
      ['restart', 'backend-start-failed', null],
      ['bad-gateway', 'backend-start-failed', null],
    ]);
  });

  it('follows explains through a cause that did not fire', () => {
    const out = chainFindings([finding('bad-gateway'), finding('port-taken')], causes);
    expect(shape(out)).toEqual([
      ['port-taken', null, ['bad-gateway']],
      ['bad-gateway', 'port-taken', null],
    ]);
  });

  it('shows two independent causes both, the one that blocks more first, hints last', () => {
    const input = [finding('hint', 'info'), finding('cors'), finding('port-in-use'), finding('bad-gateway')];
    expect(shape(chainFindings(input, causes))).toEqual([
      ['port-in-use', null, ['bad-gateway']],
      ['bad-gateway', 'port-in-use', null],
      ['cors', null, null],
      ['hint', null, null],
    ]);
  });

  it('ranks a critical or error root before a warning root that explains more', () => {
    const many = [rule('warn-root', ['x:down'], { severity: 'warning', explains: ['restart'] }), ...causes];
    const input = [finding('warn-root', 'warning'), finding('restart', 'warning'), finding('cors')];
    expect(chainFindings(input, many).map((f) => f.id)).toEqual(['cors', 'warn-root', 'restart']);
  });

  it('leaves findings without a cause in the catalogue (unexplained) as roots, and keeps every finding once', () => {
    const input = [finding('unexplained'), finding('bad-gateway'), finding('port-in-use')];
    const out = chainFindings(input, causes);
    expect(out.map((f) => f.id).sort()).toEqual(['bad-gateway', 'port-in-use', 'unexplained']);
    expect(out.find((f) => f.id === 'unexplained')!.explainedBy).toBeUndefined();
  });
});
