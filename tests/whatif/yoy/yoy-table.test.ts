import { describe, expect, it } from 'vitest';
import { slopePoints } from '../../../src/charts/whatif/slope.ts';
import type { IndicatorSystem } from '../../../src/engine/index.ts';
import type { YoyRow } from '../../../src/protocol/yoy.ts';
import type { YearLink } from '../../../src/whatif/yoy/year-on-year.ts';
import { partText, yoyExportTable } from '../../../src/whatif/yoy/yoy-export.ts';
import { yoyMask, yoyOrder, type YoyColumns } from '../../../src/whatif/yoy/yoy-table.ts';

// Five enterprises: e0 rose 5 (ranks 3 → 1, stage 0 → 1), e1 fell 10 (1 → 4), e2 new (rank 2),
// e3 gone (last year 2), e4 rose 5 (4 → 3, listed neither year).
const link: YearLink = {
  count: 5,
  k: 1,
  cur: Int32Array.from([0, 1, 2, 3, -1]),
  prev: Int32Array.from([0, 1, -1, 3, 2]),
  status: Uint8Array.from([1, 2, 1, 3, 2]),
  dScore: Float64Array.from([5, -10, NaN, 5, NaN]),
  delta: Float64Array.from([5, -10, NaN, 5, NaN]),
  dBonus: Float64Array.from([0, 0, NaN, 0, NaN]),
  dVeto: Float64Array.from([0, 0, NaN, 0, NaN]),
};
// Rows by year: this year rows 0..3 ranks [1, 4, 2, 3]; last year rows 0..3 ranks [3, 1, 2, 4].
const cols: YoyColumns = {
  link,
  stage: Uint8Array.from([1, 0, 0, 2]),
  stagePrev: Uint8Array.from([0, 0, 1, 2]),
  rank: Int32Array.from([1, 4, 2, 3]),
  rankPrev: Int32Array.from([3, 1, 2, 4]),
};

describe('the year on year table', () => {
  it('filters by list status, presence and stage change', () => {
    const keep = (f: Parameters<typeof yoyMask>[1]) => Array.from(yoyMask(cols, f).mask.keys()).filter((e) => yoyMask(cols, f).mask[e]);
    expect(keep('all')).toEqual([0, 1, 2, 3, 4]);
    expect(keep('entered')).toEqual([0, 2]);
    expect(keep('left')).toEqual([1, 4]);
    expect(keep('stayed')).toEqual([]);
    expect(keep('new')).toEqual([2]);
    expect(keep('gone')).toEqual([4]);
    expect(keep('stage-changed')).toEqual([0]);
    expect(yoyMask(cols, 'all', (e) => e > 2).total).toBe(2);
  });

  it('orders by the largest rise or fall (one-year enterprises last), or by either year’s rank', () => {
    // Rises of 5 tie (e0, e3): this year's rank breaks it (1 before 3).
    expect(Array.from(yoyOrder(cols, 'rise'))).toEqual([0, 3, 1, 2, 4]);
    expect(Array.from(yoyOrder(cols, 'fall'))).toEqual([1, 0, 3, 2, 4]);
    // This year's ranks 1 (e0), 2 (e2), 3 (e3), 4 (e1); e4 has none: last.
    expect(Array.from(yoyOrder(cols, 'rank'))).toEqual([0, 2, 3, 1, 4]);
    // Last year's: 1 (e1), 2 (e4), 3 (e0), 4 (e3); e2 has none.
    expect(Array.from(yoyOrder(cols, 'rank-prev'))).toEqual([1, 4, 0, 3, 2]);
  });
});

describe('the slope chart’s points', () => {
  it('draws each ranked year, caps ranks beyond 2.5 × top, and labels the top only', () => {
    const pts = slopePoints(
      {
        rows: [
          { name: 'A', rank: 1, rankPrev: 3, status: 'stayed' },
          { name: 'B', rank: 120, rankPrev: 2, status: 'left' },
          { name: 'C', rank: 4, rankPrev: null, status: 'entered' },
        ],
        years: { current: 2023, previous: 2022 },
        top: 4,
      },
      'zh',
    );
    // cap = ceil(4 × 2.5) = 10
    expect(pts).toEqual([
      { name: 'A', year: '2022', rank: 3, y: 3, capped: false, status: '保持', label: 'A' },
      { name: 'A', year: '2023', rank: 1, y: 1, capped: false, status: '保持', label: 'A' },
      { name: 'B', year: '2022', rank: 2, y: 2, capped: false, status: '掉出', label: 'B' },
      { name: 'B', year: '2023', rank: 120, y: 10, capped: true, status: '掉出', label: '' },
      { name: 'C', year: '2023', rank: 4, y: 4, capped: false, status: '新进入', label: 'C' },
    ]);
  });
});

describe('the year on year export', () => {
  const system = {
    stages: [{ id: 'initial', name: { zh: '初创期', en: 'Initial' } }],
    indicators: [{ id: 'rd', name: { zh: '研发费用', en: 'R&D expense' } }],
  } as unknown as IndicatorSystem;

  it('writes a part as its name and signed points', () => {
    expect(partText(system, { kind: 'indicator', id: 'rd', delta: -1234.5 }, 'zh')).toBe('研发费用 −1,234.50');
    expect(partText(system, { kind: 'veto', id: '', delta: -3 }, 'en')).toBe('Veto (score cleared) −3.00');
    expect(partText(system, { kind: 'bonus', id: '', delta: 0.2 }, 'zh')).toBe('加分项合计 +0.20');
  });

  it('holds both years side by side, empty where a year has none', () => {
    const row = (over: Partial<YoyRow>): YoyRow => ({
      name: '甲',
      uscc: 'U1',
      stage: 0,
      stagePrev: 0,
      score: 50.123,
      scorePrev: 40,
      dScore: 10.123,
      rank: 3,
      rankPrev: 9,
      vetoed: false,
      vetoedPrev: false,
      status: 'entered',
      parts: [{ kind: 'indicator', id: 'rd', delta: 10.123 }],
      ...over,
    });
    const t = yoyExportTable([row({}), row({ uscc: 'U2', stagePrev: -1, scorePrev: NaN, dScore: NaN, rankPrev: 0, parts: [], status: 'neither' })], {
      system,
      flagText: () => '',
      notes: [],
      lang: 'zh',
    });
    expect(t.columns.map((c) => c.header)).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '名单',
      '生命周期阶段（上一年度）',
      '生命周期阶段（本年度）',
      '上年名次',
      '本年名次',
      '上年积分',
      '本年积分',
      '变化',
      '清零（上一年度）',
      '清零（本年度）',
      '变化最大的项目',
      '积分（精确值）（上一年度）',
      '积分（精确值）（本年度）',
      '数据提示',
    ]);
    expect(t.rows[0]).toEqual([1, '甲', 'U1', '新进入', '初创期', '初创期', 9, 3, 40, 50.12, 10.12, '', '', '研发费用 +10.12', 40, 50.123, '']);
    expect(t.rows[1]).toEqual([2, '甲', 'U2', '', '', '初创期', null, 3, null, 50.12, null, '', '', '', null, 50.123, '']);
  });
});
