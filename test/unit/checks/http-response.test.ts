import { describe, expect, it } from '@jest/globals';
import {
  curlFailure,
  header,
  isDjangoBadRequest,
  isDjangoNotFound,
  isJson,
  isNginxErrorPage,
  isSpaIndex,
  parseHttpResponse,
  readCurlResult,
  responseEvidence,
} from '../../../src/checks/http-response.js';
import { loadCapture, result } from '../../helpers/capture.js';
import { binaryGarbage, FIVE_MB, INJECTION, UNICODE } from './web-hostile.js';

function parsed(scenario: string, file: string) {
  const out = readCurlResult(loadCapture(scenario, file));
  if (out.kind !== 'response') throw new Error(`expected a response, got ${out.kind}`);
  return out.response;
}

describe('parseHttpResponse on captures', () => {
  it('reads status, headers case-insensitively and body', () => {
    const res = parsed('healthy', 'login-direct.txt');
    expect(res.status).toBe(401);
    expect(res.reason).toBe('Unauthorized');
    expect(res.httpVersion).toBe('1.1');
    expect(header(res, 'content-type')).toBe('application/json');
    expect(header(res, 'CONTENT-TYPE')).toBe('application/json');
    expect(res.body).toBe('{"detail": "Invalid username or password."}');
    expect(isJson(res)).toBe(true);
  });

  it('recognises the SPA index, Django pages and nginx pages', () => {
    expect(isSpaIndex(parsed('nginx-admin-location-missing', 'admin-page.txt'))).toBe(true);
    expect(isSpaIndex(parsed('healthy', 'api-root.txt'))).toBe(false);
    expect(isDjangoNotFound(parsed('healthy', 'api-root.txt'))).toBe(true);
    expect(isNginxErrorPage(parsed('healthy', 'api-root.txt'))).toBe(false);
    expect(isDjangoBadRequest(parsed('allowed-hosts-missing-ip', 'login-direct.txt'))).toBe(true);
    expect(isDjangoBadRequest(parsed('healthy', 'login-direct.txt'))).toBe(false);
    const gw = parsed('backend-stopped', 'login-nginx.txt');
    expect(gw.status).toBe(502);
    expect(isNginxErrorPage(gw)).toBe(true);
    expect(isDjangoNotFound(gw)).toBe(false);
  });

  it('classifies curl error exits from stderr', () => {
    const out = readCurlResult(loadCapture('backend-stopped', 'login-direct.txt'));
    expect(out.kind).toBe('curl-error');
    if (out.kind === 'curl-error') {
      expect(out.failure.kind).toBe('refused');
      expect(out.failure.curlCode).toBe(7);
      expect(out.failure.message).toContain('Failed to connect to 127.0.0.1 port 8000');
    }
  });
});

describe('parseHttpResponse edge cases', () => {
  it('skips a 100 Continue preamble and handles CRLF', () => {
    const text =
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"username":["x"]}';
    const res = parseHttpResponse(text);
    expect(res?.status).toBe(400);
    expect(header(res!, 'content-type')).toBe('application/json');
    expect(res?.body).toBe('{"username":["x"]}');
  });

  it('reads HTTP/2 status lines without a reason and repeated headers', () => {
    const res = parseHttpResponse('HTTP/2 200\nvary: Origin\nVary: Cookie\n\nok');
    expect(res?.status).toBe(200);
    expect(res?.reason).toBe('');
    expect(res?.headers.get('vary')).toEqual(['Origin', 'Cookie']);
  });

  it('keeps a head without body (truncated output)', () => {
    expect(parseHttpResponse('HTTP/1.1 302 Found\nLocation: /admin/login/')?.status).toBe(302);
  });

  it('returns undefined for text that is not HTTP', () => {
    for (const t of ['', 'garbage', binaryGarbage(), UNICODE, INJECTION, 'HTTP/1.1 abc\n\n', '<html>HTTP/1.1 200 OK']) {
      expect(parseHttpResponse(t)).toBeUndefined();
    }
  });

  it('copes with a 5 MB body and a 5 MB head-less blob quickly', () => {
    const big = parseHttpResponse(`HTTP/1.1 200 OK\nContent-Type: text/html\n\n${'<script '.repeat(FIVE_MB / 8)}`);
    expect(big?.status).toBe(200);
    expect(isSpaIndex(big!)).toBe(false);
    expect(isJson(big!)).toBe(false);
    expect(parseHttpResponse(`HTTP/1.1 200 OK\n${'X'.repeat(FIVE_MB)}`)).toBeUndefined();
  });

  it('ignores header lines with invalid names', () => {
    const res = parseHttpResponse('HTTP/1.1 200 OK\nBad Name: x\n: empty\nGood: y\n\n');
    expect([...res!.headers.keys()]).toEqual(['good']);
  });
});

describe('curlFailure', () => {
  it.each([
    [6, 'dns'],
    [7, 'refused'],
    [28, 'timeout'],
    [52, 'empty-reply'],
    [56, 'recv-error'],
    [35, 'other'],
  ])('curl exit %i is %s', (code, kind) => {
    expect(curlFailure(result('', code, `curl: (${code}) something`))?.kind).toBe(kind);
  });

  it('uses the exit status when stderr has no curl line, and nothing on success', () => {
    expect(curlFailure(result('', 28, ''))?.kind).toBe('timeout');
    expect(curlFailure(result('HTTP/1.1 200 OK\n\n', 0, ''))).toBeUndefined();
  });
});

describe('responseEvidence', () => {
  it('keeps the status line and only the named headers', () => {
    const ev = responseEvidence(parsed('healthy', 'cors-preflight.txt'), ['access-control-allow-origin']);
    expect(ev).toBe('HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: http://172.29.91.61');
  });

  it('adds the title and heading of an HTML body when asked', () => {
    const ev = responseEvidence(parsed('healthy', 'api-root.txt'), [], 2);
    expect(ev.split('\n')).toEqual([
      'HTTP/1.1 404 Not Found',
      '',
      '<title>Not Found</title>',
      '<h1>Not Found</h1><p>The requested resource was not found on this server.</p>',
    ]);
  });

  it('adds the first non-blank lines of other bodies, each cut at 200 characters', () => {
    const res = parseHttpResponse(`HTTP/1.1 401 Unauthorized\n\n\n{"detail": "x"}\n${'y'.repeat(500)}\nthird`)!;
    const ev = responseEvidence(res, [], 2).split('\n');
    expect(ev.slice(0, 3)).toEqual(['HTTP/1.1 401 Unauthorized', '', '{"detail": "x"}']);
    expect(ev[3]).toBe(`${'y'.repeat(200)}…`);
    expect(ev).toHaveLength(4);
  });
});
