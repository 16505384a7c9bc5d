import { describe, expect, it } from 'vitest';
import {
  histogramRows,
  indicatorHeatmapSpec,
  profilePointsSpec,
  scoreHistogramSpec,
  stageDistributionRows,
  stageDistributionSpec,
  waterfallRows,
  weightBarSpec,
  weightRows,
  type TopLevelSpec,
} from '../../src/charts/index.ts';
import { compileClean, values } from './compile-helper.ts';
import { hist, INDICATORS, STAGES } from './fixtures.ts';

const overall = [{ key: 'all', name: { zh: '全部', en: 'All' }, hist: hist([5, 10, 3, 2]) }];
const byStage = STAGES.map((s, i) => ({
  ...s,
  hist: hist(
    [
      [1, 2, 3, 4],
      [4, 3, 2, 1],
      [0, 0, 0, 0],
    ][i],
  ),
}));

function expectValid(spec: TopLevelSpec) {
  const { vega, warnings } = compileClean(spec);
  expect(warnings).toEqual([]);
  expect(vega.marks?.length).toBeGreaterThan(0);
  // all our data is inline and already aggregated: no URL data that could leave the origin
  expect(JSON.stringify(spec)).not.toMatch(/"url"/);
}

describe('score histogram', () => {
  it('turns bins into rows with edges (last edge = max)', () => {
    // step 25: [0,25) [25,50) [50,75) [75,100]
    expect(histogramRows(overall, 'zh').map((r) => [r.x0, r.x1, r.count])).toEqual([
      [0, 25, 5],
      [25, 50, 10],
      [50, 75, 3],
      [75, 100, 2],
    ]);
  });

  it('single layout: binned bars, zh title', () => {
    const spec = scoreHistogramSpec(overall, { lang: 'zh' }) as any;
    expect(spec.title.text).toBe('得分分布');
    expect(spec.mark.type).toBe('bar');
    expect(spec.encoding.x.bin).toBe('binned');
    expect(spec.encoding.color).toBeUndefined();
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });

  it('stacked layout colours stages in stage order; en title', () => {
    const spec = scoreHistogramSpec(byStage, { lang: 'en' }) as any;
    expect(spec.title.text).toBe('Score distribution by stage');
    expect(spec.encoding.color.scale.domain).toEqual(['Start-up', 'Growth', 'Mature']);
    expect(values(spec)).toHaveLength(12);
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });

  it('facet layout: one row per stage', () => {
    const spec = scoreHistogramSpec(byStage, { lang: 'zh', layout: 'facet' }) as any;
    expect(spec.facet.row.sort).toEqual(['初创期', '成长期', '稳定期']);
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });

  it('compiles with no series at all', () => {
    expectValid(scoreHistogramSpec([], { lang: 'zh' }));
  });
});

describe('stage distributions', () => {
  it('shows shares within each stage, 0 for an empty stage, and medians', () => {
    // initial: 1,2,3,4 of 10 → .1 .2 .3 .4; stable: empty → 0s; median NaN for stable → no rule
    const rows = stageDistributionRows(byStage, 'zh', [62.5, 37.5, NaN]);
    const share = (series: string) => rows.filter((r) => r.kind === 'bin' && r.series === series).map((r) => r.share);
    expect(share('初创期')).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(share('稳定期')).toEqual([0, 0, 0, 0]);
    expect(rows.filter((r) => r.kind === 'median').map((r) => [r.series, r.x0])).toEqual([
      ['初创期', 62.5],
      ['成长期', 37.5],
    ]);
  });

  it('is a valid faceted layer spec', () => {
    const spec = stageDistributionSpec(byStage, { lang: 'zh', medians: [62.5, 37.5, NaN] }) as any;
    expect(spec.facet.column.sort).toEqual(['初创期', '成长期', '稳定期']);
    expect(spec.spec.layer).toHaveLength(2);
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });
});

