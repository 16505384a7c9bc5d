import { describe, expect, it } from 'vitest';
import { buildDataset, MissingFieldError } from '../../src/data/build-dataset.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { rawTableFromRows } from '../../src/data/raw-table.ts';
import { plain } from '../helpers/arrays.ts';

// Valid codes, check characters worked by hand in uscc.test.ts:
const A = '91350100M000100Y43';
const B = '914403001922038216';
const C = '1000000000000000M0';
const E = '91510100000000000E';
// 91510100000000001: Σ = 110 (see uscc.test.ts) + 1·28 = 138; 138 mod 31 = 14; 31 − 14 = 17 → H.
const H = '91510100000000001H';
const Z = '000000000000000000';

const HEADERS = [
  '统一社会信用代码',
  '注册日期',
  '科技人员数量',
  '从业人员期末数',
  '具有研究生及以上学历人员',
  '研发费用（万元）',
  '营业收入',
  '高新技术产品收入',
  '主营业务属于重点支持的战略性新兴产业、未来产业',
];
const rows: (string | null)[][] = [
  HEADERS,
  /* row 2 */ [A, '2018-06-30', '60', '50', '3', '1,234.5', 'abc', '', '是'],
  /* row 3 */ [B, '2020-01-01', '1', '2', '0', '1', '1', '1', '否'],
  /* row 4 */ [' 91350100m000100y44', '2019-01-01', '1', '2', '0', '1', '1', '1', '否'],
  /* row 5 */ [B, '2021-01-01', '1', '2', '0', '1', '1', '1', '否'],
  /* row 6 */ ['', '2019-01-01', '1', '2', '0', '1', '1', '1', '否'],
  /* row 7 */ [C, '', '1', '2', '0', '1', '1', '1', '否'],
  /* row 8 */ [E, '2024-01-01', '1', '2', '0', '1', '1', '1', '否'],
  /* row 9 */ [H, '2023年13月1日', '1', '2', '0', '1', '1', '1', '否'],
  /* row 10 */ [Z, '2023-12-31', '2.5', '10', '12', '-3', '100', '200', 'maybe'],
  /* row 11 */ ['91350100M000100Y4', '2019-01-01', '1', '2', '0', '1', '1', '1', '否'],
  /* row 12 */ ['91350100I000100Y43', '2019-01-01', '1', '2', '0', '1', '1', '1', '否'],
];
// 2024-01-01 = 19723 days (parse-date.test.ts), so the as-of date 2023-12-31 = 19722.
const AS_OF = 19722;

function build() {
  const raw = rawTableFromRows(rows, { format: 'csv' });
  return buildDataset(raw, matchHeaders(raw.headers), { asOfDays: AS_OF });
}

describe('buildDataset: exclusions (scoring.md §1)', () => {
  const d = build();

  it('keeps only the scored rows, with their file row numbers', () => {
    expect(d.n).toBe(2);
    expect(d.totalRows).toBe(11);
    expect(plain(d.sourceRow)).toEqual([2, 10]);
    expect(d.text.uscc).toEqual([A, Z]);
    // 2018-06-30 = 17712 (parse-date.test.ts); 2023-12-31 = 19722: the as-of day itself is allowed.
    expect(plain(d.regDays)).toEqual([17712, 19722]);
  });

  it('gives every excluded row one reason, in row order', () => {
    expect(d.excluded.map((e) => [e.row, e.uscc, e.reason])).toEqual([
      [3, B, 'duplicate-key'],
      [4, '91350100M000100Y44', 'uscc-check-digit'],
      [5, B, 'duplicate-key'],
      [6, '', 'uscc-missing'],
      [7, C, 'registration-date-missing'],
      [8, E, 'registration-date-future'],
      [9, H, 'registration-date-invalid'],
      [11, '91350100M000100Y4', 'uscc-length'],
      [12, '91350100I000100Y43', 'uscc-charset'],
    ]);
  });

  it('messages name the row, the column as written, the value and what to do', () => {
    const byRow = new Map(d.excluded.map((e) => [e.row, e.message]));
    const check = byRow.get(4)!;
    expect(check.en).toContain('Row 4');
    expect(check.en).toContain('统一社会信用代码');
    expect(check.en).toContain('91350100m000100y44');
    expect(check.en).toContain('should be 3'); // 91350100M000100Y4 → 3 (uscc.test.ts)
    expect(check.zh).toContain('第 4 行');
    const dup = byRow.get(5)!;
    expect(dup.en).toContain('rows 3, 5');
    expect(dup.en).toContain('duplicate key');
    const future = byRow.get(8)!;
    expect(future.en).toContain('注册日期');
    expect(future.en).toContain('2024-01-01');
    expect(future.en).toContain('2023-12-31');
    expect(byRow.get(9)!.en).toContain('YYYY-MM-DD');
    expect(byRow.get(11)!.en).toContain('17 characters instead of 18');
  });
});

