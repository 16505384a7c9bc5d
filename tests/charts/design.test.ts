import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import {
  indicatorHeatmapSpec,
  profilePointsSpec,
  ROLE,
  scoreHistogramSpec,
  STAGE_COLORS,
  stageDistributionSpec,
  weightBarSpec,
  type TopLevelSpec,
} from '../../src/charts/index.ts';
import { LIVE_DATA, splitSpec, withLiveValues } from '../../src/ui/embed-chart.ts';
import { hist, STAGES } from './fixtures.ts';

/**
 * The design rules the chart specs promise: one palette shared with the page's CSS, no Vega
 * runtime warnings (the "Infinite extent for field x0/x1" of every load), horizontal facet
 * titles, long indicator names wrapped instead of cut, and axes that do not collide.
 */

/** Runs a spec in a headless Vega view and returns every warning Vega logged, and the view. */
async function run(spec: TopLevelSpec) {
  const warnings: string[] = [];
  const logger = {
    level(l?: number) {
      return l === undefined ? vega.Warn : logger;
    },
    warn(...a: unknown[]) {
      warnings.push(a.join(' '));
      return logger;
    },
    error(...a: unknown[]) {
      warnings.push(`error: ${a.join(' ')}`);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // A container width stands in for the page's panel (width: 'container' reads it in a browser).
  const compiled = compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: logger as never, logLevel: vega.Warn });
  await view.runAsync();
  // "Can not resolve event source: window": the container-width listener, absent in Node only.
  return { warnings: warnings.filter((w) => !w.includes('event source: window')), view };
}

const LONG_ZH = '近两年承担建设省级及以上研发或创新平台数量';
const LONG_EN = 'Provincial or higher R&D or innovation platforms built in the last two years';
const indicators = [
  { key: 'platforms', name: { zh: LONG_ZH, en: LONG_EN } },
  { key: 'rd', name: { zh: '研发费用金额', en: 'R&D expense' } },
];
const stageHists = STAGES.map((s, i) => ({
  ...s,
  hist: hist(
    [
      [1, 2, 3, 4],
      [4, 3, 2, 1],
      [0, 0, 0, 0],
    ][i],
  ),
}));

describe('palette', () => {
  it('is Okabe–Ito, and global.css defines the same colours as --cat-1 … --cat-6', () => {
    // Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, vermillion, reddish purple, sky blue.
    expect([...STAGE_COLORS]).toEqual(['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9']);
    const css = readFileSync(resolve(import.meta.dirname, '../../src/ui/global.css'), 'utf8');
    STAGE_COLORS.forEach((c, i) => expect(css).toMatch(new RegExp(`--cat-${i + 1}:\\s*${c};`, 'i')));
    expect(css).toMatch(new RegExp(`--fg:\\s*${ROLE.ink};`, 'i'));
    expect(css).toMatch(new RegExp(`--muted:\\s*${ROLE.text};`, 'i'));
  });

  it('stage colours of the charts are the palette, in stage order', () => {
    const spec = weightBarSpec({ indicators, stages: STAGES, weights: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] }, { lang: 'zh' }) as {
      layer: { encoding: { color: { scale: { range: string[] } } } }[];
    };
    expect(spec.layer[0].encoding.color.scale.range).toEqual(['#0072b2', '#e69f00', '#009e73']);
  });

  it('global.css fetches no font from another origin and names the system CJK fonts', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../src/ui/global.css'), 'utf8');
    expect(css).not.toMatch(/@import|@font-face|url\(/);
    for (const f of ['PingFang SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei']) expect(css).toContain(`'${f}'`);
  });
});

