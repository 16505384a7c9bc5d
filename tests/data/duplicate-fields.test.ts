import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/data/build-dataset.ts';
import { DataError } from '../../src/data/errors.ts';
import { matchHeaders } from '../../src/data/header-match.ts';
import { setColumnField } from '../../src/data/mapping.ts';
import { rawTableFromRows } from '../../src/data/raw-table.ts';

/**
 * Issue 9, class 4: a field two columns map to is used only when the columns agree cell by cell;
 * otherwise buildDataset (shared by the CLI, the import worker's validation and the scoring
 * worker) refuses the file with a sentence naming both headers.
 */
// Valid codes (check characters worked by hand in uscc.test.ts).
const A = '91350100M000100Y43';
const B = '914403001922038216';
const AS_OF = 19722; // 2023-12-31
const VETO = '近3年发生重大安全事故';

function build(headers: string[], body: (string | null)[][]) {
  const raw = rawTableFromRows([headers, ...body], { format: 'csv' });
  return { raw, mapping: matchHeaders(raw.headers), run: () => buildDataset(raw, matchHeaders(raw.headers), { asOfDays: AS_OF }) };
}

function refusal(run: () => unknown): DataError {
  try {
    run();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('a field on two columns', () => {
  it('a veto field whose two columns differ is refused, naming both headers and the first row that differs', () => {
    const { run } = build(
      ['统一社会信用代码', '注册日期', VETO, '是否发生重大安全事故'],
      [
        [A, '2018-06-30', '否', '否'],
        [B, '2019-01-01', '否', '是'],
      ],
    );
    const e = refusal(run);
    expect(e.code).toBe('duplicate-field');
    expect(e.en).toBe(`Columns "${VETO}" and "是否发生重大安全事故" both match ${VETO} (major_safety_accident) but differ (first at row 3); delete or rename all but one of them.`);
    expect(e.zh).toBe(`「${VETO}」和「是否发生重大安全事故」都对应字段「${VETO}」但内容不同（第 3 行起）；请只保留其中一列（删除或改名其余各列）。`);
    expect(e.details?.en).toBe(`${VETO} (major_safety_accident): "${VETO}" and "是否发生重大安全事故", first different at row 3`);
  });

  it('an optional number field is refused too (not only required ones)', () => {
    const { run } = build(['统一社会信用代码', '注册日期', '净利润', '净利润（万元）'], [[A, '2018-06-30', '10', '12']]);
    expect(refusal(run).en).toBe('Columns "净利润" and "净利润（万元）" both match 净利润 (net_profit) but differ (first at row 2); delete or rename all but one of them.');
  });

  it('identical columns (empty = empty, surrounding blanks ignored) are resolved to the first, with a note', () => {
    const { run } = build(
      ['统一社会信用代码', '注册日期', VETO, '重大安全事故'],
      [
        [A, '2018-06-30', '是', ' 是 '],
        [B, '2019-01-01', null, ''],
      ],
    );
    const d = run();
    expect(Array.from(d.columns.major_safety_accident)).toEqual([1, NaN]);
    expect(d.mappingNotes).toEqual([
      {
        zh: `「${VETO}」和「重大安全事故」都对应字段「${VETO}」且逐格相同，已使用「${VETO}」。`,
        en: `columns "${VETO}" and "重大安全事故" all match ${VETO} (major_safety_accident) and are identical cell by cell; "${VETO}" is used`,
      },
    ]);
  });

  it('three columns: the third differing refuses the file; two conflicting fields are both in the details', () => {
    const { run } = build(
      ['统一社会信用代码', '注册日期', '净利润', '净利润（万元）', '净利润(万元)', '营业收入', '营业收入（万元）'],
      [[A, '2018-06-30', '5', '5', '6', '1', '2']],
    );
    const e = refusal(run);
    expect(e.en).toBe(
      'Columns "净利润" and "净利润（万元）" and "净利润(万元)" both match 净利润 (net_profit) but differ (first at row 2), and 1 more fields have such columns; delete or rename all but one of them.',
    );
    expect(e.details?.en.split('\n')).toHaveLength(2);
  });

  it('two uscc columns that differ are refused (not "missing")', () => {
    const { run } = build(['统一社会信用代码', 'uscc', '注册日期'], [[A, B, '2018-06-30']]);
    expect(refusal(run).code).toBe('duplicate-field');
  });

  it('a choice by hand resolves it (the other column gives the field up)', () => {
    const { raw, mapping } = build(['统一社会信用代码', '注册日期', VETO, '是否发生重大安全事故'], [[A, '2018-06-30', '否', '是']]);
    const d = buildDataset(raw, setColumnField(mapping, 3, 'major_safety_accident'), { asOfDays: AS_OF });
    expect(Array.from(d.columns.major_safety_accident)).toEqual([1]);
  });
});
