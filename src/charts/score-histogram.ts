import type { Histogram } from '../analysis/histogram.ts';
import { config, pick, SCHEMA, type Lang, type Named, type TopLevelSpec } from './common.ts';
import { stageColorScale } from './palette.ts';
import { chartText } from '../i18n/charts.ts';

export interface HistogramSeries extends Named {
  hist: Histogram;
}

export interface ScoreHistogramOptions {
  lang: Lang;
  /** 'single': one series (overall); 'stacked': stages stacked with colour; 'facet': one row per stage. */
  layout?: 'single' | 'stacked' | 'facet';
  height?: number;
  /** Width of each facet panel (the other layouts fill their container). */
  facetWidth?: number;
}

export interface HistogramRow {
  key: string;
  series: string;
  x0: number;
  x1: number;
  count: number;
}

/** One row per (series, bin): bin edges and count. */
export function histogramRows(series: readonly HistogramSeries[], lang: Lang): HistogramRow[] {
  return series.flatMap((s) =>
    s.hist.counts.map((count, b) => ({
      key: s.key,
      series: pick(s.name, lang),
      x0: s.hist.min + b * s.hist.step,
      x1: b === s.hist.counts.length - 1 ? s.hist.max : s.hist.min + (b + 1) * s.hist.step,
      count,
    })),
  );
}

/** Score histogram from precomputed bins (analysis/histogram.ts), overall or per stage. */
export function scoreHistogramSpec(series: readonly HistogramSeries[], options: ScoreHistogramOptions): TopLevelSpec {
  const { lang } = options;
  const layout = options.layout ?? (series.length > 1 ? 'stacked' : 'single');
  const t = chartText(lang);
  const labels = series.map((s) => pick(s.name, lang));
  const height = options.height ?? (layout === 'facet' ? 90 : 220);
  const x = { field: 'x0', type: 'quantitative', bin: 'binned', title: t.score, axis: { tickCount: 8, labelOverlap: 'greedy' } } as const;
  const encoding = {
    x,
    x2: { field: 'x1' },
    y: { field: 'count', type: 'quantitative', title: t.count, axis: { tickCount: layout === 'facet' ? 3 : 5 } },
    tooltip: [
      { field: 'series', type: 'nominal', title: t.stage },
      { field: 'x0', type: 'quantitative', title: t.from, format: '.1f' },
      { field: 'x1', type: 'quantitative', title: t.to, format: '.1f' },
      { field: 'count', type: 'quantitative', title: t.count, format: ',d' },
    ],
    ...(layout === 'single' ? {} : { color: { field: 'series', type: 'nominal', title: t.stage, scale: stageColorScale(labels), sort: labels } }),
  } as const;
  const title = { text: layout === 'single' ? t.scoreHistogram : t.scoreHistogramByStage };
  const data = { values: histogramRows(series, lang) };
  if (layout === 'facet') {
    return {
      $schema: SCHEMA,
      title,
      description: title.text,
      data,
      // Stage names horizontal, above each row (not rotated beside it).
      facet: { row: { field: 'series', type: 'nominal', sort: labels, title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start' } } },
      spec: { width: options.facetWidth ?? 480, height, mark: { type: 'bar', binSpacing: 0 }, encoding },
      config: config(),
    } as TopLevelSpec;
  }
  return {
    $schema: SCHEMA,
    title,
    description: title.text,
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding' },
    height,
    data,
    mark: { type: 'bar', binSpacing: 0 },
    encoding,
    config: config(),
  } as TopLevelSpec;
}
