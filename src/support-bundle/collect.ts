/**
 * Build the support bundle: run every part's command through the target's
 * transport, pass each text through the redactor, then cut it to its share of
 * the size cap with a visible marker, and pack the files with a MANIFEST and
 * a README into one `.tar.gz`.
 */
import { createHash } from 'node:crypto';
import type { Target } from '../config/target.js';
import { redact } from '../redact.js';
import type { Transport } from '../transport/transport.js';
import type { ManifestRow } from './manifest-row.js';
import { bundleParts, plainText } from './parts.js';
import { readmeText } from './readme.js';
import { tarGz, type TarEntry } from './tar.js';

export const DEFAULT_BUNDLE_MAX_BYTES = 10 * 1024 * 1024;
/** Room kept for the MANIFEST, the README and the tar headers. */
const RESERVED_BYTES = 64 * 1024;

export interface BundleInput {
  target: Target;
  transport: Transport;
  now: Date;
  /** The discovered layout as text (`discover`), when discovery ran. */
  layout?: string;
  /** The latest diagnosis report as text (the checklist run for the bundle; may still be running). */
  diagnosis?: string | Promise<string | undefined>;
  maxBytes?: number;
}

export interface Bundle {
  archive: Buffer;
  manifest: ManifestRow[];
}

/** Cut `text` to at most `max` bytes, keeping its head or its tail, and say so in the text. */
export function cutText(text: string, max: number, keep: 'head' | 'tail'): { text: string; cut: boolean } {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= max) return { text, cut: false };
  const marker = `\n[… 已截断 / cut: ${buf.length} bytes, ${keep === 'tail' ? 'the last' : 'the first'} ~${max} kept …]\n`;
  // A few bytes of slack: a character split by the cut becomes U+FFFD (3 bytes).
  const room = Math.max(0, max - Buffer.byteLength(marker) - 8);
  const kept =
    keep === 'head' ? buf.subarray(0, room).toString('utf8') : buf.subarray(buf.length - room).toString('utf8');
  return { text: keep === 'head' ? `${kept}${marker}` : `${marker}${kept}`, cut: true };
}

export async function buildBundle(input: BundleInput): Promise<Bundle> {
  const { target, transport } = input;
  const parts = bundleParts(target);
  const [results, diagnosis] = await Promise.all([
    Promise.all(
      parts.map((p) => transport.exec(p.argv, { sudo: p.sudo, timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 })),
    ),
    input.diagnosis,
  ]);
  const files: { file: string; source: string; text: string; keep: 'head' | 'tail' }[] = parts.map((p, i) => ({
    file: p.file,
    source: `${p.sudo ? 'sudo -n ' : ''}${p.argv.join(' ')}`,
    text: (p.text ?? plainText)(results[i]!),
    keep: p.keep,
  }));
  if (input.layout !== undefined)
    files.push({
      file: 'layout.txt',
      source: 'discover (systemctl show/cat, nginx -T)',
      text: input.layout,
      keep: 'head',
    });
  if (diagnosis !== undefined)
    files.push({ file: 'diagnosis.txt', source: 'diagnose checklist', text: diagnosis, keep: 'head' });

  const max = input.maxBytes ?? DEFAULT_BUNDLE_MAX_BYTES;
  const share = Math.max(1024, Math.floor((max - RESERVED_BYTES) / files.length));
  const entries: TarEntry[] = [];
  const manifest: ManifestRow[] = [];
  for (const f of files) {
    // The redactor first, on the whole text: a cut must never split a secret out of its context.
    const { text, cut } = cutText(redact(f.text), share, f.keep);
    const data = Buffer.from(text, 'utf8');
    entries.push({ name: f.file, data });
    manifest.push({ file: f.file, source: f.source, size: data.length, sha256: sha256(data), cut });
  }
  const manifestText = redact(renderManifest(manifest));
  const readme = redact(readmeText(target, input.now, manifest));
  const all = [
    { name: 'README.txt', data: Buffer.from(readme, 'utf8') },
    { name: 'MANIFEST.txt', data: Buffer.from(manifestText, 'utf8') },
    ...entries,
  ];
  return { archive: tarGz(all, input.now.getTime()), manifest };
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function renderManifest(rows: readonly ManifestRow[]): string {
  const lines = ['# file | bytes | sha256 | source command | cut', ''];
  for (const r of rows) lines.push(`${r.file} | ${r.size} | ${r.sha256} | ${r.source} | ${r.cut ? 'CUT' : '-'}`);
  return `${lines.join('\n')}\n`;
}
