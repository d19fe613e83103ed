import { parseCommand } from '../../../src/command/parse.js';

const parse = (words: string) => parseCommand(words.split(' '), { freeTextFallsThrough: false, frontEnd: 'cli' });

describe('watch verb arguments', () => {
  test.each([
    ['watch', { verb: 'watch', sub: 'list' }],
    ['watch list', { verb: 'watch', sub: 'list' }],
    ['watch pause checklist-prod', { verb: 'watch', sub: 'pause', id: 'checklist-prod' }],
    ['watch pause checklist-prod for 2h', { verb: 'watch', sub: 'pause', id: 'checklist-prod', forMs: 7_200_000 }],
    ['watch pause checklist-prod 30m', { verb: 'watch', sub: 'pause', id: 'checklist-prod', forMs: 1_800_000 }],
    ['watch pause checklist-prod for 1d', { verb: 'watch', sub: 'pause', id: 'checklist-prod', forMs: 86_400_000 }],
    ['watch resume checklist-prod', { verb: 'watch', sub: 'resume', id: 'checklist-prod' }],
    ['watch run checklist-prod', { verb: 'watch', sub: 'run', id: 'checklist-prod' }],
  ])('%s', (words, command) => {
    const r = parse(words);
    expect(r.ok && r.command).toEqual(command);
  });

  test.each([
    ['watch stop x', /watch has no "stop": it knows list, pause, resume and run/],
    ['watch pause', /watch pause needs a watch id/],
    ['watch run ../etc', /invalid watch id/],
    ['watch pause x for ever', /"for ever" is not a pause length/],
    ['watch pause x for 0h', /is not a pause length/],
    ['watch pause x for 90d', /at most 30d/],
    ['watch pause x for 10s', /is not a pause length/],
    ['watch run a b', /watch run takes one id/],
    ['watch list x', /watch list takes nothing more/],
  ])('refuses %s with what to type', (words, error) => {
    const r = parse(words);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(error);
      expect(r.hint).toMatch(/oms-chatops watch /);
    }
  });
});
