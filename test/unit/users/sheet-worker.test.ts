import { checkSheet } from '../../../src/users/check-sheet.js';
import { SheetWorkers } from '../../../src/users/sheet-worker.js';
import { manyRows, nestedRowsXlsx, unclosedRowsXlsx, VALID_ROWS, HEADER, xlsxOf } from './files.js';

/** A reader that never ends (test/helpers/busy-sheet-worker.ts), in place of src/users/parse-worker.ts. */
const BUSY = new URL('../../helpers/busy-sheet-worker.ts', import.meta.url);

function refusal(r: Awaited<ReturnType<SheetWorkers['check']>>) {
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
}

describe('SheetWorkers: the sheet is read and checked in a worker thread', () => {
  it('a valid file gives exactly what the check gives on the main thread', async () => {
    const buf = xlsxOf([HEADER, ...VALID_ROWS, ...manyRows(50).slice(1)]);
    expect(await new SheetWorkers().check(buf, 'ok.xlsx')).toEqual(checkSheet(buf, 'ok.xlsx'));
  });

  it.each([
    ['the 2.5 KB unclosed-rows sheet', unclosedRowsXlsx],
    ['the 23 KB nested-rows sheet', nestedRowsXlsx],
  ])('%s is refused by the worker with the reason', async (_what, make) => {
    const states: string[] = [];
    const workers = new SheetWorkers({ onState: (e) => states.push(`${e.state} ${e.fileName}`) });
    const p = refusal(await workers.check(make(), 'hostile.xlsx'));
    expect(p.message).toContain('row 1 is never closed: another <row> starts inside it');
    expect(p.hint).toContain('save it again as "Excel 工作簿 (*.xlsx)"');
    expect(states).toEqual(['started hostile.xlsx', 'ended hostile.xlsx']);
    expect(workers.busy).toBe(0);
  });

  it('a reader that never ends is terminated at the time budget, with a message', async () => {
    const workers = new SheetWorkers({ entry: BUSY, budgetMs: 300 });
    const p = refusal(await workers.check(Buffer.from('x'), 'slow.xlsx'));
    expect(p.code).toBe('too-complex');
    expect(p.message).toContain('reading the file was stopped: it took longer than 0.3 s');
    expect(p.hint).toContain('save it again');
    expect(workers.busy).toBe(0);
  });

  it('a reader that fills its heap is stopped at the memory limit, with a message', async () => {
    const workers = new SheetWorkers({ entry: BUSY, budgetMs: 60_000, maxMemoryMb: 32 });
    const p = refusal(await workers.check(Buffer.from('x'), 'hog.xlsx'));
    expect(p.code).toBe('too-complex');
    expect(p.message).toContain('it needed more than 32 MB of memory');
  });

  it('close() cancels a running check at once and refuses new ones', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const workers = new SheetWorkers({
      entry: BUSY,
      budgetMs: 60_000,
      onState: (e) => e.state === 'started' && started(),
    });
    const pending = workers.check(Buffer.from('x'), 'slow.xlsx');
    await running;
    expect(workers.busy).toBe(1);
    workers.close();
    expect(refusal(await pending).code).toBe('cancelled');
    expect(refusal(await workers.check(Buffer.from('x'), 'late.xlsx')).message).toContain('shutting down');
    expect(workers.busy).toBe(0);
  });

  it('at most maxConcurrent checks run at once; the others wait, and are cancelled with them on close()', async () => {
    const states: string[] = [];
    let started!: () => void;
    const first = new Promise<void>((r) => (started = r));
    const workers = new SheetWorkers({
      entry: BUSY,
      budgetMs: 60_000,
      maxConcurrent: 1,
      onState: (e) => {
        states.push(`${e.state} ${e.fileName}`);
        started();
      },
    });
    const a = workers.check(Buffer.from('x'), 'a.xlsx');
    const b = workers.check(Buffer.from('x'), 'b.xlsx');
    await first;
    expect(workers.busy).toBe(1);
    workers.close();
    expect(refusal(await a).code).toBe('cancelled');
    expect(refusal(await b).code).toBe('cancelled');
    expect(states).toEqual(['started a.xlsx', 'ended a.xlsx']);
  });
});
