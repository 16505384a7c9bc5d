import { zipSync, strToU8 } from 'fflate';
import { safeText, xmlEscape } from './cell-safety.ts';
import { cellNumber, cellText, type Cell, type ExportColumn, type ExportTable } from './table.ts';

/**
 * A minimal XLSX (Office Open XML SpreadsheetML) writer on fflate's zip. Why not exceljs: its
 * browser bundle is ~1 MB minified and needs Node polyfills (stream, buffer) under Vite, while
 * this file is ~100 lines, runs unchanged in a worker, and writes exactly what we need: data
 * sheets (header row frozen and bold, text as inline strings, numbers as numbers shown with their
 * column's decimals, column widths fitted to the content) and a notes sheet 方案说明 stating what
 * produced the file (label/value lines, then note tables such as the weights). exceljs reads the
 * result back in the tests.
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

/** Cell styles (cellXfs of STYLES): 0 plain, 1 bold, 2 two decimals, 3 four decimals. */
const BOLD = 1;
const numberStyle = (c: ExportColumn) => (c.decimals === 2 ? 2 : c.decimals === 4 ? 3 : 0);

function numberCell(ref: string, v: number, style: number): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u;

/** Display width of text in Excel's character units: CJK and other wide characters count 2. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Rows looked at to fit column widths (a million-row list needs no more to size its columns). */
const WIDTH_SAMPLE = 2000;

const shownNumber = (c: ExportColumn, v: Cell) => {
  const x = cellNumber(v);
  return x === null ? '' : c.decimals ? x.toFixed(c.decimals) : String(x);
};

/** Column widths fitted to the header and the first rows' shown text, within [6, 60]. */
export function columnWidths(columns: ExportColumn[], rows: Cell[][]): number[] {
  return columns.map((c, j) => {
    let w = textWidth(c.header);
    for (let i = 0; i < rows.length && i < WIDTH_SAMPLE; i++) {
      const shown = c.kind === 'number' ? shownNumber(c, rows[i][j]) : cellText(rows[i][j]).split('\n')[0];
      w = Math.max(w, textWidth(shown));
    }
    return Math.min(60, Math.max(6, w + 2));
  });
}

function colsXml(widths: number[]): string {
  if (widths.length === 0) return '';
  return `<cols>${widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
}

function sheetXml(rows: string[], frozenHeader: boolean, widths: number[]): string {
  const pane = frozenHeader ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' : '';
  return `${XML}<worksheet xmlns="${NS}">${pane}${colsXml(widths)}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Rows of a header + data block starting at sheet row `first` (1-based). */
function blockRows(columns: ExportColumn[], rows: Cell[][], first: number): string[] {
  const out: string[] = [];
  out.push(`<row r="${first}">${columns.map((c, j) => textCell(`${columnName(j)}${first}`, c.header, BOLD)).join('')}</row>`);
  rows.forEach((row, i) => {
    const r = first + 1 + i;
    let cells = '';
    columns.forEach((c, j) => {
      const ref = `${columnName(j)}${r}`;
      if (c.kind === 'number') {
        const v = cellNumber(row[j]);
        if (v !== null) cells += numberCell(ref, v, numberStyle(c));
      } else {
        const t = cellText(row[j]);
        if (t !== '') cells += textCell(ref, t);
      }
    });
    out.push(`<row r="${r}">${cells}</row>`);
  });
  return out;
}

/** The 方案说明 sheet: label/value lines, then each note table after an empty row and its title. */
function notesSheet(table: ExportTable): string {
  const rows = table.notes.map(([label, value], i) => `<row r="${i + 1}">${textCell(`A${i + 1}`, label, BOLD)}${textCell(`B${i + 1}`, value)}</row>`);
  const widths = [0, 0];
  for (const [label, value] of table.notes) {
    widths[0] = Math.max(widths[0], textWidth(label) + 2);
    widths[1] = Math.max(widths[1], textWidth(value) + 2);
  }
  let next = table.notes.length + 2; // an empty row before each block
  for (const t of table.noteTables ?? []) {
    rows.push(`<row r="${next}">${textCell(`A${next}`, t.title, BOLD)}</row>`);
    rows.push(...blockRows(t.columns, t.rows, next + 1));
    columnWidths(t.columns, t.rows).forEach((w, j) => (widths[j] = Math.max(widths[j] ?? 0, w)));
    next += 3 + t.rows.length;
  }
  return sheetXml(
    rows,
    false,
    Array.from(widths, (w) => Math.min(80, Math.max(6, w ?? 6))),
  );
}

const STYLES = `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export const NOTES_SHEET = '方案说明';

/** The XLSX file as bytes: the main sheet, any further sheets, then the notes sheet. */
export function toXlsx(table: ExportTable): Uint8Array {
  const data = [{ name: table.name, columns: table.columns, rows: table.rows }, ...(table.sheets ?? [])];
  const names: string[] = [];
  for (const [i, s] of data.entries()) names.push(uniqueName(sheetName(s.name, `Sheet${i + 1}`), names));
  names.push(uniqueName(sheetName(table.notesName ?? NOTES_SHEET, NOTES_SHEET), names));
  const ct = 'application/vnd.openxmlformats-officedocument';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="${PKG_REL}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  data.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(blockRows(s.columns, s.rows, 1), true, columnWidths(s.columns, s.rows)))));
  files[`xl/worksheets/sheet${names.length}.xml`] = strToU8(notesSheet(table));
  return zipSync(files, { level: 6 });
}

/** Excel refuses two sheets of one name: a repeat gets 2, 3, … appended. */
function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  for (let i = 2; ; i++) {
    const n = `${name.slice(0, 30 - String(i).length)}${i}`;
    if (!taken.includes(n)) return n;
  }
}
