import { zipSync, strToU8 } from 'fflate';
import { safeText, xmlEscape } from './cell-safety.ts';
import { cellNumber, cellText, type ExportTable } from './table.ts';

/**
 * A minimal XLSX (Office Open XML SpreadsheetML) writer on fflate's zip. Why not exceljs: its
 * browser bundle is ~1 MB minified and needs Node polyfills (stream, buffer) under Vite, while
 * this file is ~100 lines, runs unchanged in a worker, and writes exactly what we need: one data
 * sheet (header row frozen and bold, text as inline strings, numbers as numbers) and a notes sheet
 * 方案说明 stating what produced the file. exceljs reads the result back in the tests.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(j: number): string {
  let s = '';
  for (let x = j + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ , not empty. */
export function sheetName(name: string, fallback: string): string {
  const s = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return s || fallback;
}

function textCell(ref: string, text: string, style = 0): string {
  const s = style ? ` s="${style}"` : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlEscape(safeText(text))}</t></is></c>`;
}

function sheetXml(rows: string[], frozenHeader: boolean): string {
  const pane = frozenHeader ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' : '';
  return `${XML}<worksheet xmlns="${NS}">${pane}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function dataRows(table: ExportTable): string[] {
  const out: string[] = [];
  out.push(`<row r="1">${table.columns.map((c, j) => textCell(`${columnName(j)}1`, c.header, 1)).join('')}</row>`);
  table.rows.forEach((row, i) => {
    const r = i + 2;
    let cells = '';
    table.columns.forEach((c, j) => {
      const ref = `${columnName(j)}${r}`;
      if (c.kind === 'number') {
        const v = cellNumber(row[j]);
        if (v !== null) cells += `<c r="${ref}"><v>${v}</v></c>`;
      } else {
        const t = cellText(row[j]);
        if (t !== '') cells += textCell(ref, t);
      }
    });
    out.push(`<row r="${r}">${cells}</row>`);
  });
  return out;
}

const STYLES = `${XML}<styleSheet xmlns="${NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export const NOTES_SHEET = '方案说明';

/** The XLSX file as bytes. */
export function toXlsx(table: ExportTable): Uint8Array {
  const main = sheetName(table.name, 'Sheet1');
  const notesName = main === NOTES_SHEET ? `${NOTES_SHEET}2` : NOTES_SHEET;
  const notes = table.notes.map(([label, value], i) => `<row r="${i + 1}">${textCell(`A${i + 1}`, label, 1)}${textCell(`B${i + 1}`, value)}</row>`);
  const ct = 'application/vnd.openxmlformats-officedocument';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${xmlEscape(main)}" sheetId="1" r:id="rId1"/><sheet name="${xmlEscape(notesName)}" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml(dataRows(table), true)),
    'xl/worksheets/sheet2.xml': strToU8(sheetXml(notes, false)),
  };
  return zipSync(files, { level: 6 });
}
