/**
 * Analyses that run next to the engine in the scoring worker: typed arrays in, small plain
 * results out (bins, summaries, matrices, row lists) that are cheap to post to the UI.
 */
export { histogram, extent, resolveDomain, type Histogram, type Domain } from './histogram.ts';
export { stageHistograms } from './stage-histograms.ts';
export { summary, stageSummaries, quantileSorted, type Summary } from './summary.ts';
export type { ScoredMatrix } from './scored-matrix.ts';
export { stageIndicatorMeans, type StageIndicatorMeans } from './indicator-means.ts';
export { stageComparison, topChange, spearmanRanks, type StageComparison, type StageComparisonOptions } from './stage-comparison.ts';
export { stagePercentile } from './percentile.ts';
export { deltaRank, deltaRankAt } from './delta-rank.ts';
export { topN, pageOfOrder } from './top-n.ts';
