import { csvField } from '../data/validation-report-csv.ts';
import { templateRows } from './template.ts';

/** The template as CSV: UTF-8 with BOM (Excel shows Chinese), CRLF lines. */
export function templateCsv(year: number): string {
  return `\uFEFF${templateRows(year)
    .map((r) => r.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}

/**
 * The template as XLSX, written with exceljs (loaded on demand: it is large): the notes row
 * wrapped and grey, the header row bold and frozen, a 说明 sheet naming the source.
 */
export async function templateXlsx(year: number): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据模板', { views: [{ state: 'frozen', ySplit: 2 }] });
  const [notes, headers] = templateRows(year);
  ws.addRow(notes);
  ws.addRow(headers);
  ws.getRow(1).eachCell((c) => {
    c.alignment = { wrapText: true, vertical: 'top' };
    c.font = { color: { argb: 'FF666666' }, size: 9 };
  });
  ws.getRow(2).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 22));
  const about = wb.addWorksheet('说明');
  about.addRow(['来源', '科技部《创新积分制数据样表》（国科办函资〔2024〕246号附件）及本工具数据模型']);
  about.addRow(['用法', '在“数据模板”表第 3 行起每家企业填一行；第 1 行为填写说明，第 2 行为表头，请勿修改表头。']);
  about.addRow(['隐私', '不收集法定代表人、实际负责人的姓名、手机、邮箱；数据只在您的电脑上处理。']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
