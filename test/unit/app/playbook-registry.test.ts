import { playbookRegistry } from '../../../src/app/playbook-registry.js';
import { builtinLexicon } from '../../../src/intent/concepts.js';

describe('playbookRegistry', () => {
  it('names the concepts of the compiled lexicon, in order, without compiling it', () => {
    expect(playbookRegistry().conceptIds!()).toEqual(builtinLexicon().concepts.map((c) => c.id));
    expect(playbookRegistry().conceptIds!()).toContain('login');
  });
});
