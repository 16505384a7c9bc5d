import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';
import { effectiveWeights } from '../../src/engine/index.ts';
import { columnName, provenanceNotes, safeText, sheetName, toCsv, toCsvBytes, toXlsx, weightsHash, xmlSafe, type ExportTable } from '../../src/whatif/export/index.ts';

const hostile = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://evil","x")'];

const system = getSystem('sichuan-2024')!;
const notes = provenanceNotes({
  system,
  weights: effectiveWeights(system),
  normalization: { method: 'winsorized-minmax', lowerQuantile: 0.01, upperQuantile: 0.99 },
  scenarioName: '=基准方案',
  datasetName: 'demo.csv',
  exportedAt: '2024-06-01T08:00:00Z',
  listDescription: '领跑/竞跑/进取',
  rows: 3,
});

const table: ExportTable = {
  name: '积分榜',
  columns: [
    { header: '企业名称', kind: 'text' },
    { header: '积分', kind: 'number' },
    { header: '统一社会信用代码', kind: 'text' },
  ],
  rows: [
    [hostile[0], 87.123456789012, '91510100MA6CGUGA1W'],
    ['成都某某科技有限公司, "引号"\n换行', -3.5, '-5'],
    [null, NaN, '@x'],
    ['普通', Infinity, 'ok\u0001bad'],
  ],
  notes,
};

describe('formula-injection protection', () => {
  it('prefixes every dangerous first character, leaves others alone', () => {
    for (const h of hostile) expect(safeText(h)).toBe(`'${h}`);
    for (const ok of ['', '成都', 'a=b', ' =x', "'=x", '1.5']) expect(safeText(ok)).toBe(ok);
  });
  it('strips characters XML cannot hold', () => {
    expect(xmlSafe('a\u0000b\u0008c\td\ne\uFFFEf\uD800g')).toBe('abc\td\nefg');
    expect(xmlSafe('😀')).toBe('😀');
  });
});

describe('CSV export', () => {
  const csv = toCsv(table);
  it('starts with a UTF-8 BOM, states the scenario, quotes and protects cells, keeps numbers numeric', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Array.from(toCsvBytes(table).subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe("方案 Scenario,'=基准方案");
    expect(csv).toContain(`权重指纹 Weights hash,${weightsHash(system, effectiveWeights(system))}`);
    expect(csv).toContain('sichuan-2024');
    const header = lines.indexOf('企业名称,积分,统一社会信用代码');
    expect(header).toBe(notes.length + 1);
    expect(lines[header + 1]).toBe("'=1+1,87.123456789012,91510100MA6CGUGA1W");
    expect(csv).toContain('"成都某某科技有限公司, ""引号""\n换行",-3.5,\'-5');
    expect(csv).toContain("\r\n,,'@x\r\n");
    expect(csv).toContain('普通,,ok\u0001bad');
  });
});

describe('XLSX export', () => {
  it('round-trips through exceljs: text protected, numbers numeric, notes sheet present', async () => {
    const bytes = toXlsx(table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('积分榜')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '企业名称', '积分', '统一社会信用代码']);
    expect(sheet.getCell('A2').value).toBe("'=1+1");
    expect(sheet.getCell('B2').value).toBe(87.123456789012);
    expect(typeof sheet.getCell('B3').value).toBe('number');
    expect(sheet.getCell('B3').value).toBe(-3.5);
    expect(sheet.getCell('C3').value).toBe("'-5");
    expect(sheet.getCell('A3').value).toBe('成都某某科技有限公司, "引号"\n换行');
    expect(sheet.getCell('A4').value).toBeNull();
    expect(sheet.getCell('B4').value).toBeNull();
    expect(sheet.getCell('C5').value).toBe('okbad');
    for (const row of [2, 3, 4, 5]) expect(sheet.getCell(`A${row}`).formula).toBeUndefined();
    const meta = wb.getWorksheet('方案说明')!;
    expect(meta.getCell('A1').value).toBe('方案 Scenario');
    expect(meta.getCell('B1').value).toBe("'=基准方案");
    expect(meta.getCell('B2').value).toContain('sichuan-2024');
  });

  it('helpers: column letters and sheet names', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(sheetName('a/b:c[d]*?', 'S')).toBe('a b c d');
    expect(sheetName('', 'S')).toBe('S');
    expect(sheetName('x'.repeat(40), 'S')).toHaveLength(31);
  });

  it('an empty table still makes a valid workbook', async () => {
    const bytes = toXlsx({ name: '空', columns: [], rows: [], notes: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['空', '方案说明']);
  });

  it('weightsHash changes with any weight', () => {
    const w = effectiveWeights(system);
    const h = weightsHash(system, w);
    expect(h).toMatch(/^[0-9a-f]{14}$/);
    const w2 = w.slice();
    w2[5] += 1e-9;
    expect(weightsHash(system, w2)).not.toBe(h);
  });
});
