import type { FactValue } from './check.js';
import { clip } from './output.js';

/** The [Service] settings `compare` sets side by side; systemd's key names, camelCased as facts. */
const KEYS: Record<string, string> = {
  User: 'user',
  Group: 'group',
  WorkingDirectory: 'workingDirectory',
  ExecStart: 'execStart',
  EnvironmentFile: 'environmentFile',
};

/**
 * `User=`, `Group=`, `WorkingDirectory=`, `ExecStart=` and `EnvironmentFile=` as the unit file says them
 * (the last assignment wins, as in systemd; `\` continues a line). Facts only for keys the file sets.
 * The text was redacted by the engine before it got here, so a password on the command line is gone.
 */
export function unitServiceSettings(text: string): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  let section = '';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const eq = line.indexOf('=');
    if (section !== 'Service' || eq < 1) continue;
    const fact = KEYS[line.slice(0, eq).trim()];
    if (fact)
      out[fact] = clip(
        line
          .slice(eq + 1)
          .trim()
          .replace(/\s+/g, ' '),
        300,
      );
  }
  return out;
}
