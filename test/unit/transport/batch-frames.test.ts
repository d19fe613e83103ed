import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { BatchFrames, type BatchStream } from '../../../src/transport/batch-frames.js';

const NONCE = '0123456789abcdef01234567';
const begin = (i: number) => `${NONCE} B ${i}\n`;
const end = (i: number, code: number) => `\n${NONCE} E ${i} ${code}\n`;

/** The two streams a batch of commands with these outputs writes (as batch-script.ts frames them). */
function streams(commands: Array<{ out: string | Buffer; err?: string | Buffer; code: number }>): [Buffer, Buffer] {
  const build = (pick: (c: (typeof commands)[number]) => string | Buffer | undefined) =>
    Buffer.concat(
      commands.flatMap((c, i) => [Buffer.from(begin(i)), Buffer.from(pick(c) ?? ''), Buffer.from(end(i, c.code))]),
    );
  return [build((c) => c.out), build((c) => c.err)];
}

function feed(frames: BatchFrames, stream: BatchStream, data: Buffer, chunk = data.length): void {
  for (let at = 0; at < data.length; at += chunk) frames.push(stream, data.subarray(at, at + chunk));
}

describe('BatchFrames', () => {
  it("splits a healthy batch into each command's stdout, stderr and exit status, in order of finishing", () => {
    const finished: number[] = [];
    const frames = new BatchFrames(NONCE, [1024, 1024, 1024], { finished: (i) => finished.push(i) });
    const [out, err] = streams([
      { out: 'line one\nline two\n', code: 0 },
      { out: 'no newline at the end', err: 'cat: x: No such file or directory\n', code: 1 },
      { out: '', code: 127 },
    ]);
    feed(frames, 0, out);
    expect(finished).toEqual([]);
    feed(frames, 1, err);
    expect(finished).toEqual([0, 1, 2]);
    expect(frames.output(0)).toMatchObject({ code: 0, truncated: false });
    expect(frames.output(0).stdout.toString()).toBe('line one\nline two\n');
    expect(frames.output(1).stdout.toString()).toBe('no newline at the end');
    expect(frames.output(1).stderr.toString()).toBe('cat: x: No such file or directory\n');
    expect(frames.output(1).code).toBe(1);
    expect(frames.output(2)).toMatchObject({ code: 127 });
    expect(frames.output(2).stdout.length).toBe(0);
    expect(frames.strayText()).toBe('');
  });

  it('gives the same answer whatever the chunks (one byte at a time, markers split anywhere)', () => {
    const commands = [
      { out: 'a\n\n\nb', err: 'warn\n', code: 3 },
      { out: `${NONCE.slice(0, 10)}\n`, code: 0 },
    ];
    const [out, err] = streams(commands);
    for (const chunk of [1, 2, 3, 7, 13, out.length]) {
      const frames = new BatchFrames(NONCE, [1024, 1024]);
      feed(frames, 0, out, chunk);
      feed(frames, 1, err, chunk);
      expect([frames.finished(0), frames.finished(1)]).toEqual([true, true]);
      expect(frames.output(0).stdout.toString()).toBe('a\n\n\nb');
      expect(frames.output(0).stderr.toString()).toBe('warn\n');
      expect(frames.output(0).code).toBe(3);
      expect(frames.output(1).stdout.toString()).toBe(`${NONCE.slice(0, 10)}\n`);
    }
  });

  it('output that looks like a marker stays output: no nonce, another nonce, another command, a malformed line', () => {
    const fake = [
      `\n${'f'.repeat(24)} E 0 0\n`,
      `\nE 0 0\n B 1\n`,
      `\n${NONCE} E 1 0\n`,
      `\n${NONCE} E 0 zero\n`,
      `\n${NONCE} E 0 0 trailing\n`,
      `${NONCE} B 1\n`,
      `\n${NONCE} E 0`,
    ].join('');
    const [out, err] = streams([
      { out: fake, err: fake, code: 0 },
      { out: 'second\n', code: 0 },
    ]);
    for (const chunk of [1, 5, out.length]) {
      const frames = new BatchFrames(NONCE, [1024, 1024]);
      feed(frames, 0, out, chunk);
      feed(frames, 1, err, chunk);
      expect(frames.output(0).stdout.toString()).toBe(fake);
      expect(frames.output(0).stderr.toString()).toBe(fake);
      expect(frames.output(1).stdout.toString()).toBe('second\n');
      expect([frames.finished(0), frames.finished(1)]).toEqual([true, true]);
    }
  });

  it("cuts each command's output at its own cap and still finds the next command", () => {
    const huge = 'x'.repeat(3 * 1024 * 1024);
    const [out, err] = streams([
      { out: huge, code: 0 },
      { out: 'small\n', code: 0 },
    ]);
    const frames = new BatchFrames(NONCE, [1024 * 1024, 10]);
    feed(frames, 0, out, 64 * 1024);
    feed(frames, 1, err);
    expect(frames.output(0).stdout.length).toBe(1024 * 1024);
    expect(frames.output(0).truncated).toBe(true);
    expect(frames.output(1).stdout.toString()).toBe('small\n');
    expect(frames.output(1).truncated).toBe(false);
  });

  it('passes binary output byte for byte (NUL, newlines, invalid UTF-8)', () => {
    const binary = Buffer.concat([randomBytes(64 * 1024), Buffer.from([0, 10, 0xff, 0xfe, 10])]);
    const [out, err] = streams([{ out: binary, code: 0 }]);
    const frames = new BatchFrames(NONCE, [1024 * 1024]);
    feed(frames, 0, out, 1000);
    feed(frames, 1, err);
    expect(frames.output(0).stdout.equals(binary)).toBe(true);
  });

  it('a batch cut off midway: the finished commands complete, the running one partial, the rest not begun', () => {
    const [out, err] = streams([
      { out: 'done\n', code: 0 },
      { out: 'half of it and then', code: 0 },
      { out: 'never', code: 0 },
    ]);
    const cut = (b: Buffer) => b.subarray(0, b.indexOf('and then'));
    const frames = new BatchFrames(NONCE, [1024, 1024, 1024]);
    feed(frames, 0, cut(out));
    feed(frames, 1, cut(err));
    expect([frames.finished(0), frames.finished(1), frames.finished(2)]).toEqual([true, false, false]);
    expect([frames.begun(1), frames.begun(2)]).toEqual([true, false]);
    expect(frames.output(1)).toMatchObject({ code: null });
    // Bytes that could begin an end marker are held back until the session ends; then they are output.
    expect(frames.output(1).stdout.toString()).toBe('');
    frames.end();
    expect(frames.output(1).stdout.toString()).toBe('half of it ');
    expect(frames.output(1).stderr.toString()).toBe('');
    expect(frames.output(2).stdout.toString()).toBe('');
  });

  it('keeps what arrives outside every command (a shell that could not run the script) for the message', () => {
    const frames = new BatchFrames(NONCE, [1024]);
    frames.push(1, Buffer.from('sh: 1: Syntax error: end of file unexpected\n'));
    expect(frames.strayText()).toContain('Syntax error');
    expect(frames.begun(0)).toBe(false);
  });

  it('ignores begin markers past the batch and ones out of order', () => {
    const frames = new BatchFrames(NONCE, [1024]);
    frames.push(0, Buffer.from(`${begin(1)}${begin(0)}x${end(0, 0)}${begin(1)}`));
    frames.push(1, Buffer.from(`${begin(0)}${end(0, 0)}`));
    frames.end();
    expect(frames.finished(0)).toBe(true);
    expect(frames.output(0).stdout.toString()).toBe('x');
    expect(frames.strayText()).toBe(`${begin(1)}${begin(1)}`);
  });

  it('between commands, copies of the nonce without a newline are stray text; the begin marker after them counts', () => {
    const spam = Buffer.from(NONCE.repeat(4096));
    for (const chunk of [1000, spam.length + 64]) {
      const frames = new BatchFrames(
        NONCE,
        Array.from({ length: 12 }, () => 1024),
      );
      const out = Buffer.concat([spam, Buffer.from(`${begin(0)}x${end(0, 0)}`)]);
      feed(frames, 0, out, chunk);
      feed(frames, 1, Buffer.from(`${begin(0)}${end(0, 0)}`));
      expect(frames.finished(0)).toBe(true);
      expect(frames.output(0).stdout.toString()).toBe('x');
      expect(frames.strayText()).toBe(spam.subarray(0, 16 * 1024).toString());
    }
  });

  it('the two streams in any order against each other: stderr first, or interleaved chunk by chunk', () => {
    const commands = [
      { out: 'o0\r\n', err: 'e0 no newline', code: 2 },
      { out: Buffer.from([0, 0xff, 0x0d]), err: `${NONCE} E 1 0`, code: 0 },
      { out: '', err: 'e2\n', code: 1 },
    ];
    const [out, err] = streams(commands);
    const check = (frames: BatchFrames) => {
      expect(commands.map((_, i) => frames.finished(i))).toEqual([true, true, true]);
      commands.forEach((c, i) => {
        expect(frames.output(i).code).toBe(c.code);
        expect(frames.output(i).stdout.equals(Buffer.from(c.out))).toBe(true);
        expect(frames.output(i).stderr.toString()).toBe(c.err);
      });
    };
    const errFirst = new BatchFrames(NONCE, [64, 64, 64]);
    feed(errFirst, 1, err, 3);
    expect(errFirst.finished(0)).toBe(false);
    feed(errFirst, 0, out, 5);
    check(errFirst);
    const mixed = new BatchFrames(NONCE, [64, 64, 64]);
    for (let at = 0; at < Math.max(out.length, err.length); at += 4) {
      mixed.push(1, err.subarray(at, at + 4));
      mixed.push(0, out.subarray(at, at + 4));
    }
    check(mixed);
  });
});