describe('indicator heatmap', () => {
  const means = [
    [0.5, 0.25, 0.125],
    [0.75, 0.5, 0.25],
    [NaN, NaN, NaN],
  ];
  it('lays out stage × indicator cells, NaN → null', () => {
    const spec = indicatorHeatmapSpec({ stages: STAGES, indicators: INDICATORS, means }, { lang: 'zh' }) as any;
    const rows = values<{ stage: string; indicator: string; mean: number | null }>(spec);
    expect(rows).toHaveLength(9);
    expect(rows[1]).toEqual({ stage: '初创期', indicator: '研发投入强度', mean: 0.25 });
    expect(rows[8].mean).toBeNull();
    expect(spec.layer[0].encoding.color.scale.domain).toEqual([0, 1]);
    expect(spec.encoding.y.sort).toEqual(['研发费用金额', '研发投入强度', '发明专利申请量']);
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });
  it('rejects a means matrix of the wrong shape', () => {
    expect(() => indicatorHeatmapSpec({ stages: STAGES, indicators: INDICATORS, means: [[1]] }, { lang: 'en' })).toThrow(/stages/);
  });
});

describe('profile points waterfall', () => {
  const indicators = [
    { key: 'rd_expense', name: INDICATORS[0].name, points: 8 },
    { key: 'rd_intensity', name: INDICATORS[1].name, points: 0 },
    { key: 'invention_applications', name: INDICATORS[2].name, points: 3.5 },
  ];
  it('adds up to the score: base 11.5 + bonus 1.4 = 12.9', () => {
    const rows = waterfallRows({ indicators, bonus: 1.4, vetoed: false, score: 12.9 }, 'zh');
    expect(rows.map((r) => [r.label, r.start, r.end])).toEqual([
      ['研发费用金额', 0, 8],
      ['研发投入强度', 8, 8],
      ['发明专利申请量', 8, 11.5],
      ['加分项', 11.5, 12.9],
      ['总分', 0, 12.9],
    ]);
    const steps = rows.filter((r) => r.kind !== 'total').reduce((a, r) => a + r.points, 0);
    expect(steps).toBeCloseTo(12.9, 12);
  });

  it('a vetoed row steps back to 0 and says so', () => {
    const input = { indicators, bonus: 1, vetoed: true, score: 0 };
    const rows = waterfallRows(input, 'en');
    // 8 + 0 + 3.5 + 1 = 12.5, then the veto step −12.5 → 0
    expect(rows.at(-2)).toMatchObject({ kind: 'veto', start: 12.5, end: 0, points: -12.5 });
    expect(rows.at(-1)).toMatchObject({ kind: 'total', start: 0, end: 0 });
    const spec = profilePointsSpec(input, { lang: 'en' }) as any;
    expect(spec.title.subtitle).toBe('A veto applies: the score is set to 0');
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });

  it('is a valid spec (zh)', () => {
    const spec = profilePointsSpec({ indicators, bonus: 1.4, vetoed: false, score: 12.9 }, { lang: 'zh' }) as any;
    expect(spec.title.text).toBe('积分构成');
    expect(spec.encoding.y.sort).toEqual(['研发费用金额', '研发投入强度', '发明专利申请量', '加分项', '总分']);
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });
});

describe('weight bar', () => {
  const input = {
    indicators: INDICATORS,
    stages: STAGES,
    weights: [0.5, 0.3, 0.2, 0.4, 0.4, 0.2, 1 / 3, 1 / 3, 1 / 3],
    published: [0.4, 0.4, 0.2, 0.4, 0.4, 0.2, 0.3, 0.3, 0.4],
  };
  it('reads the stage-major matrix', () => {
    const rows = weightRows(input, 'zh');
    // stage 1 (成长期), indicator 0 → w[1·3 + 0] = 0.4
    expect(rows[3]).toEqual({ indicator: '研发费用金额', stage: '成长期', weight: 0.4, published: 0.4 });
    expect(() => weightRows({ ...input, weights: [1] }, 'zh')).toThrow(/expected/);
  });
  it('draws bars plus published ticks', () => {
    const spec = weightBarSpec(input, { lang: 'zh' }) as any;
    expect(spec.layer.map((l: any) => l.mark.type)).toEqual(['bar', 'tick']);
    expectValid(spec);
    expect(spec).toMatchSnapshot();
  });
  it('without published weights has a single layer', () => {
    const spec = weightBarSpec({ ...input, published: undefined }, { lang: 'en' }) as any;
    expect(spec.layer).toHaveLength(1);
    expectValid(spec);
  });
});
