import { targetPaths } from '../config/target.js';
import { defineCheck, type CheckStatus, type FactValue } from './check.js';
import { unitServiceSettings } from './unit-file-settings.js';
import { clip, commandProblem, excerpt } from './output.js';

/** A line of the unit file that systemd will not read as intended. */
export interface BadLine {
  line: number;
  kind: 'outside-section' | 'missing-equals';
  text: string;
}

export interface UnitFileAnalysis {
  bom: boolean;
  crlf: boolean;
  badLines: BadLine[];
  sections: string[];
}

const BOM_CHAR = '\uFEFF';
/** The BOM bytes EF BB BF when the output was decoded as Latin-1 instead of UTF-8. */
const BOM_LATIN1 = '\u00EF\u00BB\u00BF';

/**
 * Read a unit file the way systemd's config parser does: comments start with
 * `#` or `;`, a trailing `\` continues the line, `[Section]` headers, and
 * every other line must be `Key=Value` inside a section.
 */
export function analyzeUnitFile(text: string): UnitFileAnalysis {
  let body = text;
  let bom = false;
  if (body.startsWith(BOM_CHAR)) {
    bom = true;
    body = body.slice(1);
  } else if (body.startsWith(BOM_LATIN1)) {
    bom = true;
    body = body.slice(3);
  }
  const crlf = body.includes('\r\n');
  const badLines: BadLine[] = [];
  const sections: string[] = [];
  let inSection = false;
  let continued = false;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    const t = line.trim();
    const wasContinued = continued;
    continued = t.endsWith('\\') && !t.startsWith('#') && !t.startsWith(';');
    if (wasContinued) {
      // Continuation lines may be anything; a comment inside one does not end it.
      if (t.startsWith('#') || t.startsWith(';')) continued = true;
      continue;
    }
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    if (/^\[[^\]]+\]$/.test(t)) {
      inSection = true;
      if (sections.length < 20) sections.push(t.slice(1, -1));
      continue;
    }
    if (badLines.length >= 50) continue;
    const shown = clip(t, 160);
    if (!inSection) badLines.push({ line: i + 1, kind: 'outside-section', text: shown });
    else if (!t.includes('=')) badLines.push({ line: i + 1, kind: 'missing-equals', text: shown });
  }
  return { bom, crlf, badLines, sections };
}

