import { describe, expect, it } from '@jest/globals';
import { parseBool, parseEnvFile, splitList } from '../../../src/checks/env-file.js';
import { loadCapture } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, UNICODE } from './web-hostile.js';

const value = (text: string, key: string) => parseEnvFile(text).entries.get(key)?.value;

describe('parseEnvFile', () => {
  it('reads the captured backend .env', () => {
    const env = parseEnvFile(loadCapture('healthy', 'backend-env.txt').stdout);
    expect(env.entries.get('ALLOWED_HOSTS')).toEqual({
      key: 'ALLOWED_HOSTS',
      value: '172.29.91.61,localhost,127.0.0.1',
      line: 4,
    });
    expect(env.entries.get('SECRET_KEY')?.value).toBe(
      'django-insecure-h6inws=y*4^9))7!nr*2l+ek-+p29%1k@@#mpnj8q5nj@r8!q&',
    );
    expect(env.entries.get('DEBUG')?.value).toBe('False');
    expect(env.skipped).toBe(0);
  });

  it('handles export, spaces, quotes, inline comments, CRLF and a BOM', () => {
    const text =
      '\uFEFFexport A=1\r\nB = two words # comment\r\nC="quoted # not a comment"\r\nD=\'single\'\r\nE="esc \\"q\\" \\n"\r\n# F=no\r\nG=a#b\r\n';
    const env = parseEnvFile(text);
    expect(env.entries.get('A')?.value).toBe('1');
    expect(env.entries.get('B')?.value).toBe('two words');
    expect(env.entries.get('C')?.value).toBe('quoted # not a comment');
    expect(env.entries.get('D')?.value).toBe('single');
    expect(env.entries.get('E')?.value).toBe('esc "q" \n');
    expect(env.entries.has('F')).toBe(false);
    expect(env.entries.get('G')?.value).toBe('a#b');
  });

  it('reads multi-line double-quoted values without taking their lines as keys', () => {
    const env = parseEnvFile('KEY="-----BEGIN\nFAKE=inside\n-----END"\nNEXT=1');
    expect(env.entries.get('KEY')?.value).toBe('-----BEGIN\nFAKE=inside\n-----END');
    expect(env.entries.has('FAKE')).toBe(false);
    expect(env.entries.get('NEXT')).toEqual({ key: 'NEXT', value: '1', line: 4 });
  });

  it('lets the last assignment win and counts lines it cannot read', () => {
    const env = parseEnvFile('A=1\nnot an assignment\nA=2');
    expect(env.entries.get('A')?.value).toBe('2');
    expect(env.skipped).toBe(1);
  });

  it('survives hostile input', () => {
    expect(parseEnvFile('').entries.size).toBe(0);
    expect(parseEnvFile(binaryGarbage()).entries.size).toBe(0);
    expect(value(`X=${UNICODE.split('\n')[0]}`, 'X')).toContain('登录失败');
    expect(parseEnvFile(INJECTION).entries.size).toBe(0);
    expect(parseEnvFile(`A="${'x\n'.repeat(FIVE_MB / 2)}`).entries.get('A')?.value).toBe('x');
    expect(parseEnvFile(`B=${'y'.repeat(FIVE_MB)}`).entries.get('B')?.value.length).toBe(64 * 1024);
  });
});

describe('splitList and parseBool', () => {
  it('splits comma lists, tolerating spaces, brackets and quotes', () => {
    expect(splitList('a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(splitList('["http://a", "http://b"]')).toEqual(['http://a', 'http://b']);
    expect(splitList('')).toEqual([]);
  });

  it('reads booleans the Django way', () => {
    expect(parseBool('True')).toBe(true);
    expect(parseBool('on')).toBe(true);
    expect(parseBool('False')).toBe(false);
    expect(parseBool('0')).toBe(false);
    expect(parseBool('maybe')).toBeNull();
    expect(parseBool(undefined)).toBeNull();
  });
});
