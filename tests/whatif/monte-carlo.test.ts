import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveWeights, rescore } from '../../src/engine/index.ts';
import { ListEvaluator } from '../../src/whatif/lists/index.ts';
import { merge, mergeInto, perturbStage, rankBins, runChunk, summarize, type McConfig, type McSource, type PartialStats } from '../../src/whatif/mc/index.ts';
import { mulberry32, sampleSeed } from '../../src/whatif/prng.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

function source(n: number, seed = 7, decimals = 2): McSource {
  const system = twoStageSystem(4);
  const { columns, stage } = randomData(n, 4, seed, decimals);
  const prepared = preparedFor(system, columns, stage);
  return { prepared, weights: effectiveWeights(system), toggles: ALL_ON, columns };
}

function plainPartial(p: PartialStats) {
  const { key, n, samples, done, topN, bands } = p;
  const arr = (a: ArrayLike<number> | null) => (a ? Array.from(a) : null);
  return {
    key,
    n,
    samples,
    done,
    topN,
    bands,
    counted: arr(p.counted),
    edges: arr(p.edges),
    hist: arr(p.hist),
    rankSum: arr(p.rankSum),
    rankSqSum: arr(p.rankSqSum),
    topCount: arr(p.topCount),
    listCount: arr(p.listCount),
    bandCount: arr(p.bandCount),
    exactRows: arr(p.exactRows),
    exact: arr(p.exact),
  };
}

const base: McConfig = {
  samples: 40,
  weights: { mode: 'perturb', spread: 0.3 },
  topN: [5, 20, 50],
  list: { kind: 'top-percent', percent: 10, scope: 'stage' },
  exactTop: 15,
  maxBins: 24,
};

