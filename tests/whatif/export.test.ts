import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';
import { effectiveWeights } from '../../src/engine/index.ts';
import {
  columnName,
  columnWidths,
  localDateTime,
  normalizationText,
  provenanceNotes,
  roundForDisplay,
  safeText,
  sheetName,
  textWidth,
  toCsv,
  toCsvBytes,
  toNotesCsv,
  toXlsx,
  weightsHash,
  weightsNoteTable,
  xmlSafe,
  type ExportTable,
} from '../../src/whatif/export/index.ts';

const hostile = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("http://evil","x")'];

const system = getSystem('sichuan-2024')!;
const notes = provenanceNotes({
  system,
  weights: effectiveWeights(system),
  normalization: { method: 'winsorized-minmax', lowerQuantile: 0.01, upperQuantile: 0.99 },
  scenarioName: '=基准方案',
  datasetName: 'demo.csv',
  exportedAt: '2024-06-01 16:00:00 UTC+08:00',
  listDescription: '领跑/竞跑/进取',
  rows: 3,
  quality: ['=科技人员数 大于 从业人员数（同类共 2 处）'],
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
  noteTables: [weightsNoteTable(system, effectiveWeights(system))],
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
  it('starts with a UTF-8 BOM and then the header row; quotes and protects cells, keeps numbers numeric', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Array.from(toCsvBytes(table).subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('企业名称,积分,统一社会信用代码');
    expect(lines[1]).toBe("'=1+1,87.123456789012,91510100MA6CGUGA1W");
    expect(csv).toContain('"成都某某科技有限公司, ""引号""\n换行",-3.5,\'-5');
    expect(csv).toContain("\r\n,,'@x\r\n");
    expect(csv).toContain('普通,,ok\u0001bad');
    expect(csv).not.toContain('方案 Scenario');
  });
  it('writes a column with decimals as shown: 85.1 → "85.10"', () => {
    const t: ExportTable = { name: 'x', columns: [{ header: '积分', kind: 'number', decimals: 2 }], rows: [[85.1], [3]], notes: [] };
    expect(toCsv(t)).toBe('\uFEFF积分\r\n85.10\r\n3.00\r\n');
  });
  it('the notes CSV holds the provenance and the weights, protected', () => {
    const n = toNotesCsv(table).slice(1).split('\r\n');
    expect(n[0]).toBe("方案 Scenario,'=基准方案");
    expect(n).toContain(`权重指纹 Weights hash,${weightsHash(system, effectiveWeights(system))}`);
    expect(n).toContain('无量纲化方法 Normalisation,基于极端值调整的极值法（下分位数 1%，上分位数 99%）');
    expect(n).toContain("数据提示 Data quality,'=科技人员数 大于 从业人员数（同类共 2 处）");
    expect(n).toContain('阶段,指标类别,指标,权重（%）,权重（小数）');
  });
});

describe('exports in English', () => {
  const en = provenanceNotes(
    {
      system,
      weights: effectiveWeights(system),
      normalization: { method: 'winsorized-minmax', lowerQuantile: 0.01, upperQuantile: 0.99 },
      scenarioName: 'Baseline',
      datasetName: 'demo.csv',
      exportedAt: '2024-06-01 16:00:00 UTC+08:00',
    },
    'en',
  );
  it('note values, the method and the weights table in English; labels stay bilingual', () => {
    const map = new Map(en);
    expect(map.get('指标体系 System')).toBe('Sichuan enterprise innovation points system (2024) (2024 edition)');
    expect(map.get('无量纲化方法 Normalisation')).toBe('Winsorised min–max (lower quantile 1%, upper quantile 99%)');
    expect(normalizationText({ method: 'zscore', lowerQuantile: 0, upperQuantile: 1 }, 'en')).toBe('Z-score');
    const w = weightsNoteTable(system, effectiveWeights(system), 'en');
    expect(w.title).toBe('Weights per stage');
    expect(w.columns.map((c) => c.header)).toEqual(['Stage', 'Indicator class', 'Indicator', 'Weight (%)', 'Weight (decimal)']);
    expect(w.rows[0][0]).toBe(system.stages[0].name.en);
    expect(w.rows.at(-1)![2]).toBe('Total');
  });
  it('the XLSX notes sheet takes the name given', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      toXlsx({ name: 'Points list', notesName: 'Scenario notes', columns: [{ header: 'No.', kind: 'number' }], rows: [[1]], notes: en }) as unknown as ArrayBuffer,
    );
    expect(wb.worksheets.map((x) => x.name)).toEqual(['Points list', 'Scenario notes']);
  });
});

