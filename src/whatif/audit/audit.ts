/**
 * The statistical audit (统计审核) of one scoring run, following the JRC/OECD Handbook on
 * Constructing Composite Indicators: coverage, distribution shape and clipping, correlation
 * structure (Pearson, Spearman, negative pairs inside a class), Cronbach's α, PCA, and nominal
 * against effective weights — per stage and over the whole population (`all`).
 *
 * Populations: every row of the run with a stage, vetoed rows included, for everything computed
 * from the data (they are enterprises with indicator values like any other); the non-vetoed rows
 * for what is computed from the score (a vetoed score is 0 whatever the indicators are). Data
 * statistics read the derived raw values (coverage, shape) or the normalised s (the rest).
 *
 * Cost at 1M × 18: a handful of O(n·k) passes, one O(n·k²/2) pass for the Pearson co-moments and
 * one for the Spearman ones, and one radix argsort per column. Memory besides the prepared matrix:
 * two Int32 rank matrices (2 · 4 · n · k bytes) and a column-major copy of s (8 · n · k bytes),
 * 288 MB at 1M × 18, released when the audit returns.
 */
import type { Prepared, ScoreResult } from '../../engine/index.ts';
import { scoreAssociation } from './association.ts';
import { ColumnWorkspace, rankAndBinColumn, rankCoMoments, columnInput } from './column-ranks.ts';
import { coMoments, correlations } from './comoments.ts';
import { coverage, COVERAGE_THRESHOLD } from './coverage.ts';
import { cronbachAlpha } from './cronbach.ts';
import { binnedMainEffect } from './effective-weights.ts';
import { ALL_GROUP_ID, countGroups } from './groups.ts';
import { shapeStats, type ClipBounds, type ShapeUndefined } from './moments.ts';
import { pca, type PcaResult } from './pca.ts';
import { stageOrder } from './stage-order.ts';

export interface AuditInput {
  prepared: Pick<Prepared, 'n' | 'k' | 's' | 'raw' | 'stage' | 'report' | 'normalization'> & { system: Pick<Prepared['system'], 'stages' | 'classes' | 'indicators'> };
  /** The run's effective weights, `w[stage · k + i]`. */
  weights: ArrayLike<number>;
  result: Pick<ScoreResult, 'score' | 'vetoed'>;
}

export interface NegativePair {
  a: number;
  b: number;
  classId: string;
  pearson: number;
  spearman: number;
}

export interface ClassAlpha {
  /** A class id, or `all` for every indicator. */
  id: string;
  indicators: number[];
  /** NaN when the class has fewer than 2 indicators or its sum is constant. */
  alpha: number;
}

export interface GroupAudit {
  /** Stage id, or `all`. */
  id: string;
  rows: number;
  /** Non-vetoed rows (the population of `effective` and `r2`). */
  scored: number;
  coverage: number[];
  coverageFlagged: boolean[];
  enterpriseCoverageMean: number;
  enterprisesBelow: number;
  /** Shape of the derived raw values (finite ones), before outlier treatment. */
  finite: number[];
  skewness: number[];
  kurtosis: number[];
  shapeUndefined: (ShapeUndefined | null)[];
  shapeFlagged: boolean[];
  /** Shape of the normalised s over every row of the group (a missing value is s = 0, scoring.md §4). */
  sSkewness: number[];
  sKurtosis: number[];
  sShapeUndefined: (ShapeUndefined | null)[];
  sShapeFlagged: boolean[];
  clippedLow: number[];
  clippedHigh: number[];
  /** s constant in the group: its correlations are undefined. */
  constant: boolean[];
  /** k × k, row-major. */
  pearson: number[];
  spearman: number[];
  negativePairs: NegativePair[];
  alpha: ClassAlpha[];
  pca: PcaResult;
  nominal: number[];
  effective: number[];
  r2: number[];
  /** Bins of the effective-weight estimate. */
  bins: number;
}

export interface Audit {
  indicators: string[];
  classes: string[];
  coverageThreshold: number;
  groups: GroupAudit[];
}

function clipBounds(p: AuditInput['prepared']): ClipBounds[] {
  const logScale = p.normalization.method === 'log-minmax';
  return p.report.map((rep) => ({ lo: rep.lo, hi: rep.hi, clips: rep.bounds !== 'constant' && rep.bounds !== 'none' && rep.lo === rep.lo, logScale }));
}

