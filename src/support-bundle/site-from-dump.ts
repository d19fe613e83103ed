/** The OMS site's file out of `nginx -T` output (the text after its `# configuration file …:` line). Pure. */

const MARKER = /^# configuration file (\/[^\n]*?):\s*$/;

export function siteFromDump(dump: string, file: string): string {
  const out: string[] = [];
  let inside = false;
  for (const raw of dump.split('\n')) {
    const m = MARKER.exec(raw.replace(/\r$/, ''));
    if (m) {
      inside = m[1] === file;
      if (inside) out.push(`# ${file} (from nginx -T)`);
      continue;
    }
    if (inside) out.push(raw);
  }
  if (out.length === 0) return `# ${file} is not in the configuration nginx loaded (nginx -T)\n`;
  return `${out.join('\n').trimEnd()}\n`;
}
