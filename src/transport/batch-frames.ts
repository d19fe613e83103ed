/**
 * The reading side of src/transport/batch-script.ts: splits a batch session's stdout and stderr, as they
 * arrive in chunks of any size, into each command's output and exit status. Pure (no I/O), byte-exact
 * (binary output passes unchanged), each command's output capped at its own `maxBytes` per stream.
 *
 * Robust against output that looks like a marker: a marker counts only with this batch's nonce, the expected
 * command number and the exact form, in order (command `i`'s end only while `i` runs, `i + 1`'s begin only
 * after it); anything else is output.
 */

/** Stream numbers: the session's stdout and stderr. */
export type BatchStream = 0 | 1;

interface Output {
  chunks: Buffer[];
  bytes: number;
  truncated: boolean;
}

interface StreamState {
  /** Bytes not yet attributed: at most a marker's length, or a marker whose line has not ended yet. */
  pending: Buffer;
  /** The command whose output is arriving, or null between commands. */
  inside: number | null;
  /** The command whose begin marker comes next. */
  next: number;
}

/** What one command of the batch gave, so far or in full. */
export interface FramedOutput {
  /** The exit status from its end marker; null while it has not finished. */
  code: number | null;
  stdout: Buffer;
  stderr: Buffer;
  truncated: boolean;
}

/** Bytes outside any command kept at most (the shell's own complaints, for the error message). */
const STRAY_MAX = 16 * 1024;
const NEWLINE = 0x0a;
/** The exit status in an end marker, as the shell prints `$?`. */
const EXIT_STATUS = /^\d{1,3}$/;

export class BatchFrames {
  private readonly nonce: Buffer;
  private readonly endNeedle: Buffer;
  /** Longest marker line we wait for before deciding it is output after all. */
  private readonly markerMax: number;
  private readonly nonceText: string;
  private readonly streams: [StreamState, StreamState];
  private readonly outputs: Array<[Output, Output]>;
  private readonly codes: Array<number | null>;
  private readonly endedOn: Array<[boolean, boolean]>;
  private readonly stray: Output = { chunks: [], bytes: 0, truncated: false };

  /**
   * @param maxBytes each command's output cap per stream, in order (their count is the batch's size)
   * @param events `begun` when a command's begin marker arrives on stdout; `finished` once its end marker
   *   has arrived on both streams
   */
  constructor(
    nonce: string,
    private readonly maxBytes: readonly number[],
    private readonly events: { begun?(index: number): void; finished?(index: number): void } = {},
  ) {
    this.nonce = Buffer.from(nonce, 'latin1');
    this.endNeedle = Buffer.from(`\n${nonce} E `, 'latin1');
    this.markerMax = nonce.length + 32;
    // Compared as text, not through a RegExp made per nonce: compiling one per session cost more than the rest.
    this.nonceText = nonce;
    const stream = (): StreamState => ({ pending: Buffer.alloc(0), inside: null, next: 0 });
    this.streams = [stream(), stream()];
    const output = (): Output => ({ chunks: [], bytes: 0, truncated: false });
    this.outputs = maxBytes.map(() => [output(), output()]);
    this.codes = maxBytes.map(() => null);
    this.endedOn = maxBytes.map(() => [false, false]);
  }

  /** Feed the next chunk of one stream. */
  push(stream: BatchStream, data: Buffer): void {
    const s = this.streams[stream];
    s.pending = s.pending.length === 0 ? data : Buffer.concat([s.pending, data]);
    this.scan(stream, s);
  }

  /** The session has ended: bytes held back in case they began a marker belong to whatever was running. */
  end(): void {
    for (const which of [0, 1] as const) {
      const s = this.streams[which];
      if (s.inside === null) this.take(s, s.pending.length, this.stray, STRAY_MAX);
      else this.take(s, s.pending.length, this.outputs[s.inside]![which], this.maxBytes[s.inside]!);
    }
  }

  /** True once command `index`'s end marker has arrived on both streams. */
  finished(index: number): boolean {
    const ended = this.endedOn[index];
    return ended !== undefined && ended[0] && ended[1];
  }

  /** True once command `index`'s begin marker has arrived on stdout (it has started on the server). */
  begun(index: number): boolean {
    const s = this.streams[0];
    return index < s.next || s.inside === index;
  }