describe('buildDataset: values and warnings', () => {
  const d = build();

  it('parses numbers, counts and booleans into Float64Array columns (NaN = missing)', () => {
    expect(plain(d.columns.rd_expense)).toEqual([1234.5, -3]);
    expect(plain(d.columns.revenue)).toEqual([NaN, 100]);
    expect(plain(d.columns.high_tech_revenue)).toEqual([NaN, 200]);
    expect(plain(d.columns.tech_staff)).toEqual([60, 2.5]);
    expect(plain(d.columns.strategic_industry)).toEqual([1, NaN]);
    expect(d.columns.rd_expense).toBeInstanceOf(Float64Array);
  });

  it('warns about problems that keep the row, on scored rows only', () => {
    const got = d.warnings.map((w) => `${w.row} ${w.code} ${w.column}`).sort();
    expect(got).toEqual(
      [
        '2 not-a-number 营业收入',
        '2 tech-staff-exceeds-employees 科技人员数量', // 60 > 50
        '10 high-tech-revenue-exceeds-revenue 高新技术产品收入', // 200 > 100
        '10 negative 研发费用（万元）', // −3
        '10 not-a-boolean 主营业务属于重点支持的战略性新兴产业、未来产业',
        '10 not-a-count 科技人员数量', // 2.5
        '10 postgrad-exceeds-employees 具有研究生及以上学历人员', // 12 > 10
      ].sort(),
    );
    expect(d.warnings.map((w) => w.row)).toEqual([...d.warnings.map((w) => w.row)].sort((a, b) => a - b));
    const nan = d.warnings.find((w) => w.code === 'not-a-number')!;
    expect(nan.value).toBe('abc');
    expect(nan.message.en).toBe('Row 2, column "营业收入": "abc" is not a number and is treated as missing; enter a number or leave the cell empty.');
    const cross = d.warnings.find((w) => w.code === 'tech-staff-exceeds-employees')!;
    expect(cross.message.en).toContain('从业人员期末数');
    expect(cross.message.en).toContain('60');
    expect(cross.message.en).toContain('50');
  });

  it('duplicates are excluded even when they are the only rows', () => {
    const raw = rawTableFromRows(
      [
        ['uscc', 'registration_date'],
        [A, '2020-01-01'],
        [` ${A.toLowerCase()}`, '2020-01-01'],
      ],
      { format: 'csv' },
    );
    const r = buildDataset(raw, matchHeaders(raw.headers), { asOfDays: AS_OF });
    expect(r.n).toBe(0);
    expect(r.excluded.map((e) => [e.row, e.reason])).toEqual([
      [2, 'duplicate-key'],
      [3, 'duplicate-key'],
    ]);
  });

  it('throws MissingFieldError without the key columns', () => {
    const raw = rawTableFromRows([['企业名称'], ['x']], { format: 'csv' });
    expect(() => buildDataset(raw, matchHeaders(raw.headers), { asOfDays: AS_OF })).toThrow(MissingFieldError);
  });
});
