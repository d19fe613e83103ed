/**
 * The support bundle's file name and the console's answer after writing it;
 * the bundle itself is built by `collect.ts` (through src/app/layout.ts).
 */
import type { Bundle } from './collect.js';

/** File name when `-o` is not given: `oms-bundle-prod-20261130T050000Z.tar.gz`. */
export function defaultBundleName(target: string, now: Date): string {
  return `oms-bundle-${target}-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.tar.gz`;
}

/** What support needs from the browser, which the bot cannot collect (Chinese, then English). */
export const BROWSER_ITEMS: readonly { zh: string; en: string }[] = [
  {
    zh: '浏览器控制台截图：按 F12 → Console（控制台），重现问题后截图。',
    en: 'a browser console screenshot: press F12 → Console, reproduce the problem, take a screenshot',
  },
  {
    zh: '网络详情：F12 → Network（网络），勾选 Preserve log，重现问题，右键 → Save all as HAR，发送前删除 Cookie 和 Authorization。',
    en:
      'the network details: F12 → Network, tick Preserve log, reproduce, right-click → Save all as HAR; ' +
      'remove Cookie and Authorization values before sending it',
  },
];

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
