/** Vega-Lite spec builders: pure functions from aggregated data to specs (one chart per file). */
export { SCHEMA, FONT, LABEL_LIMIT, pick, num, type Lang, type Named, type TopLevelSpec } from './common.ts';
export { STAGE_COLORS, ROLE, SEQUENTIAL_SCHEME, DIVERGING_SCHEME, stageColorScale } from './palette.ts';
export { scoreHistogramSpec, histogramRows, type HistogramSeries, type HistogramRow, type ScoreHistogramOptions } from './score-histogram.ts';
export { stageDistributionSpec, stageDistributionRows, type StageDistributionOptions, type StageDistributionRow } from './stage-distributions.ts';
export { indicatorHeatmapSpec, heatmapRows, type IndicatorHeatmapInput, type HeatmapRow } from './indicator-heatmap.ts';
export { profilePointsSpec, waterfallRows, type ProfilePointsInput, type WaterfallRow, type WaterfallKind } from './profile-points.ts';
export { weightBarSpec, weightRows, type WeightBarInput, type WeightRow } from './weight-bar.ts';
