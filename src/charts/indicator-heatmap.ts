import { config, indicatorAxis, num, pick, SCHEMA, type Lang, type Named, type TopLevelSpec } from './common.ts';
import { SEQUENTIAL_SCHEME } from './palette.ts';
import { chartText } from '../i18n/charts.ts';

export interface IndicatorHeatmapInput {
  stages: readonly Named[];
  indicators: readonly Named[];
  /** `means[stage][indicator]` (analysis/indicator-means.ts); NaN for an empty stage. */
  means: readonly (readonly number[])[];
}

export interface HeatmapRow {
  stage: string;
  indicator: string;
  mean: number | null;
}

export function heatmapRows(input: IndicatorHeatmapInput, lang: Lang): HeatmapRow[] {
  if (input.means.length !== input.stages.length) throw new Error(`means has ${input.means.length} stages, expected ${input.stages.length}`);
  return input.stages.flatMap((st, s) => input.indicators.map((ind, i) => ({ stage: pick(st.name, lang), indicator: pick(ind.name, lang), mean: num(input.means[s][i]) })));
}

/** Stage × indicator heatmap of mean normalised values, with the value printed in each cell. */
export function indicatorHeatmapSpec(input: IndicatorHeatmapInput, options: { lang: Lang }): TopLevelSpec {
  const { lang } = options;
  const t = chartText(lang);
  const stageLabels = input.stages.map((s) => pick(s.name, lang));
  const indicatorLabels = input.indicators.map((s) => pick(s.name, lang));
  return {
    $schema: SCHEMA,
    title: { text: t.heatmap, subtitle: t.heatmapSub },
    description: t.heatmap,
    data: { values: heatmapRows(input, lang) },
    // The panel's width (stage columns share it); 28 px per indicator row, room for two lines.
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding' },
    height: Math.max(1, indicatorLabels.length) * 28,
    encoding: {
      // No grid lines: they would run through the printed values.
      x: {
        field: 'stage',
        type: 'nominal',
        sort: stageLabels,
        title: null,
        axis: { orient: 'top', labelAngle: 0, grid: false, ticks: false, domain: false, labelFontSize: 12, labelFontWeight: 600 },
      },
      y: { field: 'indicator', type: 'nominal', sort: indicatorLabels, title: null, axis: { ...indicatorAxis(lang), grid: false } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'mean',
            type: 'quantitative',
            title: t.mean,
            scale: { domain: [0, 1], scheme: SEQUENTIAL_SCHEME },
            legend: { orient: 'right', direction: 'vertical', gradientLength: 120 },
          },
          tooltip: [
            { field: 'indicator', type: 'nominal', title: t.indicator },
            { field: 'stage', type: 'nominal', title: t.stage },
            { field: 'mean', type: 'quantitative', title: t.mean, format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'mean', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'datum.mean > 0.6', value: '#fff' }, value: '#1d2330' },
        },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
