import { COLUMNS, LIMITS, MIN_PASSWORD_LENGTH, ROLES } from './fields.js';
import { writeWorkbook } from './xlsx-write.js';

export const TEMPLATE_FILE_NAME = '用户导入模板.xlsx';

/** Rows of the template that get the 角色 drop-down. */
const LIST_ROWS = LIMITS.maxRows + 1;

/** Where the admin's import is, for the target's public URL. */
export function adminImportUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/admin/`;
}

/**
 * The import template: sheet 用户 (header, example row, 角色 drop-down, text
 * cells so phone numbers stay digits) and sheet 填写说明 (each field, and
 * where to import it).
 */
export function buildTemplate(publicUrl: string): Buffer {
  const role = COLUMNS.findIndex((c) => c.key === 'role');
  const admin = adminImportUrl(publicUrl);
  return writeWorkbook([
    {
      name: '用户',
      rows: [COLUMNS.map((c) => c.header), COLUMNS.map((c) => c.example)],
      widths: COLUMNS.map((c) => c.width),
      header: { required: COLUMNS.map((c) => c.required) },
      textFormat: true,
      lists: [
        {
          column: role,
          values: ROLES,
          firstRow: 2,
          lastRow: LIST_ROWS,
          title: '角色',
          error: `请从列表中选择：${ROLES.join(' / ')}`,
        },
      ],
    },
    {
      name: '填写说明',
      rows: [
        ['字段 / field', '必填 / required', '说明 / what to write', '示例 / example'],
        ...COLUMNS.map((c) => [
          c.header,
          c.required ? '是 / yes' : '否 / no',
          c.explain,
          c.key === 'password' ? '（示例，勿使用 / example only）' : c.example,
        ]),
        [],
        [
          '注意 / notes',
          '',
          `第 2 行是示例，导入前删除。每行一个用户，用户名不能重复；密码至少 ${MIN_PASSWORD_LENGTH} 个字符；` +
            `单元格不要以 = + - @ 开头；一次最多 ${LIMITS.maxRows} 行。/ Row 2 is an example: delete it. ` +
            `One user per row, unique user names, passwords of at least ${MIN_PASSWORD_LENGTH} characters, ` +
            `no cell starting with = + - @, at most ${LIMITS.maxRows} rows per file.`,
          '',
        ],
        [
          '检查 / check',
          '',
          '导入前可以先让机器人检查：oms-chatops users validate 文件.xlsx，或在 Slack 里 @oms check users 并附上文件。' +
            '/ Check it first: `oms-chatops users validate FILE`, ' +
            'or in Slack mention @oms "check users" with the file attached.',
          '',
        ],
        [
          '导入 / import',
          '',
          `登录 ${admin} → 用户管理 → 用户 → 批量导入用户，上传本文件。/admin 必须由 nginx 代理到后端（见排查手册 admin）。` +
            `/ Log in at ${admin} → 用户管理 → 用户 → 批量导入用户 and upload this file; ` +
            'nginx must proxy /admin to the backend (playbook "admin").',
          '',
        ],
      ],
      widths: [16, 14, 70, 24],
      header: { required: [true, true, true, true] },
      wrap: true,
    },
  ]);
}

/** What the bot says with the template: what it is, how to fill it in, where to import it. */
export function templateAnswer(publicUrl: string, savedAs?: string): string {
  const admin = adminImportUrl(publicUrl);
  return [
    `用户导入模板 / user import template${savedAs ? `: ${savedAs}` : ''}`,
    `  columns: ${COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)).join(', ')} (* required); ` +
      `角色 ∈ ${ROLES.join(' / ')}; 密码 at least ${MIN_PASSWORD_LENGTH} characters`,
    '  row 2 is an example: delete it before importing; the second sheet (填写说明) explains each field',
    `  check the filled sheet first: oms-chatops users validate FILE (or @oms check users with the file in Slack)`,
    `导入 / import: ${admin} → 用户管理 → 用户 → 批量导入用户`,
    '  /admin must be proxied by nginx to the backend (location /admin before /api) — ' +
      'see playbook `admin` (`show admin`, `diagnose admin`)',
  ].join('\n');
}