export function computeAudit(input: AuditInput): Audit {
  const { prepared: p, weights, result } = input;
  const { n, k, s, stage } = p;
  const stages = p.system.stages;
  const S = stages.length;
  if (weights.length !== S * k) throw new Error(`expected ${S}×${k} weights, got ${weights.length}`);
  if (result.score.length !== n || result.vetoed.length !== n) throw new Error(`the score result has ${result.score.length} rows, the prepared data ${n}`);
  const groups = countGroups(stage, result.vetoed, S);
  const G = groups.count;
  const kk = k * k;

  const cov = coverage(p.raw, stage, groups);
  const order = stageOrder(stage, S);
  const shape = shapeStats(k, (i) => p.raw[i], order, groups, clipBounds(p));

  const moments = coMoments(s, k, stage, groups, order);
  const pearson = correlations(moments, G);
  const assoc = scoreAssociation(s, k, stage, result.score, result.vetoed, groups);

  const ws = new ColumnWorkspace(order.size, groups);
  const ranks = new Int32Array(2 * k * order.size);
  const effective = new Float64Array(G * k);
  const columns = columnInput(s, k, order, result.score, result.vetoed);
  // The shape of s over the stage-grouped columns (by position; rows without a stage are not
  // among them, as they are in no group).
  const sShape = shapeStats(k, (i) => columns.cols.subarray(i * order.size, (i + 1) * order.size), { start: order.start }, groups);
  for (let i = 0; i < k; i++) {
    rankAndBinColumn(columns, i, ws, ranks);
    binnedMainEffect(ws, i, k, assoc.scoreMean, assoc.scoreSS, assoc.scoreConstant, effective);
  }
  const spearman = correlations({ k, c: rankCoMoments(ranks, k, order, groups), constant: moments.constant }, G);

  const classOf = p.system.indicators.map((ind) => ind.classId);
  const classItems = p.system.classes.map((c) => ({ id: c.id, indicators: classOf.flatMap((id, i) => (id === c.id ? [i] : [])) })).filter((c) => c.indicators.length > 0);
  const everyIndicator = Array.from({ length: k }, (_, i) => i);

  const out: GroupAudit[] = [];
  for (let g = 0; g < G; g++) {
    const at = (a: ArrayLike<number>) => Array.from({ length: k }, (_, i) => a[g * k + i]);
    const matrix = (a: Float64Array) => Array.from(a.subarray(g * kk, (g + 1) * kk));
    const pr = matrix(pearson);
    const sp = matrix(spearman);
    const negativePairs: NegativePair[] = [];
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        if (classOf[a] === classOf[b] && pr[a * k + b] < 0) negativePairs.push({ a, b, classId: classOf[a], pearson: pr[a * k + b], spearman: sp[a * k + b] });
      }
    }
    // Nominal weight: the stage's weight; for `all`, the mean of the stage weights weighted by each
    // stage's scored rows (the weight an average scored enterprise of the population carries).
    const nominal = everyIndicator.map((i) => {
      if (g < S) return weights[g * k + i];
      let acc = 0;
      for (let st = 0; st < S; st++) acc += groups.scored[st] * weights[st * k + i];
      return groups.scored[S] > 0 ? acc / groups.scored[S] : NaN;
    });
    const covRow = at(cov.indicator);
    out.push({
      id: g < S ? stages[g].id : ALL_GROUP_ID,
      rows: groups.rows[g],
      scored: groups.scored[g],
      coverage: covRow,
      coverageFlagged: covRow.map((c) => c < COVERAGE_THRESHOLD),
      enterpriseCoverageMean: cov.enterpriseMean[g],
      enterprisesBelow: cov.enterpriseBelow[g],
      finite: at(shape.finite),
      skewness: at(shape.skewness),
      kurtosis: at(shape.kurtosis),
      shapeUndefined: everyIndicator.map((i) => shape.undefinedReason[g * k + i]),
      shapeFlagged: at(shape.flagged).map((f) => f === 1),
      sSkewness: at(sShape.skewness),
      sKurtosis: at(sShape.kurtosis),
      sShapeUndefined: everyIndicator.map((i) => sShape.undefinedReason[g * k + i]),
      sShapeFlagged: at(sShape.flagged).map((f) => f === 1),
      clippedLow: at(shape.clippedLow),
      clippedHigh: at(shape.clippedHigh),
      constant: at(moments.constant).map((c) => c === 1),
      pearson: pr,
      spearman: sp,
      negativePairs,
      alpha: [
        ...classItems.map((c) => ({ ...c, alpha: cronbachAlpha(moments.c, g * kk, k, c.indicators) })),
        { id: ALL_GROUP_ID, indicators: everyIndicator, alpha: cronbachAlpha(moments.c, g * kk, k, everyIndicator) },
      ],
      pca: pca(pearson, g * kk, k, moments.constant, g * k),
      nominal,
      effective: at(effective),
      r2: at(assoc.r2),
      bins: ws.bins[g],
    });
  }
  return { indicators: p.system.indicators.map((i) => i.id), classes: p.system.classes.map((c) => c.id), coverageThreshold: COVERAGE_THRESHOLD, groups: out };
}