describe('provenance', () => {
  it('local date-time with its offset (hand-computed)', () => {
    const d = new Date(Date.UTC(2024, 5, 1, 8, 0, 0)); // 08:00 UTC
    expect(localDateTime(d, 480)).toBe('2024-06-01 16:00:00 UTC+08:00');
    expect(localDateTime(d, 480, 'Asia/Shanghai')).toBe('2024-06-01 16:00:00 UTC+08:00（Asia/Shanghai）');
    expect(localDateTime(d, -570)).toBe('2024-05-31 22:30:00 UTC-09:30');
    expect(localDateTime(new Date(Date.UTC(2024, 11, 31, 20, 5, 9)), 300)).toBe('2025-01-01 01:05:09 UTC+05:00');
  });
  it('names the method in Chinese with its parameters only where it reads them', () => {
    expect(normalizationText({ method: 'winsorized-minmax', lowerQuantile: 0.025, upperQuantile: 0.975 })).toBe('基于极端值调整的极值法（下分位数 2.5%，上分位数 97.5%）');
    expect(normalizationText({ method: 'zscore', lowerQuantile: 0, upperQuantile: 1 })).toBe('标准化（Z分数）');
  });
  it('notes: system with source, no internal method id', () => {
    const map = new Map(notes);
    expect(map.get('指标体系 System')).toBe('四川省企业创新积分评价指标体系（2024）（2024 版）');
    expect(map.get('体系来源 Source')).toBe('001_e9a526622d7f696a.txt');
    expect(notes.flat().join('|')).not.toContain('winsorized-minmax');
  });
  it('the weights table lists every stage × indicator weight as % and decimal, with stage sums', () => {
    const w = effectiveWeights(system);
    const t = weightsNoteTable(system, w);
    const k = system.indicators.length;
    expect(t.rows).toHaveLength(system.stages.length * (k + 1));
    // 初创期's first indicator, read from the system definition (not from the code under test).
    const first = system.indicators[0];
    const published = first.weights[system.stages[0].id];
    expect(t.rows[0]).toEqual([
      system.stages[0].name.zh,
      system.classes.find((c) => c.id === first.classId)!.name.zh,
      first.name.zh,
      Number((published * 100).toFixed(2)),
      published,
    ]);
    for (let s = 0; s < system.stages.length; s++) expect(t.rows[s * (k + 1) + k].slice(2, 4)).toEqual(['合计', 100]);
  });
  it('roundForDisplay rounds as the screen does (half away from zero on the decimal value)', () => {
    // The screen (Intl.NumberFormat) rounds the shortest decimal form: 1.005 → 1.01, not toFixed's 1.00.
    expect(roundForDisplay(1.005)).toBe(1.01);
    expect(roundForDisplay(2.675)).toBe(2.68);
    expect(roundForDisplay(33.335)).toBe(33.34);
    expect(roundForDisplay(0.125)).toBe(0.13); // exact tie → away from zero
    expect(roundForDisplay(-0.125)).toBe(-0.13);
    expect(roundForDisplay(87.123456)).toBe(87.12);
    expect(roundForDisplay(NaN)).toBeNaN();
    for (const x of [1.005, 2.675, 0.125, 87.126, 33.335])
      expect(roundForDisplay(x).toFixed(2)).toBe(new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x));
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
    expect(meta.getCell('B2').value).toBe('四川省企业创新积分评价指标体系（2024）（2024 版）');
    // Below the notes, an empty row, the weights block's title, its header and rows (numbers numeric).
    const title = notes.length + 2;
    expect(meta.getCell(`A${title}`).value).toBe('各阶段权重');
    expect(meta.getRow(title + 1).values).toEqual([undefined, '阶段', '指标类别', '指标', '权重（%）', '权重（小数）']);
    expect(typeof meta.getCell(`E${title + 2}`).value).toBe('number');
    expect(meta.getCell(`D${title + 2}`).numFmt).toBe('0.00');
    // Column widths are set on both sheets.
    for (const j of [1, 2, 3]) expect(sheet.getColumn(j).width).toBeGreaterThanOrEqual(6);
    expect(sheet.getColumn(3).width).toBe(textWidth('91510100MA6CGUGA1W') + 2);
    expect(meta.getColumn(1).width).toBeGreaterThan(10);
  });

  it('column widths: CJK counts twice, clamped to [6, 60]', () => {
    expect(textWidth('企业名称')).toBe(8);
    expect(textWidth('ab')).toBe(2);
    expect(
      columnWidths(
        [
          { header: '企业名称', kind: 'text' },
          { header: 'x', kind: 'number', decimals: 2 },
          { header: 'y', kind: 'text' },
        ],
        [['a', 1, 'z'.repeat(100)]],
      ),
    ).toEqual([10, 6, 60]);
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

describe('the segment line of the notes', () => {
  const base = {
    system,
    weights: effectiveWeights(system),
    normalization: { method: 'winsorized-minmax' as const, lowerQuantile: 0.01, upperQuantile: 0.99 },
    scenarioName: 'A',
    datasetName: 'demo.csv',
    exportedAt: '2024-06-01 16:00:00 UTC+08:00',
  };
  it('says whose scores a score range tested, and only for a condition that names score', () => {
    const withScore = provenanceNotes({ ...base, segment: "city = '成都市' AND score >= 60" });
    const at = withScore.findIndex(([k]) => k === '细分范围 Segment');
    expect(withScore[at + 1]).toEqual(['', '条件中的得分是应用细分范围时屏幕上方案的得分（全部企业评分，含加分，清零企业为 0），不一定是本文件所用方案的得分。']);
    const plain = provenanceNotes({ ...base, segment: "city = '成都市'" });
    expect(plain.length).toBe(withScore.length - 1);
    // A column that only contains the word is not `score`.
    expect(provenanceNotes({ ...base, segment: 'rd_expense > 0' }).length).toBe(plain.length);
  });
});
