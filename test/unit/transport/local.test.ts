import { LocalTransport } from '../../../src/transport/local.js';

describe('LocalTransport', () => {
  const t = new LocalTransport();

  it('runs argv without a shell: metacharacters arrive as plain arguments', async () => {
    const args = ['a b', "it's", '$(id)', '`id`', 'x;y', 'line1\nline2', '中文'];
    const r = await t.exec(['printf', '%s\\0', ...args]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(args);
    expect(r.timedOut).toBe(false);
  });

  it('reports a missing program as exit 127, never throws', async () => {
    const r = await t.exec(['definitely-not-a-program-oms']);
    expect(r.code).toBe(127);
    expect(r.stderr).toMatch(/command not found/);
  });

  it('keeps the exit code and stderr of a failing command', async () => {
    const r = await t.exec(['cat', '/nonexistent/oms/.env']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No such file/);
  });

  it('kills a hung command at its deadline and keeps partial output', async () => {
    const started = Date.now();
    const r = await t.exec(['sh', '-c', 'echo partial; sleep 20'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.stdout).toContain('partial');
    // Returned long before `sleep 20` would have ended: the whole process group was killed.
    expect(Date.now() - started).toBeLessThan(15000);
  });

  it('caps output and marks it truncated', async () => {
    const r = await t.exec(['seq', '1', '200000'], { maxBytes: 1000 });
    expect(r.truncated).toBe(true);
    expect(Buffer.byteLength(r.stdout)).toBe(1000);
    expect(r.code).toBe(0);
  });

  it('runs sudo commands directly when already root, through sudo -n otherwise', async () => {
    const asRoot = new LocalTransport({ uid: 0 });
    const r = await asRoot.exec(['echo', 'hi'], { sudo: true });
    expect(r.stdout.trim()).toBe('hi');
    const asUser = new LocalTransport({ uid: 1000, env: { PATH: '/nonexistent' } });
    const r2 = await asUser.exec(['echo', 'hi'], { sudo: true });
    // With no sudo on PATH the sudo wrapper itself is what is missing.
    expect(r2.code).toBe(127);
    expect(r2.stderr).toMatch(/^sudo: command not found/);
  });
});
