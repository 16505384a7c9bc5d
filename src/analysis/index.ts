/**
 * Analyses that run next to the engine in the scoring worker: typed arrays in, small plain
 * results out (bins, summaries, matrices, row lists) that are cheap to post to the UI. Every
 * statistic the screen shows is computed here, and only here.
 */
export { histogram, stageHistograms, populationHistograms, extent, resolveDomain, type Histogram, type Domain } from './histogram.ts';
export { summary, stageSummaries, populationSummaries, type Summary } from './summary.ts';
export { scoreDistribution, scoreDomain, HISTOGRAM_BINS, type ScoreDistribution } from './score-distribution.ts';
export type { ScoredMatrix } from './scored-matrix.ts';
export type { ScoredRows } from './scored-rows.ts';
export { stageIndicatorMeans, type StageIndicatorMeans } from './indicator-means.ts';
export { stageComparison, topChange, spearmanRanks, type StageComparison, type StageComparisonOptions } from './stage-comparison.ts';
export { stagePercentile } from './percentile.ts';
export { deltaRank, deltaRankAt } from './delta-rank.ts';
export { topN } from './top-n.ts';
export { RankingFilter, type RankingColumns, type RankingMask } from './ranking-filter.ts';
export { RankingOrders, bonusKey } from './ranking-order.ts';
export { RankingPager, rankingRow, pageOfOrder, PAGE_LIMIT } from './ranking-page.ts';
