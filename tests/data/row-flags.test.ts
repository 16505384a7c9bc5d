import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/build-dataset.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { rawTableFromRows } from '../../src/data/raw-table.ts';
import { computeRowFlags, flagCellText, flaggedMask, rowFlagMessages } from '../../src/data/row-flags.ts';
import { RankingFilter } from '../../src/analysis/ranking-filter.ts';
import { DEFAULT_QUERY } from '../../src/state/ranking-query.ts';
import { plain } from '../helpers/arrays.ts';

// Valid codes, check characters worked by hand in uscc.test.ts / build-dataset.test.ts.
const A = '91350100M000100Y43';
const B = '914403001922038216';
const C = '1000000000000000M0';
const E = '91510100000000000E';
const H = '91510100000000001H';
const Z = '000000000000000000';

const HEADERS = ['统一社会信用代码', '注册日期', '科技人员数量', '从业人员期末数', '研发费用（万元）', '营业收入'];
// Flags worked out by hand (scored index = file row − 2, every row is scored):
//   row 2: 科技人员 60 > 从业人员 50
//   row 3: 研发费用 "abc" is not a number
//   row 4: 科技人员 30 > 从业人员 20, and 研发费用 −3 is negative
//   row 5: none
//   row 6: 科技人员 5 > 从业人员 4
//   row 7: 研发费用 50 > 10 × 营业收入 2 (quality check). No value is an extreme: e.g. 科技人员
//          sorted 1,1,1,5,30,60 has Q(0.01) = 1, Q(0.99) = 30 + 0.95·30 = 58.5, so nothing lies
//          beyond 58.5 + 10·57.5.
const rows: (string | null)[][] = [
  HEADERS,
  [A, '2018-06-30', '60', '50', '1', '1'],
  [B, '2019-01-01', '1', '2', 'abc', '1'],
  [C, '2019-01-01', '30', '20', '-3', '1'],
  [E, '2019-01-01', '1', '2', '1', '1'],
  [H, '2019-01-01', '5', '4', '1', '1'],
  [Z, '2019-01-01', '1', '2', '50', '2'],
];
const AS_OF = 19722; // 2023-12-31

function build() {
  const raw = rawTableFromRows(rows, { format: 'csv' });
  const mapping = matchHeaders(raw.headers);
  // One kept example per kind: the flags must still name every flagged row.
  const ds = buildDataset(raw, mapping, { asOfDays: AS_OF, warningsPerKind: 1 });
  const headerOf = (f: string) => (mapping.fields[f] === undefined ? undefined : raw.headers[mapping.fields[f]]);
  return { ds, ...computeRowFlags(ds, headerOf) };
}

describe('computeRowFlags: every flagged scored row, not only the kept examples', () => {
  const { ds, flags } = build();
  const zh = (r: number) => rowFlagMessages(flags, ds.columns, r).map((m) => m.zh);

  it('keeps one warning example per kind, but flags all rows', () => {
    expect(ds.n).toBe(6);
    expect(ds.warnings.filter((w) => w.code === 'tech-staff-exceeds-employees')).toHaveLength(1);
    expect(plain(flaggedMask(flags, ds.n))).toEqual([1, 1, 1, 0, 1, 1]);
  });

  it('gives each row its messages with the values', () => {
    expect(zh(0)).toEqual(['「科技人员数量」60 大于「从业人员期末数」50']);
    expect(zh(1)).toEqual(['「研发费用（万元）」不是数字（按缺失处理）']);
    expect([...zh(2)].sort()).toEqual(['「研发费用（万元）」为负数 -3（按原值使用）', '「科技人员数量」30 大于「从业人员期末数」20'].sort());
    expect(zh(3)).toEqual([]);
    expect(zh(4)).toEqual(['「科技人员数量」5 大于「从业人员期末数」4']);
    expect(zh(5)).toEqual(['「研发费用（万元）」50 是「营业收入」2 的 10 倍以上']);
    expect(rowFlagMessages(flags, ds.columns, 0)[0].en).toBe('"科技人员数量" 60 is larger than "从业人员期末数" 50');
  });

  it('joins the Chinese messages for an export cell', () => {
    expect(flagCellText(rowFlagMessages(flags, ds.columns, 3))).toBe('');
    expect(
      flagCellText([
        { zh: '甲', en: 'a' },
        { zh: '乙', en: 'b' },
      ]),
    ).toBe('甲；乙');
  });

  it('filters the ranking to the flagged rows', () => {
    const mask = flaggedMask(flags, ds.n);
    const filter = new RankingFilter({
      n: 6,
      names: ['', '', '', '', '', ''],
      usccs: ds.text.uscc,
      techField: new Uint16Array(6),
      techFields: [''],
      city: new Uint16Array(6),
      cities: [''],
      flagged: mask,
    });
    const got = filter.mask({ ...DEFAULT_QUERY, flagged: true }, new Uint8Array(6));
    expect(got.total).toBe(5);
    expect(plain(got.mask!)).toEqual([1, 1, 1, 0, 1, 1]);
    expect(filter.mask(DEFAULT_QUERY, new Uint8Array(6)).total).toBe(6);
  });
});
