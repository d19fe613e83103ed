import { open, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { renderJson } from '../render/text.js';
import { redactDeep } from '../redact.js';
import { fileTooLarge, LIMITS } from './fields.js';
import type { UsersCommand } from './parse-args.js';
import { formatProblem, formatValidation } from './report.js';
import { SheetWorkers } from './sheet-worker.js';
import { buildTemplate, TEMPLATE_FILE_NAME, templateAnswer } from './template.js';
import { writeWorkbook } from './xlsx-write.js';

export interface UsersIo {
  out(text: string): void;
  /** The target's public URL (where /admin/ is). */
  publicUrl: string;
  json: boolean;
  /** Working directory for relative paths (default process.cwd()). */
  cwd?: string;
  /** Where sheets are read and checked (default: a worker per file with the default budget). */
  sheets?: SheetWorkers;
}

/** Exit codes as the runner uses them: 0 fine, 1 rows in error, 2 refused. */
const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** `users template|validate` on this machine (CLI and console). */
export async function runUsersCommand(cmd: UsersCommand, io: UsersIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  if (cmd.action === 'template') {
    const path = resolve(cwd, cmd.output ?? TEMPLATE_FILE_NAME);
    const written = await writeNew(path, buildTemplate(io.publicUrl));
    if (!written.ok) return refuseWrite(io, path, written.error);
    io.out(io.json ? renderJson({ file: path, publicUrl: io.publicUrl }) : templateAnswer(io.publicUrl, path));
    return EXIT.ok;
  }
  const path = resolve(cwd, cmd.file);
  const name = basename(path);
  const bytes = await readBounded(path);
  if (!bytes.ok) {
    io.out(`${name}: ${bytes.error}\n下一步 / Next: ${bytes.hint}`);
    return EXIT.usage;
  }
  // Off the main thread with a time and memory budget: a hostile sheet ends with a refusal, not a hang.
  const sheet = await (io.sheets ?? new SheetWorkers()).check(bytes.data, name);
  if (!sheet.ok) {
    io.out(io.json ? renderJson({ file: name, refused: sheet.problem }) : formatProblem(name, sheet.problem));
    return EXIT.usage;
  }
  const v = sheet.value.validation;
  let correctedPath: string | undefined;
  if (v.corrected && v.rows > 0 && (cmd.output || v.fixes > 0)) {
    correctedPath = resolve(cwd, cmd.output ?? join(dirname(path), `${basename(path, extname(path))}.corrected.xlsx`));
    if (correctedPath === path) return refuseWrite(io, correctedPath, 'that is the file being checked');
    const written = await writeNew(
      correctedPath,
      writeWorkbook([
        {
          name: '用户',
          rows: v.corrected,
          header: { required: [true, true, true, true, false, false, false] },
          textFormat: true,
        },
      ]),
    );
    if (!written.ok) return refuseWrite(io, correctedPath, written.error);
  }
  if (io.json) {
    const { corrected: _rows, ...rest } = v;
    io.out(
      renderJson(
        redactDeep({
          file: name,
          format: sheet.value.format,
          ...(sheet.value.encoding ? { encoding: sheet.value.encoding } : {}),
          ...rest,
          correctedFile: correctedPath ?? null,
        }),
      ),
    );
  } else io.out(formatValidation(v, { fileName: name, ...(correctedPath ? { corrected: correctedPath } : {}) }));
  return v.errorRows > 0 || v.issues.some((i) => i.kind === 'error') ? EXIT.problem : EXIT.ok;
}

function refuseWrite(io: UsersIo, path: string, why: string): number {
  io.out(`没有写入 / nothing was written to ${path}: ${why}\n下一步 / Next: pick another name with -o FILE.xlsx`);
  return EXIT.usage;
}

/** Create a file that does not exist yet (never overwrites a filled sheet). */
async function writeNew(path: string, data: Buffer): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await writeFile(path, data, { flag: 'wx' });
    return { ok: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error:
        code === 'EEXIST'
          ? 'the file already exists (it is never overwritten)'
          : code === 'ENOENT'
            ? 'its folder does not exist'
            : code === 'EACCES'
              ? 'permission denied'
              : (e as Error).message,
    };
  }
}

/** Read a regular file of at most the size limit, checked before reading (a FIFO or /dev/zero is refused). */
async function readBounded(
  path: string,
): Promise<{ ok: true; data: Buffer } | { ok: false; error: string; hint: string }> {
  try {
    const s = await stat(path);
    if (!s.isFile()) return { ok: false, error: 'not a regular file', hint: 'give the path of the .xlsx or .csv file' };
    if (s.size > LIMITS.maxFileBytes) return fileTooLarge(s.size, 'nothing was read');
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(LIMITS.maxFileBytes + 1);
      let n = 0;
      for (;;) {
        const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
        if (n > LIMITS.maxFileBytes)
          return {
            ok: false,
            error: 'the file grew past the size limit while being read',
            hint: 'send it again when it is complete',
          };
      }
      return { ok: true, data: buf.subarray(0, n) };
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return {
        ok: false,
        error: '找不到文件 / file not found',
        hint: 'check the path (relative paths are from the current directory)',
      };
    if (code === 'EACCES')
      return { ok: false, error: 'permission denied', hint: 'make the file readable for this user' };
    return { ok: false, error: (e as Error).message, hint: 'give the path of the .xlsx or .csv file' };
  }
}
