/** Validating a filled user sheet of 10,000 rows (.xlsx and .csv): read + check, target < 1 s. */
import { COLUMNS } from '../src/users/fields.js';
import { readUserSheet } from '../src/users/read-sheet.js';
import { validateUsers } from '../src/users/validate.js';
import { writeWorkbook } from '../src/users/xlsx-write.js';

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
