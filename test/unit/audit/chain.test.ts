/** The audit hash chain: each record links to the line before it; `audit verify` names the first broken line. */
import { copyFileSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../../src/audit/audit-log.js';
import { ChainChecker, formatVerify, GENESIS, lineHash } from '../../../src/audit/chain.js';

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'oms-audit-chain-'));
  const file = join(dir, 'audit.jsonl');
  return { dir, file, log: new AuditLog({ file }) };
}

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

async function fill(log: AuditLog, n: number, from = 0) {
  for (let i = from; i < from + n; i++) await log.append({ event: 'check', check: `c${i}`, user: 'U0ME' });
}

it('each record carries the sha256 of the line before it; the first links to the genesis hash', async () => {
  const { file, log } = fresh();
  await fill(log, 3);
  const l = lines(file);
  expect(JSON.parse(l[0]!).prev).toBe(GENESIS);
  expect(JSON.parse(l[1]!).prev).toBe(lineHash(l[0]!));
  expect(JSON.parse(l[2]!).prev).toBe(lineHash(l[1]!));
  expect(await log.verify()).toMatchObject({ ok: true, lines: 3, chained: 3 });
});

it.each([
  ['an edited line', (l: string[]) => (l[2] = l[2]!.replace('"c2"', '"c9"')), 4],
  ['a removed line', (l: string[]) => l.splice(2, 1), 3],
  ['an inserted line', (l: string[]) => l.splice(2, 0, JSON.stringify({ ts: 'x', event: 'check', prev: GENESIS })), 3],
  ['a line without prev', (l: string[]) => (l[3] = JSON.stringify({ ts: 'x', event: 'check' })), 4],
  ['half a line (a full disk)', (l: string[]) => (l[1] = l[1]!.slice(0, 30)), 2],
  ['the first lines removed', (l: string[]) => l.splice(0, 2), 1],
])('verify names the first broken line: %s', async (_, tamper, brokenAt) => {
  const { file, log } = fresh();
  await fill(log, 6);
  const l = lines(file);
  tamper(l);
  writeFileSync(file, `${l.join('\n')}\n`);
  const v = await log.verify();
  expect(v).toMatchObject({ ok: false, line: brokenAt });
  expect(formatVerify(v)).toMatch(new RegExp(`broken at line ${brokenAt}`));
});

it('the chain survives copytruncate: a rotation record links the new file to the last record of the old one', async () => {
  const { file, log } = fresh();
  await fill(log, 4);
  const lastOld = lines(file).at(-1)!;
  // What logrotate's copytruncate does: copy, then truncate in place while the bot keeps the file open.
  copyFileSync(file, `${file}.1`);
  truncateSync(file, 0);
  await fill(log, 2, 4);
  const l = lines(file);
  expect(l).toHaveLength(3);
  expect(JSON.parse(l[0]!)).toMatchObject({ event: 'audit.rotated', prev: lineHash(lastOld) });
  expect(JSON.parse(l[1]!).prev).toBe(lineHash(l[0]!));
  const v = await log.verify();
  expect(v).toMatchObject({ ok: true, chained: 3, rotatedFrom: { hash: lineHash(lastOld), checked: true } });
  expect(formatVerify(v)).toMatch(/continues the rotated file/);
  // A restarted bot (a new AuditLog) continues the chain from the side file, without a second rotation record.
  await fill(new AuditLog({ file }), 1, 9);
  expect(await new AuditLog({ file }).verify()).toMatchObject({ ok: true, chained: 4 });
  // The old file was altered after rotation: the link no longer matches.
  writeFileSync(`${file}.1`, `${lines(`${file}.1`).slice(0, -1).join('\n')}\n`);
  expect(await log.verify()).toMatchObject({ ok: false, line: 1 });
});

it('two writers on one file (the bot and a one-shot CLI) keep one chain', async () => {
  const { file, log } = fresh();
  const other = new AuditLog({ file });
  await Promise.all([fill(log, 20), fill(other, 20, 100)]);
  expect(await log.verify()).toMatchObject({ ok: true, chained: 40 });
});

it('lines written before the chain existed are accepted at the top only', () => {
  const c = new ChainChecker();
  const old = JSON.stringify({ ts: 't', event: 'check' });
  c.push(old);
  const first = JSON.stringify({ ts: 't', event: 'check', prev: GENESIS });
  c.push(first);
  c.push(JSON.stringify({ ts: 't', event: 'check', prev: lineHash(first) }));
  expect(c.end()).toMatchObject({ ok: false, line: 2 });
  const d = new ChainChecker();
  d.push(old);
  const linked = JSON.stringify({ ts: 't', event: 'check', prev: lineHash(old) });
  d.push(linked);
  d.push(JSON.stringify({ ts: 't', event: 'check', prev: lineHash(linked) }));
  expect(d.end()).toMatchObject({ ok: true, legacy: 1, chained: 2 });
});