describe('no Vega runtime warnings', () => {
  it('stage distributions with medians, and without any (no empty median layer)', async () => {
    expect((await run(stageDistributionSpec(stageHists, { lang: 'zh', medians: [40, 30, NaN] }))).warnings).toEqual([]);
    const noMedian = stageDistributionSpec(stageHists, { lang: 'en' }) as { spec: { layer: unknown[] } };
    expect(noMedian.spec.layer).toHaveLength(1);
    expect((await run(noMedian as TopLevelSpec)).warnings).toEqual([]);
  });

  it('histograms (single, stacked, facet), heat map, weights and waterfall', async () => {
    const specs = [
      scoreHistogramSpec([{ key: 'all', name: { zh: '全部', en: 'All' }, hist: hist([5, 10, 3, 2]) }], { lang: 'zh' }),
      scoreHistogramSpec(stageHists, { lang: 'en' }),
      scoreHistogramSpec(stageHists, { lang: 'zh', layout: 'facet' }),
      indicatorHeatmapSpec(
        {
          stages: STAGES,
          indicators,
          means: [
            [0.2, 0.9],
            [NaN, 0.5],
            [0, 1],
          ],
        },
        { lang: 'zh' },
      ),
      weightBarSpec({ indicators, stages: STAGES, weights: [0.5, 0.5, 0.4, 0.6, 0.3, 0.7], published: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] }, { lang: 'en' }),
      profilePointsSpec({ indicators: [{ key: 'platforms', name: indicators[0].name, points: 4 }], bonus: 1, vetoed: false, score: 5 }, { lang: 'zh' }),
    ];
    for (const spec of specs) expect((await run(spec)).warnings).toEqual([]);
  });

  it('a live chart embeds with its first values, so its scales never see an empty dataset', async () => {
    const spec = scoreHistogramSpec([{ key: 'all', name: { zh: '全部', en: 'All' }, hist: hist([5, 10, 3, 2]) }], { lang: 'zh' });
    const { shape, values } = splitSpec(spec);
    // The shape alone (what was embedded before): Vega warns about the empty extent.
    expect((await run(shape)).warnings.join('\n')).toMatch(/Infinite extent for field "x0"/);
    const { warnings, view } = await run(withLiveValues(shape, values));
    expect(warnings).toEqual([]);
    expect(view.data(LIVE_DATA)).toHaveLength(4);
  });
});

describe('labels and titles that fit', () => {
  it('facet titles are horizontal (stage names are not rotated)', () => {
    const dist = stageDistributionSpec(stageHists, { lang: 'zh' }) as { facet: { column: { header: { labelAngle: number } } } };
    expect(dist.facet.column.header.labelAngle).toBe(0);
    const facet = scoreHistogramSpec(stageHists, { lang: 'zh', layout: 'facet' }) as { facet: { row: { header: { labelAngle: number; labelOrient: string } } } };
    expect(facet.facet.row.header).toMatchObject({ labelAngle: 0, labelOrient: 'top' });
  });

  it('a long Chinese indicator name is drawn on two lines, not cut after 16 characters', async () => {
    const { view } = await run(weightBarSpec({ indicators, stages: STAGES, weights: [0.5, 0.5, 0.4, 0.6, 0.3, 0.7] }, { lang: 'zh' }));
    const svg = await view.toSVG();
    // 15 characters on the first line, the other 6 on the second (two tspans of one label).
    expect(svg).toContain('<tspan>近两年承担建设省级及以上研发或</tspan><tspan x="0" dy="12">创新平台数量</tspan>');
    expect(svg).toMatch(/>研发费用金额<\/text>/); // a short name stays on one line
  });

  it('a long English indicator name breaks at a space', async () => {
    const { view } = await run(profilePointsSpec({ indicators: [{ key: 'platforms', name: indicators[0].name, points: 4 }], bonus: 1, vetoed: false, score: 5 }, { lang: 'en' }));
    const svg = await view.toSVG();
    // "Provincial or higher R&D or " is 28 characters: the break falls at the last space before 30;
    // the second line is capped by labelLimit and ends in "…" (the tooltip has the whole name).
    expect(svg).toContain('<tspan>Provincial or higher R&amp;D or</tspan><tspan x="0" dy="12">innovation platforms');
    expect(svg).toMatch(/innovation platforms[^<]*…<\/tspan>/);
  });

  it('heat map cells have no grid lines through their numbers and fill the panel width', () => {
    const spec = indicatorHeatmapSpec(
      {
        stages: STAGES,
        indicators,
        means: [
          [0.2, 0.9],
          [0.1, 0.5],
          [0, 1],
        ],
      },
      { lang: 'zh' },
    ) as {
      width: unknown;
      encoding: { x: { axis: { grid: boolean } }; y: { axis: { grid: boolean } } };
    };
    expect(spec.width).toBe('container');
    expect(spec.encoding.x.axis.grid).toBe(false);
    expect(spec.encoding.y.axis.grid).toBe(false);
  });

  it('weight axis: percent labels, few ticks, overlapping labels dropped', () => {
    const spec = weightBarSpec({ indicators, stages: STAGES, weights: [0.5, 0.5, 0.4, 0.6, 0.3, 0.7] }, { lang: 'zh' }) as { layer: { encoding: { x: { axis: object } } }[] };
    expect(spec.layer[0].encoding.x.axis).toEqual({ format: '.0%', tickCount: 5, labelOverlap: 'greedy' });
  });
});