/** The unit file's text and systemd's own verdict on it. */
export const unitFile = defineCheck({
  id: 'unit-file',
  title: 'systemd 单元文件',
  titleEn: 'systemd unit file',
  signals: {
    bom: 'the file starts with a UTF-8 BOM (U+FEFF / EF BB BF)',
    crlf: 'the file has Windows line endings (CRLF)',
    'outside-section': 'a non-comment line before the first [Section] (pasted text, heredoc line)',
    'missing-equals': 'a non-comment line in a section without = (not a continuation)',
    'verify-errors': 'systemd-analyze verify printed problems about this unit',
    'file-missing': 'the unit file does not exist',
    clean: 'the unit file reads cleanly',
  },
  commands: (target) => {
    const file = targetPaths(target).unitFile;
    return [
      { argv: ['cat', file], timeoutMs: 8000, maxBytes: 256 * 1024 },
      { argv: ['systemd-analyze', 'verify', file], timeoutMs: 15000 },
    ];
  },
  interpret: ([cat, verify], target) => {
    if (!cat || !verify)
      return { status: 'error', summary: '没有命令结果 / no command result', evidence: '', facts: {}, signals: [] };
    const problem = commandProblem(cat, 'cat') ?? commandProblem(verify, 'systemd-analyze');
    if (problem) return problem;
    const file = targetPaths(target).unitFile;
    if (cat.code !== 0) {
      const missing = /No such file or directory/i.test(cat.stderr);
      return {
        status: missing ? 'fail' : 'error',
        summary: missing
          ? `单元文件不存在 / unit file ${file} does not exist`
          : `无法读取单元文件 / cannot read ${file} (exit ${cat.code})`,
        evidence: excerpt(cat.stderr || cat.stdout, 4),
        facts: { file },
        signals: missing ? ['file-missing'] : [],
      };
    }
    if (cat.stdout.includes('\0') || cat.stdout.trim() === '') {
      return {
        status: 'error',
        summary:
          cat.stdout.trim() === ''
            ? `单元文件为空 / ${file} is empty`
            : `单元文件不是文本 / ${file} is not a text file`,
        evidence: excerpt(cat.stdout, 4, 300),
        facts: { file },
        signals: [],
      };
    }
    const a = analyzeUnitFile(cat.stdout);
    const verifyLines = unitVerifyLines(`${verify.stderr}\n${verify.stdout}`, file, target.service);
    const signals: string[] = [];
    if (a.bom) signals.push('bom');
    if (a.crlf) signals.push('crlf');
    if (a.badLines.some((b) => b.kind === 'outside-section')) signals.push('outside-section');
    if (a.badLines.some((b) => b.kind === 'missing-equals')) signals.push('missing-equals');
    if (verifyLines.length > 0) signals.push('verify-errors');
    const facts: Record<string, FactValue> = {
      file,
      badLines: a.badLines.map((b) => `${b.line}: ${b.text}`),
      sections: a.sections,
      ...unitServiceSettings(cat.stdout),
    };
    if (verifyLines.length) facts.verifyErrors = verifyLines.slice(0, 10);
    if (signals.length === 0) {
      if (a.sections.length === 0) {
        return {
          status: 'error',
          summary: `单元文件中没有任何 [Section] / no [Section] found in ${file}`,
          evidence: excerpt(cat.stdout, 6, 600),
          facts,
          signals: [],
        };
      }
      return {
        status: 'ok',
        summary: `单元文件格式正常 / ${file} reads cleanly`,
        evidence: excerpt(cat.stdout, 4, 400),
        facts,
        signals: ['clean'],
      };
    }
    // systemd silently drops bad lines (the one dropped may be ExecStart or User); CRLF alone it tolerates.
    const broken =
      signals.some((s) => s !== 'crlf' && s !== 'verify-errors') || (verifyLines.length > 0 && verify.code !== 0);
    const status: CheckStatus = broken ? 'fail' : 'warn';
    const zh: string[] = [];
    const en: string[] = [];
    const say = (z: string, e: string) => {
      zh.push(z);
      en.push(e);
    };
    if (a.bom) say('文件开头有 BOM', 'starts with a UTF-8 BOM');
    if (a.crlf) say('Windows 换行 (CRLF)', 'has CRLF line endings');
    if (a.badLines.length) {
      const nums = a.badLines
        .map((b) => b.line)
        .slice(0, 8)
        .join(', ');
      say(`第 ${nums} 行无效`, `line${a.badLines.length > 1 ? 's' : ''} ${nums} ignored by systemd`);
    }
    if (verifyLines.length && !a.badLines.length)
      say('systemd-analyze verify 报错', 'systemd-analyze verify reports problems');
    const evidence = [
      ...(a.bom ? ['(file starts with bytes EF BB BF)'] : []),
      ...a.badLines.slice(0, 6).map((b) => `${b.line}: ${b.text}`),
      ...verifyLines.slice(0, 4),
    ].join('\n');
    return {
      status,
      summary: `单元文件有问题：${zh.join('，')} / unit file ${file}: ${en.join(', ')}`,
      evidence: excerpt(evidence, 12),
      facts,
      signals,
    };
  },
});

/** Lines of `systemd-analyze verify` output about this unit (it also complains about unrelated units). */
function unitVerifyLines(text: string, file: string, service: string): string[] {
  const unitName = `${service}.service`;
  return text
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && (l.includes(file) || l.includes(unitName)))
    .map((l) => clip(l, 300))
    .slice(0, 50);
}