describe('Monte Carlo chunks', () => {
  const src = source(300);

  it('any split of the samples, merged in any order, equals one single-threaded run', () => {
    const whole = plainPartial(runChunk(src, base, 99, 0, base.samples));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: base.samples - 1 }), { maxLength: 4 }), fc.integer(), (cuts, shuffleSeed) => {
        const edges = [0, ...cuts.sort((a, b) => a - b), base.samples];
        const parts = edges.slice(1).map((to, i) => runChunk(src, base, 99, edges[i], to));
        const rand = mulberry32(shuffleSeed);
        parts.sort(() => rand() - 0.5);
        const merged = parts.slice(1).reduce((a, b) => merge(a, b), parts[0]);
        expect(plainPartial(merged)).toEqual(whole);
      }),
      { numRuns: 12 },
    );
  });

  it('is reproducible from its seed; another seed gives other samples', () => {
    const a = runChunk(src, base, 5, 0, 20);
    const b = runChunk(src, base, 5, 0, 20);
    const c = runChunk(src, { ...base }, 6, 0, 20);
    expect(plainPartial(a)).toEqual(plainPartial(b));
    expect(Array.from(a.rankSum)).not.toEqual(Array.from(c.rankSum));
  });

  it('refuses to merge different runs or a sample counted twice', () => {
    const a = runChunk(src, base, 5, 0, 10);
    expect(() => merge(a, runChunk(src, base, 6, 10, 20))).toThrow(/different runs/);
    expect(() => merge(a, runChunk(src, base, 5, 5, 15))).toThrow(/counted twice/);
  });

  it('with spread 0 every sample reproduces the scenario ranking', () => {
    const cfg: McConfig = { ...base, weights: { mode: 'perturb', spread: 0 }, maxBins: 1000 }; // n ≤ maxBins: exact bins
    const s = summarize(runChunk(src, cfg, 1, 0, cfg.samples));
    const rank0 = rescore(src.prepared, src.weights, src.toggles).rank;
    for (let r = 0; r < 300; r++) {
      expect(s.median[r]).toBe(rank0[r]);
      expect(s.p05[r]).toBe(rank0[r]);
      expect(s.p95[r]).toBe(rank0[r]);
      expect(s.mean[r]).toBe(rank0[r]);
      expect(s.sd[r]).toBe(0);
      expect(s.top[0].p[r]).toBe(rank0[r] <= 5 ? 1 : 0);
    }
  });

  it('matches a brute-force run that keeps every rank: exact rows exactly, binned rows within the bin resolution', () => {
    const cfg = base;
    const S = cfg.samples;
    const { prepared: p, weights, toggles } = src;
    const n = p.n;
    const ranks: number[][] = Array.from({ length: n }, () => []);
    const onList = new Float64Array(n);
    const ev = new ListEvaluator(cfg.list!, n, p.stage);
    const mask = new Uint8Array(n);
    const w = new Float64Array(weights.length);
    for (let i = 0; i < S; i++) {
      const rand = mulberry32(sampleSeed(42, i));
      rand();
      rand();
      for (let st = 0; st < 2; st++) perturbStage(weights, st * p.k, p.k, 0.3, rand, w);
      const res = rescore(p, w, toggles);
      ev.evaluate(res, mask);
      for (let r = 0; r < n; r++) {
        ranks[r].push(res.rank[r]);
        if (mask[r]) onList[r]++;
      }
    }
    const s = summarize(runChunk(src, cfg, 42, 0, S));
    const q = (v: number[], pr: number) => [...v].sort((a, b) => a - b)[Math.max(1, Math.ceil(pr * v.length - 1e-9)) - 1];
    const bins = rankBins(n, cfg.maxBins!);
    expect(s.resolution).toBeGreaterThan(0);
    let exactRows = 0;
    for (let r = 0; r < n; r++) {
      expect(s.onList![r]).toBeCloseTo(onList[r] / S, 12);
      expect(s.mean[r]).toBeCloseTo(ranks[r].reduce((a, b) => a + b, 0) / S, 9);
      expect(s.top[1].p[r]).toBeCloseTo(ranks[r].filter((x) => x <= 20).length / S, 12);
      for (const [pr, got] of [
        [0.5, s.median[r]],
        [0.05, s.p05[r]],
        [0.95, s.p95[r]],
      ] as const) {
        const truth = q(ranks[r], pr);
        if (s.exact[r]) expect(got).toBe(truth);
        else {
          expect(bins.lut[got]).toBe(bins.lut[truth]); // the right bin
          expect(Math.abs(got - truth)).toBeLessThanOrEqual(s.resolution * truth + 1e-9);
        }
      }
      exactRows += s.exact[r];
    }
    expect(exactRows).toBeGreaterThanOrEqual(15);
  });

  it('samples the normalisation too, and stays split-invariant', () => {
    const cfg: McConfig = {
      ...base,
      samples: 16,
      methods: ['winsorized-minmax', 'minmax', 'percentile-rank'],
      quantiles: [
        [0.01, 0.99],
        [0.05, 0.95],
      ],
    };
    const whole = plainPartial(runChunk(src, cfg, 3, 0, 16));
    const merged = mergeInto(runChunk(src, cfg, 3, 9, 16), runChunk(src, cfg, 3, 0, 9));
    expect(plainPartial(merged)).toEqual(whole);
    expect(() => runChunk({ ...src, columns: undefined }, cfg, 3, 0, 16)).toThrow(/raw columns/);
  });

  it('reports progress and stops when cancelled', () => {
    const seen: number[] = [];
    const signal = { aborted: false };
    const part = runChunk(src, base, 1, 0, 40, {
      progressEvery: 5,
      signal,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 10) signal.aborted = true;
      },
    });
    expect(seen).toEqual([5, 10]);
    expect(part.done).toBe(10);
    expect(summarize(part).samples).toBe(10);
  });

  it('degenerate populations: n = 0, n = 1, all scores tied', () => {
    const empty = summarize(runChunk(source(0), base, 1, 0, 5));
    expect(empty.n).toBe(0);
    const one = summarize(runChunk(source(1), base, 1, 0, 5));
    expect([one.median[0], one.p05[0], one.p95[0]]).toEqual([1, 1, 1]);
    // constant columns: every s is 0, only bonus/veto separate rows
    const system = twoStageSystem(4);
    const n = 50;
    const columns: Record<string, Float64Array> = { b: new Float64Array(n), v: new Float64Array(n) };
    for (let i = 0; i < 4; i++) columns[`x${i}`] = new Float64Array(n).fill(3);
    const stage = new Uint8Array(n);
    const tied: McSource = { prepared: preparedFor(system, columns, stage), weights: effectiveWeights(system), toggles: ALL_ON };
    const s = summarize(runChunk(tied, base, 1, 0, 10));
    expect(Array.from(s.median)).toEqual(new Array(n).fill(1));
    expect(Array.from(s.top[0].p)).toEqual(new Array(n).fill(1));
  });

  it('validates its config with one clear sentence', () => {
    expect(() => runChunk(src, { ...base, samples: 0 }, 1, 0, 0)).toThrow(/samples must be/);
    expect(() => runChunk(src, { ...base, weights: { mode: 'perturb', spread: 2 } }, 1, 0, 1)).toThrow(/spread/);
    expect(() => runChunk(src, base, 1, 30, 50)).toThrow(/outside/);
    expect(() => runChunk(src, { ...base, methods: ['nope' as never] }, 1, 0, 1)).toThrow(/unknown normalisation method "nope"/);
    expect(() => runChunk(src, { ...base, weights: { mode: 'simplex', lower: [1] } }, 1, 0, 1)).toThrow(/lower bounds need 2×4/);
  });
});
