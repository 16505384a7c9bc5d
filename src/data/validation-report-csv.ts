import type { ReportEntry, ValidationReport } from './validation-report.ts';

/**
 * The validation report as CSV: UTF-8 with a BOM (so Excel shows Chinese), CRLF lines, RFC 4180
 * quoting, and every text cell protected against formula injection: a cell that begins with
 * = + - @ tab or CR gets a leading ' so a spreadsheet shows it as text, never runs it.
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export function protectCell(text: string): string {
  return text.length > 0 && DANGEROUS_FIRST.has(text[0]) ? `'${text}` : text;
}

export function csvField(text: string): string {
  const s = protectCell(text);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const REPORT_CSV_HEADER = ['类型 kind', '行号 row', '列 column', '值 value', '代码 code', '说明', 'message'];

const KIND_TEXT: Record<ReportEntry['kind'], string> = { error: '错误 error', flag: '标记 flagged', warning: '提示 warning' };

export function validationReportCsv(report: ValidationReport): string {
  const lines = [REPORT_CSV_HEADER.map(csvField).join(',')];
  for (const e of report.entries) {
    const row = e.row === undefined ? '' : String(e.row);
    lines.push([KIND_TEXT[e.kind], row, e.column, e.value, e.code, e.message.zh, e.message.en].map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
