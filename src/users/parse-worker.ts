/**
 * Worker-thread entry of the sheet check (src/users/sheet-worker.ts starts
 * it). Kept tiny and separate so a bundler can emit it as its own file:
 * it says "started" once its modules are loaded (the time budget counts
 * from there), checks the bytes it was given, posts the result and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkSheet } from './check-sheet.js';

const port = parentPort;
if (port) {
  const { bytes, fileName } = workerData as { bytes: Uint8Array; fileName: string };
  port.postMessage({ kind: 'started' });
  const result = checkSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
  port.postMessage({ kind: 'done', result });
}
