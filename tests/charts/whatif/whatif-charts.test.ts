import { describe, expect, it } from 'vitest';
import { correlationCells, correlationMatrixSpec, rankIntervalSpec, rankShiftCells, rankShiftHeatmapSpec, tornadoRows, tornadoSpec } from '../../../src/charts/whatif/index.ts';
import type { TopLevelSpec } from '../../../src/charts/index.ts';
import { compileClean } from '../compile-helper.ts';

function expectValid(spec: TopLevelSpec) {
  const { vega, warnings } = compileClean(spec);
  expect(warnings).toEqual([]);
  expect(vega.marks?.length).toBeGreaterThan(0);
  expect(JSON.stringify(spec)).not.toMatch(/"url"/);
}

const tornado = {
  shift: 0.2,
  rows: [
    { label: '研发费用', up: 12.5, down: 9, entriesUp: 3, exitsUp: 2 },
    { label: '专利', up: 4, down: 5 },
  ],
};
const grid = { bins: 2, edges: [1, 51, 101], counts: [40, 10, 10, 40] };
const interval = {
  samples: 200,
  topN: 10,
  rows: [
    { label: '1 甲公司', rank0: 1, median: 1, p05: 1, p95: 3, pTop: 1 },
    { label: '2 乙公司', rank0: 2, median: 3, p05: 1, p95: 12, pTop: 0.85 },
  ],
};
const corr = { names: ['A', 'B', 'C'], values: [1, 0.9, 0.5, 0.9, 1, 0.7, 0.5, 0.7, 1] };

describe('what-if chart specs', () => {
  it('tornado: down bars to the left, up bars to the right, unsigned axis', () => {
    const rows = tornadoRows(tornado, 'zh');
    expect(rows.map((r) => [r.indicator, r.direction, r.value])).toEqual([
      ['研发费用', '下调', -9],
      ['研发费用', '上调', 12.5],
      ['专利', '下调', -5],
      ['专利', '上调', 4],
    ]);
    const spec = tornadoSpec(tornado, { lang: 'zh' });
    expectValid(spec);
    expect(spec).toMatchSnapshot();
    expect(JSON.stringify(tornadoSpec(tornado, { lang: 'en' }))).toContain('One-at-a-time');
  });

  it('rank-shift heatmap: only non-empty cells with their rank ranges, rank 1 at the top', () => {
    expect(rankShiftCells(grid)).toEqual([
      { a0: 1, a1: 51, b0: 1, b1: 51, count: 40 },
      { a0: 51, a1: 101, b0: 1, b1: 51, count: 10 },
      { a0: 1, a1: 51, b0: 51, b1: 101, count: 10 },
      { a0: 51, a1: 101, b0: 51, b1: 101, count: 40 },
    ]);
    expect(rankShiftCells({ bins: 2, edges: [1, 2, 3], counts: [0, 0, 0, 0] })).toEqual([]);
    expect(() => rankShiftCells({ bins: 3, edges: [1, 2], counts: [] })).toThrow(/expected 4 edges/);
    const spec = rankShiftHeatmapSpec(grid, { lang: 'zh', labelA: '公布权重', labelB: '当前方案' });
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });

  it('rank interval: rules from p05 to p95, dots at the median, NaN becomes null', () => {
    const spec = rankIntervalSpec({ ...interval, rows: [...interval.rows, { label: '3 丙', rank0: 3, median: NaN, p05: NaN, p95: NaN, pTop: NaN }] }, { lang: 'zh' });
    expectValid(spec);
    expect(JSON.stringify(spec)).toContain('"median":null');
    expect(rankIntervalSpec(interval, { lang: 'zh' })).toMatchSnapshot();
  });

  it('correlation matrix: m×m cells, refuses a wrong size', () => {
    expect(correlationCells(corr)).toHaveLength(9);
    expect(() => correlationCells({ names: ['A'], values: [1, 2] })).toThrow(/expected 1 values/);
    const spec = correlationMatrixSpec(corr, { lang: 'en' });
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });
});
