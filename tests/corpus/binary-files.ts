import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { baseCsv, baseRows, DATES, H, HEADERS, NAMES, RD } from './base.ts';

/** The XLSX and Parquet files of the corpus (written by scripts/make-corpus.ts). */
const col = (h: string) => HEADERS.indexOf(h) + 1;

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An export as Excel writes it: a merged title row over the header, dates as date cells. */
export async function titleMergedXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业数据');
  ws.addRow(['创新积分制数据样表（2023年度）']);
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.addRow(HEADERS);
  baseRows().forEach((r, i) => {
    const added = ws.addRow(r.map((c) => (c !== '' && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c === '' ? null : c)));
    added.getCell(col(H.uscc)).value = r[col(H.uscc) - 1]; // codes stay text
    added.getCell(col(H.reg)).value = new Date(`${DATES[i]}T00:00:00Z`);
  });
  return bytes(wb);
}

/** 研发费用 as formulas with cached results (=60*2 → 120 …). */
export async function formulasXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(HEADERS);
  baseRows().forEach((r, i) => {
    const added = ws.addRow(r);
    added.getCell(col(H.rd)).value = { formula: `${RD[i]}*2/2`, result: Number(RD[i]) };
  });
  return bytes(wb);
}

/** Registration dates as Excel serial numbers (numbers) and as text in the same column. */
export async function datesSerialXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(HEADERS);
  const serials = [43983, 42078, '2008-11-30', 44206, '2019年7月7日']; // 2020-06-01, 2015-03-15, …, 2021-01-10
  baseRows().forEach((r, i) => {
    const added = ws.addRow(r);
    added.getCell(col(H.reg)).value = serials[i];
  });
  return bytes(wb);
}

/** A notes sheet first, the data on the second sheet. */
export async function twoSheetsXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表由某市科技局导出']);
  const ws = wb.addWorksheet('数据');
  ws.addRow(HEADERS);
  for (const r of baseRows()) ws.addRow(r);
  return bytes(wb);
}

export const notAWorkbook = (): Uint8Array => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('this is not a zip archive at all')]);

/** A Parquet file with typed columns (DATE, DOUBLE) written by native DuckDB. */
export async function typedParquet(path: string, csvPath: string): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(csvPath, baseCsv());
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const q = (s: string) => s.replace(/'/g, "''");
    await c.run(
      `COPY (SELECT * REPLACE (CAST("${H.reg}" AS DATE) AS "${H.reg}", CAST("${H.rd}" AS DOUBLE) AS "${H.rd}") FROM read_csv('${q(csvPath)}', header=true, all_varchar=true)) TO '${q(path)}' (FORMAT parquet)`,
    );
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** One sheet: the header, then the base rows as text, each passed through `edit` (1-based columns). */
async function sheetOf(edit: (r: ExcelJS.Row, k: number) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(HEADERS);
  baseRows().forEach((r, k) => edit(ws.addRow(r.map((c) => (c === '' ? null : c))), k));
  return bytes(wb);
}

/**
 * Issue 9, class 2: formulas whose cached results are strings (a number as text) and a name built
 * by a formula. (A formula cached as '' is not here: exceljs reads `<v></v>` as no cached value,
 * so it is reported like an uncalculated formula; see the closing note.)
 */
export const formulaCachedStringXlsx = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    r.getCell(col(H.rd)).value = { formula: `TEXT(${RD[k]},"0.0")`, result: RD[k] };
    r.getCell(col(H.name)).value = { formula: `"${NAMES[k]}"`, result: NAMES[k] };
  });

/** Formulas cached as errors (#DIV/0!, #REF!) and a plain error cell (#VALUE!): each reported, never read as empty. */
export const formulaCachedErrorXlsx = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    if (k === 0) r.getCell(col(H.rd)).value = { formula: '1/0', result: { error: '#DIV/0!' } };
    if (k === 1) r.getCell(col(H.revenue)).value = { formula: 'Sheet2!A1', result: { error: '#REF!' } };
    if (k === 2) r.getCell(col(H.tech)).value = { error: '#VALUE!' };
  });

/** A formula never calculated (no cached value): reported, quoting the formula. */
export const formulaNoCacheXlsx = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    if (k === 0) r.getCell(col(H.rd)).value = { formula: '60*2' } as ExcelJS.CellFormulaValue;
  });

/** The veto as formulas cached TRUE / FALSE: the TRUE row is vetoed. */
export const formulaCachedBoolXlsx = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    r.getCell(col(H.veto)).value = { formula: k === 1 ? '1=1' : '1=0', result: k === 1 };
  });

/** Issue 9, class 3 in XLSX: a value beyond the last header (row 3), a blank beyond it (row 4). */
export const xlsxBeyondHeader = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    if (k === 1) r.getCell(HEADERS.length + 1).value = '其他';
    if (k === 2) r.getCell(HEADERS.length + 2).value = '   ';
  });

/** An XLSX row with only its first three cells (the rest absent = empty, nothing can shift). */
export const xlsxShortRow = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    if (k === 1) for (let j = 4; j <= HEADERS.length; j++) r.getCell(j).value = null;
  });

/** Class 1 in XLSX: a 400-digit text cell in a money column. */
export const xlsxOverflowText = (): Promise<Uint8Array> =>
  sheetOf((r, k) => {
    if (k === 0) r.getCell(col(H.rd)).value = `9${'9'.repeat(399)}`;
  });
