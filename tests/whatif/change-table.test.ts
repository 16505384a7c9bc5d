import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getSystem } from '../../src/systems/index.ts';
import { changeTable, weightDiffNoteTable, type NamedListChange } from '../../src/whatif/compare/index.ts';
import { toCsv, toXlsx } from '../../src/whatif/export/index.ts';

const system = getSystem('sichuan-2024')!;
const change = (o: Partial<NamedListChange>): NamedListChange => ({
  row: 0,
  change: 'enter',
  rankA: 120,
  rankB: 95,
  scopeRankA: 120,
  scopeRankB: 95,
  bandA: 0,
  bandB: 1,
  scoreA: 60.004999,
  scoreB: 61.125,
  stage: 0,
  techField: null,
  city: null,
  reasons: [{ kind: 'indicator', id: system.indicators[0].id, pointsA: 2, pointsB: 3.5, delta: 1.5 }],
  name: '=cmd|成都某某',
  uscc: '91510100MA6CGUGA1W',
  ...o,
});

describe('方案对比 enter/leave export', () => {
  const entries = [change({})];
  const exits = [change({ row: 1, change: 'exit', rankA: 90, rankB: 130, scoreA: 62, scoreB: 59.5, name: '乙公司', reasons: [] })];
  const table = changeTable(entries, exits, { system, reasonText: (r) => `R:${r.id}:${r.delta}`, nameA: '基准', nameB: '方案二', notes: [['对比 Comparison', 'A → B']] });

  it('entries then exits, with ranks, 2-decimal scores, the change and the reasons; the exact scores kept', () => {
    expect(table.columns.map((c) => c.header)).toEqual([
      '序号',
      '变动',
      '企业名称',
      '统一社会信用代码',
      '生命周期阶段',
      '名次（A：基准）',
      '名次（B：方案二）',
      '积分（A：基准）',
      '积分（B：方案二）',
      '积分变化（B − A）',
      '原因',
      '积分 A（精确值）',
      '积分 B（精确值）',
    ]);
    // 61.125 − 60.004999 = 1.120001 → 1.12; 60.004999 → 60; 61.125 → 61.13 (half away from zero).
    expect(table.rows[0]).toEqual([
      1,
      '进入名单',
      '=cmd|成都某某',
      '91510100MA6CGUGA1W',
      '初创期',
      120,
      95,
      60,
      61.13,
      1.12,
      `R:${system.indicators[0].id}:1.5`,
      60.004999,
      61.125,
    ]);
    expect(table.rows[1].slice(0, 3)).toEqual([2, '退出名单', '乙公司']);
    expect(table.rows[1][9]).toBe(-2.5);
    expect(table.rows[1][10]).toBe('');
  });

  it('hostile names stay text in CSV and XLSX (formula injection)', async () => {
    const csv = toCsv(table).slice(1).split('\r\n');
    expect(csv[0].startsWith('序号,变动,企业名称')).toBe(true);
    expect(csv[1]).toContain(",'=cmd|成都某某,");
    expect(csv[1]).toContain(',61.13,1.12,');
    const bytes = toXlsx(table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('进出名单')!;
    expect(ws.getCell('C2').value).toBe("'=cmd|成都某某");
    expect(ws.getCell('C2').formula).toBeUndefined();
    expect(ws.getCell('I2').value).toBe(61.13);
  });

  it('the weight differences as % and decimal', () => {
    const t = weightDiffNoteTable(system, [{ stage: system.stages[1].id, indicator: system.indicators[2].id, a: 0.05, b: 0.125, delta: 0.075 }], '基准', '方案二');
    expect(t.rows).toEqual([[system.stages[1].name.zh, system.indicators[2].name.zh, 5, 12.5, 0.05, 0.125]]);
  });
});
