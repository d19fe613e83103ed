/**
 * The columns of the OMS bulk user import ("批量导入用户" in the Django admin),
 * as the operators' notes describe them: seven columns, the first four
 * required, passwords of at least 8 characters, four roles.
 */

/** The roles the importer accepts, in the order the drop-down shows them. */
export const ROLES = ['使用方', '管理方', '项目经理', '员工'] as const;

export type ColumnKey = 'username' | 'password' | 'name' | 'role' | 'email' | 'mobile' | 'department';

export interface Column {
  key: ColumnKey;
  /** The header text the importer expects. */
  header: string;
  required: boolean;
  /** What goes in the cell (the template's second sheet). */
  explain: string;
  /** An example value (the template's example row). */
  example: string;
  /** Column width in the template (characters). */
  width: number;
}

export const COLUMNS: readonly Column[] = Object.freeze([
  {
    key: 'username',
    header: '用户名',
    required: true,
    explain: '登录用的唯一标识，不能重复；字母、数字、中文和 @ . + - _，不含空格和全角字符 / unique login name',
    example: 'zhangsan',
    width: 16,
  },
  {
    key: 'password',
    header: '密码',
    required: true,
    explain: '初始密码，至少 8 个字符 / initial password, at least 8 characters',
    example: 'Oms@2025init',
    width: 16,
  },
  {
    key: 'name',
    header: '姓名',
    required: true,
    explain: "用户真实姓名 / the person's real name",
    example: '张三',
    width: 12,
  },
  {
    key: 'role',
    header: '角色',
    required: true,
    explain: `从下拉列表选择：${ROLES.join(' / ')} / pick from the drop-down`,
    example: '员工',
    width: 12,
  },
  {
    key: 'email',
    header: '邮箱',
    required: false,
    explain: '邮箱地址，如 name@example.com（可留空）/ e-mail address, optional',
    example: 'zhangsan@example.com',
    width: 26,
  },
  {
    key: 'mobile',
    header: '手机号',
    required: false,
    explain: '11 位大陆手机号，如 13800138000（可留空，不加 +86 和空格）/ mainland mobile number, optional',
    example: '13800138000',
    width: 16,
  },
  {
    key: 'department',
    header: '部门',
    required: false,
    explain: '所在部门（可留空）/ department, optional',
    example: '运维部',
    width: 16,
  },
]);

export const MIN_PASSWORD_LENGTH = 8;

/** Limits on what the bot reads: a bigger or stranger file is refused before it is parsed. */
export const LIMITS = Object.freeze({
  /** The file as uploaded. */
  maxFileBytes: 5 * 1024 * 1024,
  /** Data rows (below the header); the admin import of more in one go is not what this tool is for. */
  maxRows: 10_000,
  /** Columns read per row. */
  maxColumns: 50,
  /** Entries in an .xlsx (a zip); Excel writes about 10–20. */
  maxZipEntries: 500,
  /** Uncompressed bytes of all zip entries together (zip-bomb cap). */
  maxUncompressedBytes: 64 * 1024 * 1024,
  /** Characters kept per cell. */
  maxCellChars: 1000,
});

export function columnByHeader(header: string): Column | undefined {
  const h = header.replace(/[\s\u3000]+/g, '').replace(/[*＊]|[（(](必填|选填|可选|required|optional)[)）]$/gi, '');
  return COLUMNS.find((c) => c.header === h);
}

/** The refusal for a sheet over LIMITS.maxFileBytes, the same for a local file and a Slack upload. */
export function fileTooLarge(bytes: number, notDone: string): { ok: false; error: string; hint: string } {
  return {
    ok: false,
    error:
      `文件太大 / the file is too large: ${(bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `at most ${LIMITS.maxFileBytes / 1024 / 1024} MB — ${notDone}`,
    hint: `split it into files of at most ${LIMITS.maxRows.toLocaleString('en-US')} rows`,
  };
}
