import { populationHistograms, type Histogram } from './histogram.ts';
import type { ScoredRows } from './scored-rows.ts';
import { populationSummaries, type Summary } from './summary.ts';

/** Bins of the score histograms on screen. */
export const HISTOGRAM_BINS = 40;

/**
 * Domain of the score histograms: `[0, top]` with the top score rounded up to a multiple of 10
 * (at least 10), so the axis has round ticks and the bars do not jump at every slider step.
 */
export function scoreDomain(top: number): { min: number; max: number } {
  return { min: 0, max: Math.max(10, Number.isFinite(top) ? Math.ceil(top / 10) * 10 : 0) };
}

/** The distribution of a run's scores as the overview, the stages view and the what-if panels show it. */
export interface ScoreDistribution {
  /** Rows per stage (index = stage), and rows without a stage. */
  stageCounts: number[];
  noStage: number;
  vetoed: number;
  overall: Summary;
  stageSummaries: Summary[];
  histogram: Histogram;
  stageHistograms: Histogram[];
}

/** Summaries and histograms of the population and of each stage (vetoed rows included, scoring.md §1). */
export function scoreDistribution(run: ScoredRows): ScoreDistribution {
  const { score, vetoed, rank, stageRank, stage, nStages } = run;
  const { overall, stages } = populationSummaries(score, rank, stage, stageRank, nStages, vetoed);
  const stageCounts = stages.map((s) => s.count + s.missing);
  const hist = populationHistograms(score, stage, nStages, HISTOGRAM_BINS, scoreDomain(overall.count ? overall.max : 0));
  return {
    stageCounts,
    noStage: score.length - stageCounts.reduce((a, b) => a + b, 0),
    vetoed: overall.vetoed,
    overall,
    stageSummaries: stages,
    histogram: hist.overall,
    stageHistograms: hist.stages,
  };
}
