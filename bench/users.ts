/** Validating a filled user sheet of 10,000 rows (.xlsx and .csv): read + check, target < 1 s. */
import { execFileSync } from 'node:child_process';
import { COLUMNS } from '../src/users/fields.js';
import { readUserSheet } from '../src/users/read-sheet.js';
import { SheetWorkers } from '../src/users/sheet-worker.js';
import { validateUsers } from '../src/users/validate.js';
import { writeWorkbook } from '../src/users/xlsx-write.js';
import { nestedRowsXlsx, unclosedRowsXlsx } from '../test/unit/users/files.js';

export async function runUsersBench(): Promise<void> {
  const rows = [COLUMNS.map((c) => c.header)];
  for (let i = 0; i < 10_000; i++)
    rows.push([
      i % 500 === 0 ? ` user${i} ` : `user${i}`,
      `Passw0rd-${i}`,
      `用户${i}`,
      '员工',
      `u${i}@example.com`,
      `139${String(i).padStart(8, '0')}`,
      '运维部',
    ]);
  const files: Array<[string, Buffer]> = [
    ['users.xlsx', writeWorkbook([{ name: '用户', rows }])],
    ['users.csv', Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8')],
  ];
  for (const [name, buf] of files) {
    const times: number[] = [];
    let checked = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const sheet = readUserSheet(buf, name);
      if (!sheet.ok) throw new Error(sheet.problem.message);
      checked = validateUsers(sheet.value).rows;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `validate ${checked} rows, ${name} (${(buf.length / 1024).toFixed(0)} KB): median ${times[2]!.toFixed(0)} ms, max ${times[4]!.toFixed(0)} ms (target < 1000 ms)`,
    );
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Issue 17, failure 1: time to refuse the hostile sheets (the old scan blocked the bot for 47 s on the first),
 * on the main thread and through the worker (start-up included), beside a valid 10,000-row sheet in the worker.
 */
export async function runHostileSheetBench(): Promise<void> {
  const t0 = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  console.log(`(node -e 0 on this machine: ${(performance.now() - t0).toFixed(0)} ms)`);
  const rows = [COLUMNS.map((c) => c.header)];
  for (let i = 0; i < 10_000; i++)
    rows.push([
      `user${i}`,
      `Passw0rd-${i}`,
      `用户${i}`,
      '员工',
      `u${i}@example.com`,
      `139${String(i).padStart(8, '0')}`,
      '',
    ]);
  const files: Array<[string, Buffer]> = [
    ['unclosed rows', unclosedRowsXlsx()],
    ['nested rows', nestedRowsXlsx()],
    ['valid, 10,000 rows', writeWorkbook([{ name: '用户', rows }])],
  ];
  const workers = new SheetWorkers({ budgetMs: 30_000 });
  for (const [what, buf] of files) {
    const inline: number[] = [];
    const worker: number[] = [];
    let outcome = '';
    for (let run = 0; run < 5; run++) {
      let t = performance.now();
      const r = readUserSheet(buf, 'bench.xlsx');
      inline.push(performance.now() - t);
      outcome = r.ok ? `${r.value.rows.length} rows read` : `refused (${r.problem.code})`;
      t = performance.now();
      await workers.check(buf, 'bench.xlsx');
      worker.push(performance.now() - t);
    }
    console.log(
      `${what} (${(buf.length / 1024).toFixed(1)} KB): ${outcome}; main thread median ${median(inline).toFixed(1)} ms, ` +
        `in a worker (start-up, read, check) median ${median(worker).toFixed(0)} ms`,
    );
  }
}
