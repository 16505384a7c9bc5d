import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/whatif/export/index.ts';
import { buildList, STAGE_BANDS, type ListEntry } from '../../src/whatif/lists/index.ts';
import { publicationPack } from '../../src/whatif/lists/publication-pack.ts';
import { preparedFor, randomData, scored, twoStageSystem } from './fixtures.ts';

describe('publication pack (公示包)', () => {
  const system = twoStageSystem(3);
  const { columns, stage } = randomData(200, 3, 4);
  const s = scored(preparedFor(system, columns, stage));
  const { entries } = buildList(s.prepared, s.result, STAGE_BANDS);
  const usccs = Array.from({ length: 200 }, (_, i) => `U${i}`);
  // Rows divisible by 7 carry a data flag.
  const flagText = (r: number) => (r % 7 === 0 ? '研发费用缺失' : '');
  const pack = publicationPack(entries, { system, result: s.result, stage, usccs, flagText }, { rule: STAGE_BANDS, notes: [['方案 Scenario', '测试']] });

  it('holds the whole list, then one sheet per stage and tier with exactly its enterprises, numbered from 1', () => {
    expect(pack.name).toBe('公示名单');
    expect(pack.rows.length).toBe(entries.length);
    // Expected parts from the entries themselves, in list order: stage name (from the system) + tier.
    const tier = ['领跑', '竞跑', '进取'];
    const stageName = (id: string) => system.stages.find((x) => x.id === id)!.name.zh;
    const expected = new Map<string, ListEntry[]>();
    for (const e of entries) {
      const k = `${stageName(e.group)}-${tier[e.band - 1]}`;
      expected.set(k, [...(expected.get(k) ?? []), e]);
    }
    const parts = pack.sheets!.slice(0, -2);
    expect(parts.map((p) => p.name)).toEqual([...expected.keys()]);
    const usccCol = pack.columns.findIndex((c) => c.header === '统一社会信用代码');
    for (const p of parts) {
      const want = expected.get(p.name)!;
      expect(p.rows.map((r) => r[usccCol])).toEqual(want.map((e) => usccs[e.row]));
      expect(p.rows.map((r) => r[0])).toEqual(want.map((_, i) => i + 1));
      expect(p.columns).toEqual(pack.columns);
    }
    expect(parts.reduce((n, p) => n + p.rows.length, 0)).toBe(entries.length);
  });

  it('publishes the data flags of the listed enterprises, and an empty objections register', () => {
    const [flags, objections] = pack.sheets!.slice(-2);
    expect(flags.name).toBe('数据提示');
    const usccCol = flags.columns.findIndex((c) => c.header === '统一社会信用代码');
    expect(flags.rows.map((r) => r[usccCol])).toEqual(entries.filter((e) => e.row % 7 === 0).map((e) => usccs[e.row]));
    expect(flags.rows.every((r) => r[r.length - 1] === '研发费用缺失')).toBe(true);
    expect(objections.name).toBe('异议登记');
    expect(objections.rows).toEqual([]);
    expect(objections.columns.map((c) => c.header)).toEqual([
      '序号',
      '统一社会信用代码',
      '企业名称',
      '提出日期',
      '异议人及联系方式',
      '异议理由',
      '核查情况',
      '处理结果',
      '处理日期',
      '经办人',
    ]);
    expect(pack.notes.some(([k]) => k === '公示包 Publication pack')).toBe(true);
  });

  it('writes one XLSX whose sheets are the parts, then the notes', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const bytes = toXlsx(pack);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['公示名单', ...pack.sheets!.map((x) => x.name), '方案说明']);
    expect(wb.getWorksheet('异议登记')!.rowCount).toBe(1);
  });
});
