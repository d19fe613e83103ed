import { loadPlaybooks } from '../../../src/playbooks/loader.js';
import { deserialisePlaybooks, fitsRegistry, serialisePlaybooks } from '../../../src/playbooks/compiled-form.js';
import { defaultPlaybookDir } from '../../../src/playbooks/paths.js';
import type { Playbook } from '../../../src/playbooks/playbook.js';
import { docRegistry } from '../../fixtures/playbooks/registry.js';

let playbooks: Playbook[];
beforeAll(async () => {
  playbooks = await loadPlaybooks(defaultPlaybookDir(), docRegistry);
});

describe('the compiled form', () => {
  it('round-trips whatever the loader produces, field for field', () => {
    const back = deserialisePlaybooks(serialisePlaybooks(playbooks));
    expect(back).toEqual(playbooks);
    for (const [i, p] of back.entries()) {
      expect(Object.keys(p).sort()).toEqual(Object.keys(playbooks[i]!).sort());
      expect(p.signatures.map(String)).toEqual(playbooks[i]!.signatures.map(String));
    }
  });

  it('refuses values JSON cannot carry, naming the field, instead of dropping them', () => {
    const withMap = [{ ...playbooks[0]!, lexicon: new Map([['a', 1]]) }] as unknown as Playbook[];
    expect(() => serialisePlaybooks(withMap)).toThrow(/field "lexicon" cannot be stored/);
  });

  it('holds each distinct finding once, and gives the playbooks the same findings back', () => {
    const text = serialisePlaybooks(playbooks);
    const form = JSON.parse(text) as { findings: unknown[]; playbooks: { findings: number[] }[] };
    const distinct = new Set(playbooks.flatMap((p) => p.findings.map((f) => JSON.stringify(f))));
    expect(form.findings).toHaveLength(distinct.size);
    expect(form.findings.length).toBeLessThan(playbooks.reduce((n, p) => n + p.findings.length, 0));
    expect(form.playbooks.map((p) => p.findings.length)).toEqual(playbooks.map((p) => p.findings.length));
  });

  it('refuses text that is not a compiled form', () => {
    const form = (list: string, findings = '[]') => `{"findings":${findings},"playbooks":${list}}`;
    expect(() => deserialisePlaybooks('{"id":"login"}')).toThrow(/not a list/);
    expect(() => deserialisePlaybooks('[{"id":"login","findings":[]}]')).toThrow(/not a list/);
    expect(() => deserialisePlaybooks(form('[{"signatures":[{"$regexp":1,"flags":"i"}]}]'))).toThrow(/malformed/);
    expect(() => deserialisePlaybooks(form('[{"signatures":[{"$regexp":"(","flags":"i"}]}]'))).toThrow(SyntaxError);
    expect(() => deserialisePlaybooks(form('[{"findings":[0]}]'))).toThrow(/malformed finding reference/);
    expect(() => deserialisePlaybooks(form('[{"findings":[0.5]}]', '[{}]'))).toThrow(/malformed finding reference/);
    expect(() => deserialisePlaybooks(form('[null]'))).toThrow(/malformed playbook/);
  });

  it('fits the registry it was built against, and not one without a check, action or signal it names', () => {
    expect(fitsRegistry(playbooks, docRegistry)).toBe(true);
    expect(fitsRegistry(playbooks, { ...docRegistry, hasAction: (id) => id !== 'reload-nginx' })).toBe(false);
    const noSignal = {
      ...docRegistry,
      checkSignals: (id: string) => (id === 'backend-service' ? [] : docRegistry.checkSignals(id)),
    };
    expect(fitsRegistry(playbooks, noSignal)).toBe(false);
    expect(fitsRegistry([{ id: 'x' }] as unknown as Playbook[], docRegistry)).toBe(false);
    const noConcept = { ...docRegistry, conceptIds: () => docRegistry.conceptIds!().filter((c) => c !== 'fails') };
    expect(fitsRegistry(playbooks, noConcept)).toBe(false);
  });
});
