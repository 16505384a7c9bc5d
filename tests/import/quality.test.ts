import { describe, expect, it } from 'vitest';
import { buildDataset, matchHeaders, rawTableFromRows, validationReport, validationReportCsv, protectCell, type RawTable } from '../../src/data/index.ts';
import { daysFromCivil } from '../../src/engine/calendar.ts';
import { makeUscc } from '../../src/data/uscc.ts';
import { V } from '../corpus/base.ts';

const ASOF = daysFromCivil(2023, 12, 31);
const HEAD = ['统一社会信用代码', '企业名称', '注册日期', '2023年度研发费用（万元）', '2023年度营业收入', '2023年度企业技术合同成交额', '2023年度高新技术产品收入'];

function table(rows: string[][]): RawTable {
  return rawTableFromRows([HEAD, ...rows], { format: 'csv' });
}
function report(rows: string[][], keepInvalidUscc = false) {
  const raw = table(rows);
  const mapping = matchHeaders(raw.headers, { required: ['uscc', 'registration_date'] });
  const ds = buildDataset(raw, mapping, { asOfDays: ASOF, keepInvalidUscc });
  return validationReport(ds, (f) => (mapping.fields[f] === undefined ? undefined : raw.headers[mapping.fields[f]]));
}
const codes = (r: ReturnType<typeof report>) => r.entries.map((e) => [e.code, e.row ?? null]);

describe('validation report', () => {
  it('lists exclusions with the user row numbers and counts them', () => {
    const r = report([
      [V[0], '甲', '2020-01-01', '10', '100', '1', '1'],
      [V[0], '甲2', '2020-01-01', '10', '100', '1', '1'],
      [V[1], '乙', '2030-01-01', '10', '100', '1', '1'],
      [V[2], '丙', '2019-01-01', '10', '100', '1', '1'],
    ]);
    expect([r.totalRows, r.scoredRows, r.excludedRows]).toEqual([4, 1, 3]);
    expect(codes(r).filter(([c]) => c === 'duplicate-key' || c === 'registration-date-future')).toEqual([
      ['duplicate-key', 2],
      ['duplicate-key', 3],
      ['registration-date-future', 4],
    ]);
    const future = r.entries.find((e) => e.code === 'registration-date-future')!;
    expect(future.column).toBe('注册日期');
    expect(future.message.zh).toContain('第 4 行「注册日期」');
  });

  it('keeps rows with an invalid code when asked, flagged', () => {
    const rows = [
      ['BAD', '甲', '2020-01-01', '10', '100', '1', '1'],
      [V[1], '乙', '2020-01-01', '20', '100', '1', '1'],
    ];
    expect(report(rows).scoredRows).toBe(1);
    const kept = report(rows, true);
    expect([kept.scoredRows, kept.excludedRows, kept.flaggedRows]).toEqual([2, 0, 1]);
    const flag = kept.entries.find((e) => e.kind === 'flag')!;
    expect(flag).toMatchObject({ row: 2, column: '统一社会信用代码', value: 'BAD', code: 'uscc-length' });
    expect(flag.message.en).toContain('scored and flagged');
  });

  it('warns about units that look like 元, extreme values, R&D far above revenue and missing cells', () => {
    const rows = V.map((code, k) => [code, `企业${k}`, '2020-01-01', String((k + 1) * 1_000_000), String(1000 + k), String(10 + k), '']);
    const r = report(rows);
    const got = codes(r);
    expect(got).toContainEqual(['unit-suspect', null]);
    expect(got).toContainEqual(['missing-values', null]);
    expect(got.filter(([c]) => c === 'rd-far-above-revenue').length).toBe(5);
    const unit = r.entries.find((e) => e.code === 'unit-suspect')!;
    expect(unit.column).toBe('2023年度研发费用（万元）');
    expect(unit.message.zh).toContain('元');
  });

  it('flags a value far beyond the winsorisation caps', () => {
    const rows = Array.from({ length: 200 }, (_, k) => [
      makeUscc(`91510100MA${String(k + 10).padStart(7, '0')}`),
      `企业${k}`,
      '2020-01-01',
      String(100 + (k % 50)),
      '1000',
      String(5 + (k % 7)),
      '1',
    ]);
    rows[7][5] = '99999999';
    const r = report(rows);
    const ext = r.entries.filter((e) => e.code === 'extreme-value');
    expect(ext.map((e) => [e.row, e.column])).toEqual([[9, '2023年度企业技术合同成交额']]);
  });

  it('CSV: BOM, quoting, and formula-injection protection', () => {
    expect(protectCell('=1+1')).toBe("'=1+1");
    expect(protectCell('-5')).toBe("'-5");
    expect(protectCell('@x')).toBe("'@x");
    expect(protectCell('\tx')).toBe("'\tx");
    expect(protectCell('普通')).toBe('普通');
    const r = report([['=HYPERLINK("x")', '甲', '2020-01-01', '10', '100', '1', '1']]);
    const text = validationReportCsv(r);
    expect(text.startsWith('\uFEFF类型 kind,行号 row')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""X"")"`);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
  });
});
