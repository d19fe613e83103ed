import { describe, expect, it } from '@jest/globals';
import { gunzipSync } from 'node:zlib';
import { tar, tarGz } from '../../../src/support-bundle/tar.js';

describe('tar', () => {
  it('writes ustar headers with a valid checksum, padded data and the end blocks', () => {
    const t = tar([{ name: 'a.txt', data: Buffer.from('hello') }], Date.UTC(2026, 10, 30));
    expect(t.length).toBe(512 + 512 + 1024);
    expect(t.subarray(0, 5).toString()).toBe('a.txt');
    expect(t.subarray(257, 263).toString()).toBe('ustar\0');
    expect(parseInt(t.subarray(124, 135).toString(), 8)).toBe(5);
    const stored = parseInt(t.subarray(148, 154).toString(), 8);
    const h = Buffer.from(t.subarray(0, 512));
    h.fill(' ', 148, 156);
    expect(h.reduce((n, b) => n + b, 0)).toBe(stored);
    expect(t.subarray(512, 517).toString()).toBe('hello');
    expect(gunzipSync(tarGz([{ name: 'a.txt', data: Buffer.from('hello') }], 0)).length).toBe(2048);
  });
  it('refuses names it cannot write safely', () => {
    expect(() => tar([{ name: '../etc/passwd\n', data: Buffer.alloc(0) }], 0)).toThrow('unsupported entry name');
    expect(() => tar([{ name: 'x'.repeat(100), data: Buffer.alloc(0) }], 0)).toThrow();
  });
});
