import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecResult } from '../../src/transport/transport.js';

/** Root of the captured replica output (what they are: test/fixtures/captures/SOURCE.md). */
export const CAPTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'captures');

/** Situations captured on the replica, e.g. `healthy`, `backend-stopped`. */
export function captureScenarios(): string[] {
  return readdirSync(CAPTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * Parse one capture file (`$ command` first line, output, `[exit N]` last) into
 * the ExecResult a transport would have returned. The captures merge stdout and
 * stderr; lines that are clearly error messages (`curl: (7)`, `tail: cannot open`,
 * `id: …: no such user`) are put in stderr as the real command would.
 */
export function loadCapture(scenario: string, file: string): ExecResult {
  return parseCapture(readFileSync(join(CAPTURES, scenario, file), 'utf8'));
}

export function parseCapture(text: string): ExecResult {
  let body = text;
  const firstNl = body.indexOf('\n');
  if (body.startsWith('$ ')) body = firstNl === -1 ? '' : body.slice(firstNl + 1);
  let code = 0;
  const m = /\[exit (\d+)\]\s*$/.exec(body);
  if (m) {
    code = Number(m[1]);
    body = body.slice(0, m.index);
  }
  const stderrLines: string[] = [];
  const stdoutLines: string[] = [];
  for (const line of body.split('\n')) {
    if (
      /^(curl: \(\d+\)|tail: |cat: |stat: |id: |grep: |journalctl: |sudo: |nginx: \[|\d{4}\/\d\d\/\d\d .*\[emerg\]|nginx: configuration file|nginx: the configuration file)/.test(
        line,
      )
    )
      stderrLines.push(line);
    else stdoutLines.push(line);
  }
  return {
    code,
    signal: null,
    stdout: stdoutLines.join('\n'),
    stderr: stderrLines.join('\n'),
    durationMs: 5,
    truncated: false,
    timedOut: false,
  };
}

/** A synthetic result, for hostile-input tests. */
export function result(stdout: string, code = 0, stderr = ''): ExecResult {
  return { code, signal: null, stdout, stderr, durationMs: 1, truncated: false, timedOut: false };
}
