import { describe, expect, it, jest } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { ClientChannel } from 'ssh2';
import { runBatchChannel, type BatchItem } from '../../../../src/transport/ssh/batch.js';
import type { Connection } from '../../../../src/transport/ssh/connection.js';
import type { ExecResult } from '../../../../src/transport/transport.js';

const NONCE = 'feedfacefeedfacefeedface';
const where = { host: '127.0.0.1', port: 22, user: 'omsbot', targetName: 't' };

/** A channel the test writes into: stdout and stderr as the server would send them, then close. */
function fakeChannel() {
  const channel = new EventEmitter() as EventEmitter & { stderr: EventEmitter; close: () => void; closed: boolean };
  channel.stderr = new EventEmitter();
  channel.closed = false;
  channel.close = () => {
    channel.closed = true;
  };
  return channel;
}

function start(count: number, timeoutMs = 1000) {
  const channel = fakeChannel();
  const conn = { dead: false } as Connection;
  const settled: Array<ExecResult | Error | undefined> = Array.from({ length: count }, () => undefined);
  const items: BatchItem[] = settled.map((_, i) => ({
    timeoutMs,
    maxBytes: 1024,
    settle: (r) => (settled[i] = r),
  }));
  const release = jest.fn();
  runBatchChannel(conn, channel as unknown as ClientChannel, { nonce: NONCE, items, where }, release);
  const out = (text: string) => channel.emit('data', Buffer.from(text));
  const err = (text: string) => channel.stderr.emit('data', Buffer.from(text));
  const both = (text: string) => (out(text), err(text));
  return { channel, conn, settled, release, out, err, both };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('runBatchChannel', () => {
  it('settles each command as soon as its end markers arrive, with its own exit status', async () => {
    const b = start(2);
    b.both(`${NONCE} B 0\n`);
    b.out('first\n');
    b.both(`\n${NONCE} E 0 3\n${NONCE} B 1\n`);
    expect(b.settled[0]).toMatchObject({ code: 3, stdout: 'first\n', stderr: '', timedOut: false });
    expect(b.settled[1]).toBeUndefined();
    b.err('warning');
    b.both(`\n${NONCE} E 1 124\n`);
    expect(b.settled[1]).toMatchObject({ code: 124, stderr: 'warning', timedOut: true });
    b.channel.emit('close');
    await flush();
    expect(b.release).toHaveBeenCalledTimes(1);
  });

  it('a dropped connection fails the unfinished commands as one command would; finished ones keep results', async () => {
    const b = start(2);
    b.both(`${NONCE} B 0\n`);
    b.both(`\n${NONCE} E 0 0\n${NONCE} B 1\n`);
    b.out('half');
    b.conn.dead = true;
    b.channel.emit('close');
    await flush();
    expect(b.settled[0]).toMatchObject({ code: 0 });
    expect(b.settled[1]).toBeInstanceOf(Error);
    expect((b.settled[1] as Error & { code: string }).code).toBe('disconnected');
  });

  it('a session that ends early says so, with what the shell printed outside every command', async () => {
    const b = start(1);
    b.err('sh: 1: Syntax error: end of file unexpected\n');
    b.channel.emit('close');
    await flush();
    const r = b.settled[0] as ExecResult;
    expect(r).toMatchObject({ code: null, timedOut: false });
    expect(r.stderr).toContain('Syntax error');
    expect(r.stderr).toContain('the session ended before this command finished');
  });

  it('a shell killed by a signal: the running command carries it, the ones that never began do not', async () => {
    const b = start(3);
    b.both(`${NONCE} B 0\n`);
    b.both(`\n${NONCE} E 0 0\n${NONCE} B 1\n`);
    b.out('dying\n');
    b.channel.emit('exit', null, 'KILL');
    b.channel.emit('close');
    await flush();
    expect(b.settled[0]).toMatchObject({ code: 0, signal: null });
    expect(b.settled[1]).toMatchObject({ code: null, signal: 'KILL', stdout: 'dying\n', timedOut: false });
    expect(b.settled[2]).toMatchObject({ code: null, signal: null, stdout: '', timedOut: false });
    expect((b.settled[2] as ExecResult).stderr).toContain('the session ended before this command finished');
  });

  it('past the running command deadline (plus grace) the session is closed and the rest time out', async () => {
    jest.useFakeTimers();
    try {
      const b = start(3, 1000);
      b.both(`${NONCE} B 0\n`);
      b.both(`\n${NONCE} E 0 0\n${NONCE} B 1\n`);
      b.out('partial');
      // The deadline counts from the end of the command before: 1 s + 2 s kill grace + 1 s network.
      jest.advanceTimersByTime(3999);
      expect(b.settled[1]).toBeUndefined();
      jest.advanceTimersByTime(1);
      expect(b.channel.closed).toBe(true);
      expect(b.settled[0]).toMatchObject({ code: 0, timedOut: false });
      expect(b.settled[1]).toMatchObject({ code: null, timedOut: true, stdout: 'partial' });
      expect(b.settled[2]).toMatchObject({ code: null, timedOut: true, stdout: '' });
      // The one that never started says why: its time went to the command before it, not to itself.
      expect((b.settled[2] as ExecResult).stderr).toMatch(/did not start.*command before it/);
      expect((b.settled[1] as ExecResult).stderr).toBe('');
      // A server that never answers the close does not hold the slot for ever.
      jest.advanceTimersByTime(5000);
      expect(b.release).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('every command finished but the session stays open (a process left holding its output): closed after 3 s', () => {
    jest.useFakeTimers();
    try {
      const b = start(2, 1000);
      b.both(`${NONCE} B 0\n`);
      b.both(`\n${NONCE} E 0 0\n${NONCE} B 1\n`);
      b.both(`\n${NONCE} E 1 0\n`);
      expect(b.settled.map((r) => (r as ExecResult).code)).toEqual([0, 0]);
      // As long as a command alone waits past its exit for the rest of its output: the kill grace and 1 s.
      jest.advanceTimersByTime(2999);
      expect(b.channel.closed).toBe(false);
      jest.advanceTimersByTime(1);
      expect(b.channel.closed).toBe(true);
      // The slot is free once the server answers the close, or after the fallback if it never does.
      jest.advanceTimersByTime(5000);
      expect(b.release).toHaveBeenCalledTimes(1);
      expect(b.settled.map((r) => (r as ExecResult).code)).toEqual([0, 0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a session that closes on its own after the last command is not closed from here', async () => {
    jest.useFakeTimers();
    try {
      const b = start(1, 1000);
      b.both(`${NONCE} B 0\n`);
      b.both(`\n${NONCE} E 0 0\n`);
      b.channel.emit('close');
      jest.advanceTimersByTime(60_000);
      expect(b.channel.closed).toBe(false);
      expect(b.release).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
