/**
 * A stand-in for a sheet reader that never finishes (the quadratic scan of
 * issue 17 on a big enough file): says "started" like src/users/parse-worker.ts,
 * then keeps its thread busy until it is terminated. With `workerData.hog`, it
 * allocates instead, until the heap limit stops it.
 */
import { parentPort, workerData } from 'node:worker_threads';

parentPort?.postMessage({ kind: 'started' });
if ((workerData as { fileName?: string }).fileName === 'hog.xlsx') {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 10_000 }, (_, i) => `row ${i} ${kept.length}`));
} else {
  let n = 0;
  for (;;) n = (n + 1) % 1_000_003;
}
