/** `stat -c %n|%U|%G|%a|%F` output, as the nginx-site check reads it for the static and media folders. */

/** One `stat -c %n|%U|%G|%a|%F` line. */
export interface StatLine {
  path: string;
  owner: string;
  group: string;
  mode: string;
  type: string;
}

/** Read `stat -c %n|%U|%G|%a|%F` output and the `cannot stat` errors. */
export function parseStat(stdout: string, stderr: string): { found: Map<string, StatLine>; missing: Set<string> } {
  const found = new Map<string, StatLine>();
  for (const line of stdout.split('\n').slice(0, 1000)) {
    const parts = line.replace(/\r$/, '').split('|');
    if (parts.length < 5) continue;
    const [path, owner, group, mode, ...type] = parts;
    found.set(path!, { path: path!, owner: owner!, group: group!, mode: mode!, type: type.join('|') });
  }
  const missing = new Set<string>();
  for (const m of stderr.matchAll(/cannot stat(?:x)? ['‘"]?(.+?)['’"]?: No such file or directory/g))
    missing.add(m[1]!);
  return { found, missing };
}
