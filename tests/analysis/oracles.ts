/**
 * Simple, obviously-correct versions of the statistics the screen shows, as test oracles for the
 * fast versions in src/analysis: full sorts, linear scans and per-row definitions, no typed-array
 * tricks, no ranks taken from the engine. Quadratic where that is the plainest way to say it.
 */
import type { Histogram, RankingColumns, ScoredRows, Summary } from '../../src/analysis/index.ts';
import { DEFAULT_DIR, type RankingPage, type RankingQuery, type RankingRow, type SortKey } from '../../src/protocol/scoring.ts';

/** Type-7 quantile of an ascending, NaN-free array (NaN when empty): `h = (n−1)p`, linear between ⌊h⌋ and ⌊h⌋+1. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Rows of a subset: in the mask and, with `stage`, in stage `s`. */
function rowsOf(n: number, mask?: Uint8Array, stage?: Uint8Array, s?: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < n; r++) if ((!mask || mask[r]) && (!stage || stage[r] === s)) out.push(r);
  return out;
}

/**
 * Competition ranks ("1224") by value descending: 1 + the number of rows of the same subset with a
 * strictly greater value. 0 for a NaN value or a row outside the subset (or without stage).
 */
export function naiveRanks(values: ArrayLike<number>, stage?: Uint8Array, nStages = 0, mask?: Uint8Array): Int32Array {
  const n = values.length;
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    if ((mask && !mask[r]) || values[r] !== values[r] || (stage && stage[r] >= nStages)) continue;
    let greater = 0;
    for (let q = 0; q < n; q++) {
      if ((mask && !mask[q]) || (stage && stage[q] !== stage[r])) continue;
      if (values[q] > values[r]) greater++;
    }
    rank[r] = 1 + greater;
  }
  return rank;
}

