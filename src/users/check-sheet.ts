import type { Read } from './problem.js';
import { readUserSheet } from './read-sheet.js';
import type { Sheet } from './sheet.js';
import { validateUsers, type Validation } from './validate.js';

/** A user sheet read and checked: what the front ends show. Plain data, so it crosses a worker boundary as is. */
export interface CheckedSheet {
  format: Sheet['format'];
  encoding?: string;
  validation: Validation;
}

/**
 * Read and check a user sheet: all the work that depends on what the file
 * holds. Pure and synchronous; the front ends run it in a worker
 * (src/users/sheet-worker.ts) so a hostile file cannot hold the bot.
 */
export function checkSheet(bytes: Buffer, fileName: string): Read<CheckedSheet> {
  const sheet = readUserSheet(bytes, fileName);
  if (!sheet.ok) return sheet;
  return {
    ok: true,
    value: {
      format: sheet.value.format,
      ...(sheet.value.encoding ? { encoding: sheet.value.encoding } : {}),
      validation: validateUsers(sheet.value),
    },
  };
}
