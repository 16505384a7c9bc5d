/** Vega-Lite spec builders of the 情景分析 section: pure functions from aggregated data. */
export { tornadoSpec, tornadoRows, type TornadoInput, type TornadoRow } from './tornado.ts';
export { rankShiftHeatmapSpec, rankShiftCells, type RankShiftInput, type RankShiftCell } from './rank-shift-heatmap.ts';
export { rankIntervalSpec, rankIntervalRows, type RankIntervalInput, type RankIntervalRow } from './rank-interval.ts';
export { correlationMatrixSpec, correlationCells, type CorrelationInput, type CorrelationCell } from './correlation-matrix.ts';
export { effectiveWeightsSpec, effectiveWeightRows, type EffectiveWeightsInput, type EffectiveWeightRow } from './effective-weights.ts';
export { sobolBarSpec, sobolBarRows, type SobolBarInput, type SobolBarRow } from './sobol-bar.ts';
export { slopeSpec, slopePoints, type SlopeInput, type SlopePoint } from './slope.ts';
