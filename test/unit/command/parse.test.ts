import { parseCommand } from '../../../src/command/parse.js';
import { tokenize } from '../../../src/command/tokenize.js';

const parse = (line: string, freeText = true) => parseCommand(tokenize(line), { freeTextFallsThrough: freeText });

describe('tokenize', () => {
  it('splits on spaces and groups quoted text, straight and curly', () => {
    expect(tokenize('diagnose login  prod')).toEqual(['diagnose', 'login', 'prod']);
    expect(tokenize(`match "Worker (pid:1) was sent SIGTERM!"`)).toEqual(['match', 'Worker (pid:1) was sent SIGTERM!']);
    expect(tokenize('match “超级管理员 登录不上”')).toEqual(['match', '超级管理员 登录不上']);
    expect(tokenize(`a '' b`)).toEqual(['a', '', 'b']);
  });
});

describe('parseCommand', () => {
  it('parses the verbs', () => {
    expect(parse('diagnose login --target prod')).toMatchObject({
      ok: true,
      command: { verb: 'diagnose', query: 'login', target: 'prod' },
    });
    expect(parse('check backend-service prod')).toMatchObject({
      ok: true,
      command: { verb: 'check', check: 'backend-service', target: 'prod' },
    });
    expect(parse('list --json')).toMatchObject({ ok: true, command: { verb: 'list' }, flags: { json: true } });
    expect(parse('sudoers --user omsbot')).toMatchObject({ ok: true, command: { verb: 'sudoers', user: 'omsbot' } });
    expect(parse('')).toMatchObject({ ok: true, command: { verb: 'help' } });
  });

  it('sends free text to diagnose in the console, refuses it on the command line', () => {
    expect(parse('超级管理员登录不上')).toMatchObject({
      ok: true,
      command: { verb: 'diagnose', query: '超级管理员登录不上' },
    });
    expect(parse('超级管理员登录不上', false)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown command'),
    });
  });

  it.each([
    ['diagnose login; rm -rf /'],
    ['diagnose $(reboot)'],
    ['diagnose `id`'],
    ['diagnose login | sh'],
    ['check backend-service && reboot'],
    ['diagnose ${IFS}'],
    ['diagnose login > /etc/passwd'],
  ])('refuses shell metacharacters: %s', (line) => {
    const r = parse(line);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/refused/);
      expect(r.error).toMatch(/nothing was run/);
      expect(r.hint).toMatch(/match/);
    }
  });

  it('refuses newlines inside an argument', () => {
    const r = parseCommand(['diagnose', 'login\nreboot']);
    expect(r.ok).toBe(false);
  });

  it('refuses a typed line break between words (Slack shift+enter), instead of joining the lines', () => {
    for (const line of ['diagnose login\nreboot', 'diagnose login \r\n reboot', 'check backend-service\nprod']) {
      const r = parse(line);
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/refused.*nothing was run/) });
    }
    // Surrounding line breaks are only whitespace.
    expect(parse('diagnose login\n')).toMatchObject({ ok: true, command: { verb: 'diagnose', query: 'login' } });
  });

  it('refuses shell characters in option values too', () => {
    for (const line of [
      'run restart-backend prod --reason "down; $(reboot)"',
      'run restart-backend prod --reason=`id`',
      'audit --since "1h;id"',
    ]) {
      expect(parse(line)).toMatchObject({ ok: false, error: expect.stringMatching(/refused/) });
    }
  });

  it('lets match analyse a pasted line with shell characters, since match runs nothing', () => {
    expect(parse('match "curl ... | grep 502; echo"')).toMatchObject({ ok: true, command: { verb: 'match' } });
  });

  it('rejects malformed ids, names and options with a hint', () => {
    for (const line of [
      'check ../../etc/passwd',
      'diagnose login --target "a b"',
      'sudoers --user Root!',
      'list --frobnicate',
      'diagnose login --target',
    ]) {
      const r = parse(line);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.hint.length).toBeGreaterThan(5);
    }
  });
});
