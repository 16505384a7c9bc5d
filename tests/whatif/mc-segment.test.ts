import { describe, expect, it } from 'vitest';
import { effectiveWeights, rescore } from '../../src/engine/index.ts';
import { perturbStage, runChunk, summarize, topIntervals, type McConfig, type McSource } from '../../src/whatif/mc/index.ts';
import { withinMask } from '../../src/whatif/mc/list-table.ts';
import { SegmentRanks } from '../../src/whatif/mc/segment-ranks.ts';
import { mulberry32, sampleSeed } from '../../src/whatif/prng.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

/**
 * Monte Carlo within a segment (细分范围): each sample's ranks are competition ranks among the
 * segment's rows (brute-forced here from the sample's scores), the list is the segment's top N,
 * and rows outside count nothing. The samples are re-drawn here the way the run draws them.
 */
const n = 240;
const system = twoStageSystem(4);
const { columns, stage } = randomData(n, 4, 11, 2);
const prepared = preparedFor(system, columns, stage);
const weights = effectiveWeights(system);
// Every third row, and a run of rows, so the segment is neither a prefix nor a stage.
const within = Uint8Array.from({ length: n }, (_, r) => (r % 3 === 0 || (r > 100 && r < 130) ? 1 : 0));
const src: McSource = { prepared, weights, toggles: ALL_ON, columns, groups: { within } };

/** Competition ranks ("1224") among the rows with `keep`, by score; 0 for the others. */
function bruteRanks(score: ArrayLike<number>, keep: (r: number) => boolean): number[] {
  return Array.from({ length: n }, (_, r) => {
    if (!keep(r)) return 0;
    let higher = 0;
    for (let j = 0; j < n; j++) if (keep(j) && score[j] > score[r]) higher++;
    return higher + 1;
  });
}

describe('Monte Carlo within a segment', () => {
  const S = 15;
  const cfg: McConfig = { samples: S, weights: { mode: 'perturb', spread: 0.3 }, topN: [5], list: { kind: 'top-n', n: 8, scope: 'overall' }, exactTop: 0, maxBins: 16 };

  it('ranks within the segment, lists its top N, and leaves the rows outside out', () => {
    const part = runChunk(src, cfg, 42, 0, S);
    const rankSum = new Float64Array(n);
    const top = new Float64Array(n);
    const listed = new Float64Array(n);
    const w = new Float64Array(weights.length);
    for (let i = 0; i < S; i++) {
      const rand = mulberry32(sampleSeed(42, i));
      rand();
      rand();
      for (let st = 0; st < 2; st++) perturbStage(weights, st * prepared.k, prepared.k, 0.3, rand, w);
      const res = rescore(prepared, w, ALL_ON);
      const rk = bruteRanks(res.score, (r) => within[r] === 1);
      for (let r = 0; r < n; r++) {
        rankSum[r] += rk[r];
        if (rk[r] >= 1 && rk[r] <= 5) top[r]++;
        // A cleared (vetoed) row is never listed; the fixture has no vetoes, so rank ≤ 8 is the rule.
        if (rk[r] >= 1 && rk[r] <= 8) listed[r]++;
      }
    }
    expect(Array.from(part.rankSum)).toEqual(Array.from(rankSum));
    expect(Array.from(part.topCount.subarray(0, n))).toEqual(Array.from(top));
    expect(Array.from(part.listCount!)).toEqual(Array.from(listed));
    // The segment's top 8 of one sample holds 8 rows (no ties in the fixture), all inside the segment.
    expect(listed.reduce((a, b) => a + b, 0)).toBe(8 * S);
    for (let r = 0; r < n; r++) if (!within[r]) expect([part.rankSum[r], part.listCount![r]]).toEqual([0, 0]);
  });

  it('ranks within the segment and stage for stage ranks', () => {
    const part = runChunk(src, { ...cfg, rank: 'stage', list: undefined, samples: 1 }, 5, 0, 1);
    const rand = mulberry32(sampleSeed(5, 0));
    rand();
    rand();
    const w = new Float64Array(weights.length);
    for (let st = 0; st < 2; st++) perturbStage(weights, st * prepared.k, prepared.k, 0.3, rand, w);
    const res = rescore(prepared, w, ALL_ON);
    const expected = Array.from({ length: n }, (_, r) => (within[r] ? bruteRanks(res.score, (j) => within[j] === 1 && stage[j] === stage[r])[r] : 0));
    expect(Array.from(part.rankSum)).toEqual(expected);
  });

  it('the scenario’s segment ranks pick the intervals shown, and the table keeps the segment’s rows', () => {
    const res0 = rescore(prepared, weights, ALL_ON);
    const rank0 = new SegmentRanks(within, n, prepared.stage, 'overall').of(res0).slice();
    expect(Array.from(rank0)).toEqual(bruteRanks(res0.score, (r) => within[r] === 1));
    const s = summarize(runChunk(src, cfg, 42, 0, S));
    const shown = topIntervals(s, rank0, 10);
    expect(shown.map((x) => x.rank0)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const x of shown) expect(within[x.row]).toBe(1);
    const inSeg = within.reduce((a, b) => a + b, 0);
    expect(withinMask(null, within, n)?.total).toBe(inSeg);
    const search = { mask: Uint8Array.from({ length: n }, (_, r) => (r < 60 ? 1 : 0)), total: 60 };
    expect(withinMask(search, within, n)?.total).toBe(20); // rows 0, 3, …, 57
    expect(withinMask(search, null, n)).toBe(search);
  });
});
