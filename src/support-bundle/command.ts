/**
 * `bundle [target] [-o FILE]` for the console and the command line: discover
 * the layout, run the checklist and collect the bundle at the same time, write
 * the `.tar.gz`, and say what else support needs from the browser.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Target } from '../config/target.js';
import type { Transport } from '../transport/transport.js';
import { buildBundle, type Bundle } from './collect.js';

export interface BundleRequest {
  target: Target;
  transport: Transport;
  now: Date;
  /** The discovered layout as text, when discovery is wired. */
  layout?: string;
  /** Runs the checklist on the target and renders its report (text). */
  diagnose?: () => Promise<string>;
  output?: string;
  cwd: string;
}

/** File name when `-o` is not given: `oms-bundle-prod-20261130T050000Z.tar.gz`. */
export function defaultBundleName(target: string, now: Date): string {
  return `oms-bundle-${target}-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.tar.gz`;
}

export async function writeBundle(req: BundleRequest): Promise<{ file: string; bundle: Bundle }> {
  // The checklist runs while the bundle's own commands run.
  const bundle = await buildBundle({
    target: req.target,
    transport: req.transport,
    now: req.now,
    layout: req.layout,
    diagnosis: req.diagnose?.(),
  });
  const file = resolve(req.cwd, req.output ?? defaultBundleName(req.target.name, req.now));
  await writeFile(file, bundle.archive);
  return { file, bundle };
}

/** What the console prints after writing a bundle. */
export function bundleAnswer(file: string, bundle: Bundle): string {
  const cut = bundle.manifest.filter((m) => m.cut).map((m) => m.file);
  return [
    `支持包已写入 / support bundle written: ${file} (${bundle.archive.length} bytes, ${bundle.manifest.length} files)`,
    cut.length ? `已截断 / cut to the size cap: ${cut.join(', ')}` : '',
    '每个文件都已脱敏；请查看 MANIFEST.txt / every file was redacted; MANIFEST.txt lists what each one holds.',
    '下一步 / Next: 同时附上浏览器控制台截图和网络详情（HAR，删去 Cookie/Authorization）。',
    '  also attach a browser console screenshot and the network details (HAR without Cookie/Authorization).',
  ]
    .filter(Boolean)
    .join('\n');
}
