import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPartial, summarize } from '../../src/whatif/mc/index.ts';
import { rankBins } from '../../src/whatif/mc/rank-bins.ts';

/**
 * summarize reads each row's quantiles from the end of its histogram nearer its ranks and takes
 * every row's count to be the samples done when the histograms' total says so. Checked here
 * against the documented definition read the plain way: count the row's histogram, walk it from
 * the first bin, and in the bin holding the t-th rank (t = ⌈p·S⌉) take lo + ⌊(t − before − 1)·width / count⌋.
 */
function reference(hist: ArrayLike<number>, off: number, edges: Int32Array, p: number): number {
  const bins = edges.length - 1;
  let S = 0;
  for (let b = 0; b < bins; b++) S += hist[off + b];
  if (S === 0) return NaN;
  const t = Math.max(1, Math.ceil(p * S - 1e-9));
  let before = 0;
  for (let b = 0; b < bins; b++) {
    const c = hist[off + b];
    if (before + c >= t && c > 0) return edges[b] + Math.floor(((t - before - 1) * (edges[b + 1] - edges[b])) / c);
    before += c;
  }
  return NaN;
}

describe('Monte Carlo summary from the histograms', () => {
  it('quantiles and means equal the plain definition, whether every row has a rank in every sample or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        fc.integer(),
        (n, maxBins, samples, uniform, seed) => {
          let x = seed | 0;
          const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
          const bins = rankBins(n, maxBins);
          const B = bins.edges.length - 1;
          const P = emptyPartial({ key: 'k', n, samples, edges: bins.edges, topN: [], list: false, bands: 0, exactRows: new Int32Array(0) });
          P.done = samples;
          const rows = Math.min(n, 12);
          for (let r = 0; r < rows; r++) {
            // Some rows never have a rank (no stage); without `uniform`, some have ranks in only part of the samples.
            const count = rand() < 0.2 ? 0 : uniform ? samples : 1 + Math.floor(rand() * samples);
            const centre = 1 + Math.floor(rand() * n);
            for (let i = 0; i < count; i++) {
              const rank = Math.min(n, Math.max(1, centre + Math.round((rand() - 0.5) * n * 0.3)));
              P.hist[r * B + bins.lut[rank]]++;
              P.rankSum[r] += rank;
              P.rankSqSum[r] += rank * rank;
            }
          }
          const s = summarize(P);
          for (let r = 0; r < rows; r++) {
            let S = 0;
            for (let b = 0; b < B; b++) S += P.hist[r * B + b];
            expect(s.median[r]).toEqual(reference(P.hist, r * B, bins.edges, 0.5));
            expect(s.p05[r]).toEqual(reference(P.hist, r * B, bins.edges, 0.05));
            expect(s.p95[r]).toEqual(reference(P.hist, r * B, bins.edges, 0.95));
            expect(s.mean[r]).toEqual(S ? P.rankSum[r] / S : NaN);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
