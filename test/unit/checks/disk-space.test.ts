import { describe, expect, it } from '@jest/globals';
import { diskPaths, diskSpace, parseDf } from '../../../src/checks/disk-space.js';
import { localTarget } from '../../../src/config/target.js';
import { HOSTILE, huge, res, run, TRANSPORT_FAILURES } from '../../fixtures/service/fixtures.js';

const target = localTarget();
const HEAD = 'Filesystem               1K-blocks     Used    Avail Use% IUse% Mounted on';
/** A Kylin V10 server (LVM root, separate /var/log), no MySQL: GNU df with --output, for the six paths. */
const KYLIN_NO_MYSQL_ERR = 'df: /var/lib/mysql: No such file or directory\n';
function kylin(rootPct = 41, rootFree = 30_512_344, logPct = 12, logFree = 9_001_212, rootInodes = 3): string {
  const root = `/dev/mapper/klas-root    52403200 ${52403200 - rootFree} ${rootFree}  ${rootPct}%    ${rootInodes}% /`;
  const log = `/dev/mapper/klas-var_log 10475520 ${10475520 - logFree}  ${logFree}  ${logPct}%    1% /var/log`;
  // logDir /var/log/oms, backend, media, /var/log, (mysql missing), /tmp
  return [HEAD, log, root, root, log, `tmpfs                     3995688       16  3995672   1%    1% /tmp`, ''].join(
    '\n',
  );
}
const check = (blocks: string, code = 1) => run(diskSpace, [res(blocks, code, KYLIN_NO_MYSQL_ERR)], target);

describe('disk-space command', () => {
  it('one df for the log dir, the backend (SQLite), media, /var/log, MySQL data and /tmp: blocks and inodes', () => {
    const paths = ['/var/log/oms', '/opt/OMS/backend', '/opt/OMS/backend/media', '/var/log', '/var/lib/mysql', '/tmp'];
    expect(diskPaths(target)).toEqual(paths);
    expect(diskSpace.commands(target).map((c) => c.argv)).toEqual([
      ['df', '-k', '--output=source,size,used,avail,pcent,ipcent,target', ...paths],
    ]);
  });

  it('rows are matched to paths around the missing ones', () => {
    const rows = parseDf(kylin(), KYLIN_NO_MYSQL_ERR, diskPaths(target));
    expect(rows.map((r) => `${r.path}@${r.mount}`)).toEqual([
      '/var/log/oms@/var/log',
      '/opt/OMS/backend@/',
      '/opt/OMS/backend/media@/',
      '/var/log@/var/log',
      '/tmp@/tmp',
    ]);
  });
});

describe('disk-space on realistic output', () => {
  it('a healthy Kylin server → ok, fullest named', () => {
    expect(check(kylin())).toMatchObject({ status: 'ok', signals: ['space-ok'], facts: { fullest: 41 } });
  });

  it('/var/log 96% full → disk-full, names the mount and what lives there', () => {
    const o = check(kylin(41, 30_512_344, 96, 419_000));
    expect(o).toMatchObject({ status: 'fail', signals: ['disk-full'] });
    expect(o.summary).toContain('/var/log (/var/log/oms) is 96% full, 409 MB free');
  });

  it('a big root with 80 MB left at 94% → disk-full by free space', () => {
    expect(check(kylin(94, 80 * 1024)).signals).toEqual(['disk-full']);
  });

  it('91% → disk-low (warn)', () => {
    expect(check(kylin(91, 4_000_000))).toMatchObject({ status: 'warn', signals: ['disk-low'] });
  });

  it('inodes exhausted with free blocks → inodes-full', () => {
    expect(check(kylin(41, 30_512_344, 12, 9_001_212, 100)).signals).toEqual(['inodes-full']);
  });

  it('btrfs prints "-" for inodes: not a fault, rows stay aligned', () => {
    const btrfs = kylin().replace(/ {4}3% \//g, '     - /');
    expect(btrfs).toContain('     - /');
    expect(check(btrfs).signals).toEqual(['space-ok']);
  });

  it('a file system name with spaces (NFS export) is read', () => {
    const nfs = kylin().replace('/dev/mapper/klas-root   ', 'nas:/export/oms data');
    expect(check(nfs).signals).toEqual(['space-ok']);
  });
});

describe('disk-space hostile input', () => {
  it.each(TRANSPORT_FAILURES)('$name → $signal', ({ result, signal }) => {
    expect(run(diskSpace, [result], target)).toMatchObject({ status: 'error', signals: [signal] });
  });

  it.each(Object.entries(HOSTILE))('%s → error, never ok', (_n, text) => {
    expect(run(diskSpace, [res(text)], target).status).toBe('error');
  });

  it('huge output, injection in mount points and absurd numbers stay bounded', () => {
    const rows = huge(`/dev/x 100 99 1 99% 1% /$(reboot)\`id\``, 2 * 1024 * 1024);
    const o = run(diskSpace, [res(`${HEAD}\n${rows}`)], target);
    expect(o.signals).toEqual(['disk-full']);
    const big = run(diskSpace, [res(`${HEAD}\n/dev/x 1${'0'.repeat(400)} 1 1 1% 1% /\n`)], target);
    expect(big.status).toMatch(/ok|fail|warn/);
  });
});
