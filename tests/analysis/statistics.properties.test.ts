import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deltaRank, HISTOGRAM_BINS, histogram, RankingPager, scoreDistribution, scoreDomain, stageHistograms, stageSummaries, summary, topN } from '../../src/analysis/index.ts';
import { NO_STAGE } from '../../src/engine/index.ts';
import type { RankingQuery, SortKey } from '../../src/protocol/scoring.ts';
import { naiveDeltaRank, naiveHistogram, naiveOrder, naivePage, naiveRanks, naiveSummary, naiveTopN } from './oracles.ts';
import { build, CITIES, population, rowSpec, TECH_FIELDS } from './scored-rows.ts';
import { plain } from '../helpers/arrays.ts';

/**
 * The fast statistics of src/analysis (what the screen shows) against the simple oracles of
 * oracles.ts, on random data: ties, NaN, masks, empty stages, rows without stage, vetoed rows,
 * n = 0 and 1.
 */
const RUNS = { numRuns: 300 };

/** Values on a grid of quarters (ties, exact bin edges), some NaN, some negative. */
const values = fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -8, max: 40 }).map((k) => k / 4) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
  maxLength: 40,
});
const withSides = values.chain((v) =>
  fc.record({
    v: fc.constant(v),
    stage: fc.array(fc.constantFrom(0, 1, 2, NO_STAGE), { minLength: v.length, maxLength: v.length }),
    vetoed: fc.array(fc.constantFrom(0, 1), { minLength: v.length, maxLength: v.length }),
    mask: fc.option(fc.array(fc.constantFrom(0, 1, 1), { minLength: v.length, maxLength: v.length }), { nil: undefined }),
    nStages: fc.integer({ min: 1, max: 4 }),
  }),
);

describe('ranks the summaries read', () => {
  it('the engine ranks a population as the oracle defines competition ranks', () => {
    fc.assert(
      fc.property(population(), ({ run }) => {
        expect(plain(run.rank)).toEqual(plain(naiveRanks(run.score)));
        expect(plain(run.stageRank)).toEqual(plain(naiveRanks(run.score, run.stage, run.nStages)));
        // the order is score descending, ties in row order (what topN and the oracles assume)
        expect(plain(run.order)).toEqual(plain(naiveOrder(run.score)));
      }),
      RUNS,
    );
  });
});

describe('summary and stageSummaries against a sort', () => {
  it('agree with NaN, masks, vetoed rows and empty stages (ranks by definition)', () => {
    fc.assert(
      fc.property(withSides, ({ v, stage, vetoed, mask, nStages }) => {
        const values = Float64Array.from(v);
        const st = Uint8Array.from(stage);
        const vet = Uint8Array.from(vetoed);
        const m = mask && Uint8Array.from(mask);
        expect(summary(values, naiveRanks(values, undefined, 0, m), vet, m)).toEqual(naiveSummary(values, vet, m));
        const fast = stageSummaries(values, st, naiveRanks(values, st, nStages, m), nStages, vet, m);
        expect(fast).toEqual(Array.from({ length: nStages }, (_, s) => naiveSummary(values, vet, m, st, s)));
      }),
      RUNS,
    );
  });

  it('agree on populations ranked by the engine', () => {
    fc.assert(
      fc.property(population(), ({ run }) => {
        expect(summary(run.score, run.rank, run.vetoed)).toEqual(naiveSummary(run.score, run.vetoed));
        const perStage = Array.from({ length: run.nStages }, (_, s) => naiveSummary(run.score, run.vetoed, undefined, run.stage, s));
        expect(stageSummaries(run.score, run.stage, run.stageRank, run.nStages, run.vetoed)).toEqual(perStage);
      }),
      RUNS,
    );
  });
});

describe('histograms against the bin definition', () => {
  const domain = fc.tuple(fc.integer({ min: -4, max: 20 }), fc.integer({ min: 0, max: 24 })).map(([lo, width]) => ({ min: lo / 2, max: (lo + width) / 2 }));
  it('histogram and stageHistograms agree, NaN and out-of-domain values included', () => {
    fc.assert(
      fc.property(withSides, domain, fc.constantFrom(1, 2, 4, 8, 16, 40), ({ v, stage, mask, nStages }, d, bins) => {
        // 40 bins: only over [0, 10·k] (the screen's domain), where the step k/4 is exact
        const dom = bins === 40 ? scoreDomain(d.max) : d;
        const values = Float64Array.from(v);
        const st = Uint8Array.from(stage);
        const m = mask && Uint8Array.from(mask);
        expect(histogram(values, bins, dom, m)).toEqual(naiveHistogram(values, bins, dom, m));
        const perStage = Array.from({ length: nStages }, (_, s) => naiveHistogram(values, bins, dom, m, st, s));
        expect(stageHistograms(values, st, nStages, bins, dom, m)).toEqual(perStage);
      }),
      RUNS,
    );
  });
});