  /** Command `index`'s output: all of it once finished, else what arrived so far. */
  output(index: number): FramedOutput {
    const [out, err] = this.outputs[index]!;
    return {
      code: this.finished(index) ? this.codes[index]! : null,
      stdout: Buffer.concat(out.chunks),
      stderr: Buffer.concat(err.chunks),
      truncated: out.truncated || err.truncated,
    };
  }

  /** Text that arrived outside every command (a shell that could not run the script says why here). */
  strayText(): string {
    return Buffer.concat(this.stray.chunks).toString('utf8');
  }

  private scan(which: BatchStream, s: StreamState): void {
    for (;;) {
      if (s.pending.length === 0) return;
      if (s.inside === null ? !this.scanBetween(which, s) : !this.scanInside(which, s)) return;
    }
  }

  /** Between commands only the next begin marker is expected. False: wait for more bytes. */
  private scanBetween(which: BatchStream, s: StreamState): boolean {
    const at = s.pending.indexOf(this.nonce);
    if (at === -1) {
      const keep = Math.min(s.pending.length, this.nonce.length - 1);
      this.take(s, s.pending.length - keep, this.stray, STRAY_MAX);
      return false;
    }
    this.take(s, at, this.stray, STRAY_MAX);
    // Looked for only as far as a marker can reach: output made of the nonce without newlines is read in linear
    // time, not searched to its end once per copy of the nonce.
    const nl = s.pending.subarray(0, this.markerMax + 1).indexOf(NEWLINE);
    if (nl === -1 && s.pending.length <= this.markerMax) return false;
    const line = nl === -1 ? '' : s.pending.subarray(0, nl).toString('latin1');
    if (s.next < this.maxBytes.length && line === `${this.nonceText} B ${s.next}`) {
      s.pending = s.pending.subarray(nl + 1);
      s.inside = s.next;
      if (which === 0) this.events.begun?.(s.inside);
      return true;
    }
    // The nonce without a well-formed begin marker for the command due next: not a marker.
    this.take(s, 1, this.stray, STRAY_MAX);
    return true;
  }

  /** Inside command `s.inside`: its output up to its own end marker. False: wait for more bytes. */
  private scanInside(which: BatchStream, s: StreamState): boolean {
    const index = s.inside!;
    const out = this.outputs[index]![which];
    const cap = this.maxBytes[index]!;
    const at = s.pending.indexOf(this.endNeedle);
    if (at === -1) {
      // A marker starting in the last needle-length-minus-one bytes could still be completed by the next chunk.
      this.take(s, Math.max(0, s.pending.length - (this.endNeedle.length - 1)), out, cap);
      return false;
    }
    this.take(s, at, out, cap);
    const nl = s.pending.indexOf(NEWLINE, 1);
    if (nl === -1 && s.pending.length <= this.markerMax + 1) return false;
    const line = nl === -1 ? '' : s.pending.subarray(1, nl).toString('latin1');
    const head = `${this.nonceText} E ${index} `;
    const status = line.startsWith(head) ? line.slice(head.length) : '';
    if (EXIT_STATUS.test(status)) {
      s.pending = s.pending.subarray(nl + 1);
      s.inside = null;
      s.next = index + 1;
      if (which === 0) this.codes[index] = Number(status);
      this.endedOn[index]![which] = true;
      if (this.finished(index)) this.events.finished?.(index);
      return true;
    }
    // Marker-like output (another command number, a malformed line): output, one byte at a time past it.
    this.take(s, 1, out, cap);
    return true;
  }

  /** Move the first `n` pending bytes into `to`, keeping at most `cap` bytes there. */
  private take(s: StreamState, n: number, to: Output, cap: number): void {
    if (n <= 0) return;
    const piece = s.pending.subarray(0, n);
    s.pending = s.pending.subarray(n);
    const room = cap - to.bytes;
    if (room <= 0) {
      to.truncated = true;
      return;
    }
    // A copy: `piece` may be a view into a chunk ssh2 reuses.
    const kept = Buffer.from(piece.length > room ? piece.subarray(0, room) : piece);
    if (piece.length > room) to.truncated = true;
    to.chunks.push(kept);
    to.bytes += kept.length;
  }
}