/** Summary of a subset by a full sort; the mean sums in row order. */
export function naiveSummary(values: ArrayLike<number>, vetoed?: Uint8Array, mask?: Uint8Array, stage?: Uint8Array, s?: number): Summary {
  const rows = rowsOf(values.length, mask, stage, s);
  const vet = rows.filter((r) => vetoed && vetoed[r]).length;
  const present = rows.map((r) => values[r]).filter((v) => !Number.isNaN(v));
  const missing = rows.length - present.length;
  if (present.length === 0) return { count: 0, missing, vetoed: vet, mean: NaN, median: NaN, p10: NaN, p90: NaN, min: NaN, max: NaN };
  const sorted = [...present].sort((a, b) => a - b);
  let sum = 0;
  for (const v of present) sum += v;
  return {
    count: present.length,
    missing,
    vetoed: vet,
    mean: sum / present.length,
    median: quantileSorted(sorted, 0.5),
    p10: quantileSorted(sorted, 0.1),
    p90: quantileSorted(sorted, 0.9),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Histogram by the definition: bin b covers `[min + b·step, min + (b+1)·step)`, the last bin also
 * holds `max`; a zero-width domain is widened by ±0.5. (On values that are not exact multiples of a
 * binary fraction a bin edge can differ by rounding from the fast `⌊(v − min)/step⌋`; the property
 * tests draw values on a dyadic grid, where both are exact.)
 */
export function naiveHistogram(values: ArrayLike<number>, bins: number, domain: { min: number; max: number }, mask?: Uint8Array, stage?: Uint8Array, s?: number): Histogram {
  const min = domain.max > domain.min ? domain.min : domain.min - 0.5;
  const max = domain.max > domain.min ? domain.max : domain.max + 0.5;
  const step = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  let missing = 0;
  let outside = 0;
  for (const r of rowsOf(values.length, mask, stage, s)) {
    const v = values[r];
    if (Number.isNaN(v)) missing++;
    else if (v < min || v > max) outside++;
    else {
      let b = 0;
      while (b < bins - 1 && v >= min + (b + 1) * step) b++;
      counts[b]++;
    }
  }
  return { min, max, step, counts, total: counts.reduce((a, c) => a + c, 0), missing, outside };
}

/** The best `count` rows by a full sort: score descending, then row index; NaN left out. */
export function naiveTopN(score: ArrayLike<number>, count: number, mask?: Uint8Array): number[] {
  return rowsOf(score.length, mask)
    .filter((r) => !Number.isNaN(score[r]))
    .sort((a, b) => score[b] - score[a] || a - b)
    .slice(0, Math.max(0, Math.floor(count)));
}

/** Δrank per row: baseline − current, 0 when either side has no rank (≤ 0). */
export function naiveDeltaRank(current: ArrayLike<number>, baseline: ArrayLike<number>): number[] {
  return Array.from(current, (c, r) => (c > 0 && baseline[r] > 0 ? baseline[r] - c : 0));
}

/** Row order of the whole population by score descending, ties by row index. */
export function naiveOrder(score: ArrayLike<number>): Uint32Array {
  return Uint32Array.from(naiveTopN(score, score.length));
}

/**
 * The page of the ranking table by its definition: filter every row, sort the survivors with a
 * comparator in the key's DEFAULT_DIR (ties: bonus, stage and veto by score, then row index; the
 * others by row index), reverse the whole list for the other direction, then slice. An offset past
 * the end is pulled back to the last row; at most 1000 rows.
 */
export function naivePage(cols: RankingColumns, run: ScoredRows, baselineRank: Int32Array, q: RankingQuery): RankingPage {
  const search = q.search.trim().toLowerCase();
  const rows = rowsOf(cols.n).filter(
    (r) =>
      (q.stage < 0 || run.stage[r] === q.stage) &&
      (!q.techField || cols.techFields[cols.techField[r]] === q.techField) &&
      (!q.city || cols.cities[cols.city[r]] === q.city) &&
      (!search || cols.names[r].toLowerCase().includes(search) || cols.usccs[r].toLowerCase().includes(search)),
  );
  const collator = new Intl.Collator('zh-CN');
  const delta = naiveDeltaRank(run.rank, baselineRank);
  const stageKey = (r: number) => Math.min(run.stage[r], run.nStages); // no stage sorts last
  const byScore = (a: number, b: number) => run.score[b] - run.score[a];
  const compare: Record<SortKey, (a: number, b: number) => number> = {
    rank: (a, b) => run.rank[a] - run.rank[b],
    score: byScore,
    delta: (a, b) => delta[b] - delta[a],
    base: (a, b) => run.base[b] - run.base[a],
    // bonus in whole millionths of a point: float noise (0.2·3 vs 0.6) is no difference
    bonus: (a, b) => Math.round(run.bonus[b] * 1e6) - Math.round(run.bonus[a] * 1e6) || byScore(a, b),
    stage: (a, b) => stageKey(a) - stageKey(b) || byScore(a, b),
    veto: (a, b) => run.vetoed[b] - run.vetoed[a] || byScore(a, b),
    name: (a, b) => collator.compare(cols.names[a], cols.names[b]),
    uscc: (a, b) => (cols.usccs[a] < cols.usccs[b] ? -1 : cols.usccs[a] > cols.usccs[b] ? 1 : 0),
  };
  rows.sort((a, b) => compare[q.sort](a, b) || a - b);
  if (q.dir !== DEFAULT_DIR[q.sort]) rows.reverse();
  const offset = rows.length === 0 ? 0 : Math.min(Math.max(0, q.offset), rows.length - 1);
  const limit = Math.min(Math.max(0, q.limit), 1000);
  return { total: rows.length, offset, rows: rows.slice(offset, offset + limit).map((r) => naiveRow(cols, run, baselineRank, r)) };
}

export function naiveRow(cols: RankingColumns, run: ScoredRows, baselineRank: Int32Array, r: number): RankingRow {
  return {
    row: r,
    rank: run.rank[r],
    stageRank: run.stageRank[r],
    delta: naiveDeltaRank(run.rank, baselineRank)[r],
    name: cols.names[r],
    uscc: cols.usccs[r],
    stage: run.stage[r],
    score: run.score[r],
    base: run.base[r],
    bonus: run.bonus[r],
    vetoed: run.vetoed[r] === 1,
  };
}