describe('scoreDistribution (overview, stages view, what-if panels)', () => {
  it('rounds the top score up to a multiple of 10, at least 10', () => {
    expect(scoreDomain(0)).toEqual({ min: 0, max: 10 });
    expect(scoreDomain(10)).toEqual({ min: 0, max: 10 });
    expect(scoreDomain(10.25)).toEqual({ min: 0, max: 20 });
    expect(scoreDomain(94.5)).toEqual({ min: 0, max: 100 });
    expect(scoreDomain(NaN)).toEqual({ min: 0, max: 10 });
  });

  it('agrees with the oracles on random populations', () => {
    fc.assert(
      fc.property(population(), ({ run }) => {
        const { score, vetoed, stage, nStages } = run;
        const n = score.length;
        const dom = { min: 0, max: Math.max(10, Math.ceil(Math.max(0, ...score) / 10) * 10) };
        const stageCounts = Array.from({ length: nStages }, (_, s) => stage.filter((x) => x === s).length);
        expect(scoreDistribution(run)).toEqual({
          stageCounts,
          noStage: stage.filter((x) => x >= nStages).length,
          vetoed: vetoed.filter((x) => x === 1).length,
          overall: naiveSummary(score, vetoed),
          stageSummaries: stageCounts.map((_, s) => naiveSummary(score, vetoed, undefined, stage, s)),
          histogram: naiveHistogram(score, HISTOGRAM_BINS, dom),
          stageHistograms: stageCounts.map((_, s) => naiveHistogram(score, HISTOGRAM_BINS, dom, undefined, stage, s)),
        });
        expect(scoreDistribution(run).histogram.total).toBe(n);
      }),
      RUNS,
    );
  });

  it('handles n = 0 and a single row by hand', () => {
    const empty = scoreDistribution(build([], 2).run);
    expect(empty).toMatchObject({ stageCounts: [0, 0], noStage: 0, vetoed: 0 });
    expect(empty.overall.median).toBeNaN();
    expect(empty.histogram).toMatchObject({ min: 0, max: 10, step: 0.25, total: 0 });
    // one row, stage 1, base 12 + bonus 1 = 13 → domain [0, 20], step 0.5, bin 26
    const one = scoreDistribution(build([{ base: 12, bonus: 1, vetoed: 0, stage: 1, name: 'a', uscc: 'u', techField: 0, city: 0, baselineScore: 1 }], 2).run);
    expect(one.stageCounts).toEqual([0, 1]);
    expect(one.overall).toEqual({ count: 1, missing: 0, vetoed: 0, mean: 13, median: 13, p10: 13, p90: 13, min: 13, max: 13 });
    expect(one.stageSummaries[0].count).toBe(0);
    expect(one.histogram.max).toBe(20);
    expect(one.histogram.counts[26]).toBe(1);
    expect(one.stageHistograms[0].total).toBe(0);
  });
});

describe('topN and Δrank against the oracles', () => {
  it('topN agrees with a sort, NaN and masks included', () => {
    fc.assert(
      fc.property(withSides, fc.integer({ min: 0, max: 45 }), ({ v, mask }, count) => {
        const m = mask && Uint8Array.from(mask);
        expect(topN(Float64Array.from(v), count, m)).toEqual(naiveTopN(v, count, m));
      }),
      RUNS,
    );
  });

  it('the live top 10 is the head of the ranking table sorted by rank', () => {
    fc.assert(
      fc.property(population(), ({ run }) => {
        expect(topN(run.score, 10)).toEqual(plain(run.order.subarray(0, 10)));
      }),
      RUNS,
    );
  });

  it('deltaRank agrees with the per-row definition, unranked rows included', () => {
    const ranks = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { maxLength: 40 });
    fc.assert(
      fc.property(ranks, (pairs) => {
        const cur = Int32Array.from(pairs, (p) => p[0]);
        const base = Int32Array.from(pairs, (p) => p[1]);
        expect(plain(deltaRank(cur, base))).toEqual(naiveDeltaRank(cur, base));
      }),
      RUNS,
    );
  });
});

describe('RankingPager against a filtered, sorted list', () => {
  const SORTS: SortKey[] = ['rank', 'delta', 'name', 'uscc', 'stage', 'score', 'base', 'bonus', 'veto'];
  const query = (nStages: number): fc.Arbitrary<RankingQuery> =>
    fc.record({
      offset: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -2, max: 60 })),
      limit: fc.oneof(fc.integer({ min: 0, max: 15 }), fc.constant(5000)),
      search: fc.constantFrom('', '', 'a', 'ABC', ' 甲 ', '9151', 'zz'),
      stage: fc.constantFrom(-1, -1, 0, nStages - 1, nStages, NO_STAGE),
      techField: fc.constantFrom('', '', ...TECH_FIELDS.slice(1), 'none'),
      city: fc.constantFrom('', '', ...CITIES.slice(1)),
      sort: fc.constantFrom(...SORTS),
      dir: fc.constantFrom('asc' as const, 'desc' as const),
    });
  const scenario = fc
    .integer({ min: 1, max: 3 })
    .chain((nStages) => fc.tuple(fc.constant(nStages), fc.array(rowSpec(nStages), { maxLength: 40 }), fc.array(query(nStages), { minLength: 1, maxLength: 6 })));

  it('agrees page by page, through the filter and order caches and a re-score into the same buffers', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 40 }), ([nStages, rows, queries], newBase) => {
        const { cols, run, baselineRank } = build(rows, nStages);
        const pager = new RankingPager(cols);
        for (const q of queries) expect(pager.page(q, run, baselineRank, 1)).toEqual(naivePage(cols, run, baselineRank, q));
        // a re-score writes into the same arrays (as the engine does); a new generation must drop cached orders
        const next = build(
          rows.map((r, i) => ({ ...r, base: (newBase[i] ?? 0) / 4 })),
          nStages,
        ).run;
        for (const k of ['score', 'base', 'bonus', 'vetoed', 'rank', 'stageRank', 'order'] as const) run[k].set(next[k]);
        for (const q of queries) expect(pager.page(q, run, baselineRank, 2)).toEqual(naivePage(cols, run, baselineRank, q));
      }),
      RUNS,
    );
  });
});
