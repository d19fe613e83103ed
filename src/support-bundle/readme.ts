/** The bundle's README.txt, in Chinese and English. */
import type { Target } from '../config/target.js';
import type { ManifestRow } from './manifest-row.js';

export function readmeText(target: Target, now: Date, manifest: readonly ManifestRow[]): string {
  const cut = manifest.filter((m) => m.cut).map((m) => m.file);
  return [
    `OMS 支持包 / OMS support bundle — target ${target.name} (${target.publicUrl}), ${now.toISOString()}`,
    '',
    '内容 / Contents: MANIFEST.txt lists each file, the read-only command it came from, its size and sha256.',
    '  后端日志（journal 200 行、gunicorn 错误日志）、nginx 错误日志（100 行）、两个服务的状态、unit 文件、',
    '  OMS 的 nginx 站点配置、.env（除白名单外的值都已隐藏）、版本信息、自动发现的目录布局、最近一次诊断报告。',
    '  Backend journal (200 lines), gunicorn error log, nginx error logs (100 lines), status of both services,',
    '  the unit file, the OMS nginx site, the .env files (every value hidden except allowlisted settings),',
    '  versions, the discovered layout, and the latest diagnosis report.',
    '',
    '隐私 / Privacy: 每个文件都经过脱敏（密码、密钥、令牌、连接串中的密码），再按大小上限截断；截断处有标记。',
    '  Every file passed the redactor (passwords, keys, tokens, credentials in URLs) before any cut;',
    '  a cut is marked in the file and in MANIFEST.txt.',
    cut.length ? `  已截断 / cut: ${cut.join(', ')}` : '  没有文件被截断 / no file was cut.',
    '',
    '还需要浏览器中的信息 / Also needed from the browser (the bot cannot collect them):',
    '  1. 控制台截图：按 F12 → Console（控制台），重现问题后截图。',
    '     Console screenshot: press F12 → Console, reproduce the problem, take a screenshot.',
    '  2. 网络详情：F12 → Network（网络），勾选 Preserve log，重现问题，右键 → Save all as HAR，',
    '     发送前删除其中的 Cookie 和 Authorization。',
    '     Network details: F12 → Network, tick Preserve log, reproduce, right-click → Save all as HAR;',
    '     remove Cookie and Authorization values before sending it.',
    '',
  ].join('\n');
}
