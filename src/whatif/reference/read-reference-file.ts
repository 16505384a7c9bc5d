import { decodeTextFile } from '../../data/decode-text-file.ts';
import { DataError } from '../../data/errors.ts';
import type { Label } from '../../engine/index.ts';
import { REFERENCE } from '../../i18n/reference.ts';
import { referenceCodes, type ReferenceCodes } from './reference-list.ts';

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * The codes of a reference file: an XLSX (every sheet's cells) or a text file (CSV/TXT in UTF-8,
 * GB18030 or UTF-16, as the data import reads them). A file that cannot be read, or holds no code,
 * gives one sentence in both languages naming the file.
 */
export async function readReferenceFile(bytes: Uint8Array, name: string): Promise<{ ok: true; codes: ReferenceCodes } | { ok: false; error: Label }> {
  let text: string;
  try {
    if (isZip(bytes)) {
      // exceljs is loaded when a workbook is read, not with the page.
      const { readXlsxSheet } = await import('../../data/xlsx-sheet.ts');
      const first = await readXlsxSheet(bytes, name);
      const sheets = [first, ...(await Promise.all(first.sheets.slice(1).map((s) => readXlsxSheet(bytes, name, s))))];
      text = sheets.map((s) => s.rows.map((r) => r.map((c) => c ?? '').join('\t')).join('\n')).join('\n');
    } else text = decodeTextFile(bytes, name).text;
  } catch (e) {
    const why: Label = e instanceof DataError ? { zh: e.zh, en: e.en } : { zh: String(e), en: String(e) };
    return { ok: false, error: { zh: REFERENCE.zh.unreadable(name, why.zh), en: REFERENCE.en.unreadable(name, why.en) } };
  }
  const codes = referenceCodes(text);
  if (codes.codes.length === 0) return { ok: false, error: { zh: REFERENCE.zh.noCodes(name), en: REFERENCE.en.noCodes(name) } };
  return { ok: true, codes };
}
