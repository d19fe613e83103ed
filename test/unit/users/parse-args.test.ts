import { parseCommand } from '../../../src/command/parse.js';

describe('users verb in the shared parser', () => {
  it.each([
    [['users', 'template'], { verb: 'users', action: 'template' }],
    [['users', 'template', '-o', 'out/模板.xlsx'], { verb: 'users', action: 'template', output: 'out/模板.xlsx' }],
    [['users', 'validate', 'users 2025.xlsx'], { verb: 'users', action: 'validate', file: 'users 2025.xlsx' }],
    [
      ['users', 'validate', 'a.CSV', '-o', 'fixed.xlsx'],
      { verb: 'users', action: 'validate', file: 'a.CSV', output: 'fixed.xlsx' },
    ],
    [['USERS', 'check', 'a.csv'], { verb: 'users', action: 'validate', file: 'a.csv' }],
  ])('%j', (words, command) => {
    const r = parseCommand(words);
    expect(r.ok && r.command).toEqual(command);
  });

  it.each([
    [['users'], 'users needs template or validate'],
    [['users', 'delete'], 'unknown users command "delete"'],
    [['users', 'validate'], 'users validate needs a file'],
    [['users', 'validate', 'a.xlsx', 'b.xlsx'], 'takes one file'],
    [['users', 'validate', 'notes.docx'], 'must end in .xlsx or .csv'],
    [['users', 'validate', 'dir/'], 'is a directory'],
    [['users', 'validate', '-rf.xlsx'], 'starts with -'],
    [['users', 'validate', 'a\u0007.xlsx'], 'control characters'],
    [['users', 'template', '-o'], '-o needs a file name'],
    [['users', 'template', '-o', 'out.csv'], 'must end in .xlsx'],
    [['users', 'template', 'x.xlsx'], 'takes no file'],
  ])('%j is refused', (words, error) => {
    const r = parseCommand(words);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(error);
      expect(r.hint).toBeTruthy();
    }
  });

  it.each([
    ['users', 'validate', 'a.xlsx;rm -rf ~'],
    ['users', 'validate', '$(id).csv'],
    ['users', 'template', '-o', 'x`id`.xlsx'],
  ])('shell characters in a path are refused before anything runs: %s', (...words) => {
    const r = parseCommand(words);
    expect(!r.ok && r.error).toContain('shell characters');
  });

  it('the console (free text) still reaches users', () => {
    const r = parseCommand(['users', 'template'], { freeTextFallsThrough: true });
    expect(r.ok && r.command.verb).toBe('users');
  });
});
