import { config, num, pick, SCHEMA, type Lang, type Named, type TopLevelSpec } from './common.ts';
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
    width: { step: 76 },
    height: { step: 22 },
    encoding: {
      x: { field: 'stage', type: 'nominal', sort: stageLabels, title: t.stage, axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'indicator', type: 'nominal', sort: indicatorLabels, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          color: { field: 'mean', type: 'quantitative', title: t.mean, scale: { domain: [0, 1], scheme: 'blues' } },
          tooltip: [
            { field: 'indicator', type: 'nominal', title: t.indicator },
            { field: 'stage', type: 'nominal', title: t.stage },
            { field: 'mean', type: 'quantitative', title: t.mean, format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'mean', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'datum.mean > 0.55', value: '#fff' }, value: '#111' },
        },
      },
    ],
    config: config(),
  } as TopLevelSpec;
}
