import { config, num, pick, SCHEMA, type Lang, type TopLevelSpec } from './common.ts';
import { ROLE, stageColorScale } from './palette.ts';
import { chartText } from '../i18n/charts.ts';
import type { HistogramSeries } from './score-histogram.ts';

export interface StageDistributionRow {
  kind: 'bin' | 'median';
  series: string;
  x0: number;
  x1: number | null;
  /** Share of the stage's counted rows in this bin (0 for an empty stage). */
  share: number | null;
  count: number | null;
}

/**
 * Rows for side-by-side stage distributions: each bin as a share of its stage (so stages of very
 * different sizes compare), plus one 'median' row per stage when medians are given.
 */
export function stageDistributionRows(series: readonly HistogramSeries[], lang: Lang, medians?: readonly number[]): StageDistributionRow[] {
  const rows: StageDistributionRow[] = [];
  series.forEach((s, si) => {
    const name = pick(s.name, lang);
    const { min, step, max, counts, total } = s.hist;
    counts.forEach((count, b) => {
      rows.push({ kind: 'bin', series: name, x0: min + b * step, x1: b === counts.length - 1 ? max : min + (b + 1) * step, share: total ? count / total : 0, count });
    });
    const med = medians?.[si];
    if (med !== undefined && num(med) !== null) rows.push({ kind: 'median', series: name, x0: med, x1: null, share: null, count: null });
  });
  return rows;
}

export interface StageDistributionOptions {
  lang: Lang;
  /** Median score per stage, in the same order as the series (NaN = none). */
  medians?: readonly number[];
  /** Width of each stage's panel in px (the view measures its container and divides it). */
  width?: number;
  height?: number;
}

/** Stage score distributions side by side (one column per stage, shared axes). */
export function stageDistributionSpec(series: readonly HistogramSeries[], options: StageDistributionOptions): TopLevelSpec {
  const { lang } = options;
  const t = chartText(lang);
  const labels = series.map((s) => pick(s.name, lang));
  const rows = stageDistributionRows(series, lang, options.medians);
  const layer: unknown[] = [
    {
      transform: [{ filter: "datum.kind === 'bin'" }],
      mark: { type: 'bar', binSpacing: 0 },
      encoding: {
        x: { field: 'x0', type: 'quantitative', bin: 'binned', title: t.score, axis: { tickCount: 5, labelOverlap: 'greedy' } },
        x2: { field: 'x1' },
        y: { field: 'share', type: 'quantitative', title: t.share, axis: { format: '.0%', tickCount: 5 } },
        color: { field: 'series', type: 'nominal', legend: null, scale: stageColorScale(labels) },
        tooltip: [
          { field: 'series', type: 'nominal', title: t.stage },
          { field: 'x0', type: 'quantitative', title: t.from, format: '.1f' },
          { field: 'x1', type: 'quantitative', title: t.to, format: '.1f' },
          { field: 'count', type: 'quantitative', title: t.count, format: ',d' },
          { field: 'share', type: 'quantitative', title: t.share, format: '.1%' },
        ],
      },
    },
  ];
  // The median rule only when there is a median to draw: a layer whose rows are all filtered out
  // gives its scale an empty extent, which Vega reports as "Infinite extent for field x0".
  if (rows.some((r) => r.kind === 'median')) {
    layer.push({
      transform: [{ filter: "datum.kind === 'median'" }],
      mark: { type: 'rule', color: ROLE.ink, strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: {
        x: { field: 'x0', type: 'quantitative' },
        tooltip: [
          { field: 'series', type: 'nominal', title: t.stage },
          { field: 'x0', type: 'quantitative', title: t.median, format: '.2f' },
        ],
      },
    });
  }
  return {
    $schema: SCHEMA,
    title: { text: t.stageDistributions, subtitle: t.stageDistributionsSub },
    description: t.stageDistributions,
    data: { values: rows },
    // Horizontal stage names above each panel.
    facet: { column: { field: 'series', type: 'nominal', sort: labels, title: null, header: { labelAngle: 0, labelOrient: 'top', labelFontSize: 13 } } },
    spec: { width: Math.max(120, Math.round(options.width ?? 200)), height: options.height ?? 180, layer },
    resolve: { scale: { y: 'shared', x: 'shared' } },
    config: config(),
  } as TopLevelSpec;
}
