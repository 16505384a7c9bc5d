import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import { createNodePool } from '../../src/cli/node-pool.ts';
import { sobolDrawsCsv, sobolEnterpriseCsv, sobolIndicesCsv } from '../../src/cli/sobol-output.ts';
import { copyLoadInput } from '../../src/protocol/monte-carlo.ts';
import { runChunk, summarize, type McConfig } from '../../src/whatif/mc/index.ts';
import { runSobolChunk, summarizeSobol, type SobolConfig } from '../../src/whatif/sobol/index.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from '../whatif/fixtures.ts';

const system = twoStageSystem(3);
const n = 200;
const { columns, stage } = randomData(n, 3, 8);
const prepared = preparedFor(system, columns, stage);
const weights = effectiveWeights(system);
const config: SobolConfig = { samples: 24, weights: { mode: 'perturb', spread: 0.3 }, list: { kind: 'top-n', n: 20 } };
const ids = ['x0', 'x1', 'x2'];

describe('Sobol and Monte Carlo on the command line', () => {
  it('the worker_threads pool gives the in-process numbers for the same seed (Sobol and Monte Carlo)', async () => {
    const normalization = { method: 'winsorized-minmax' as const, lowerQuantile: 0.01, upperQuantile: 0.99 };
    const scenario = { normalization, weights, toggles: ALL_ON };
    const { pool, dispose } = createNodePool(2);
    try {
      await pool.load(copyLoadInput({ system, n, columns, stage }));
      const progress: number[] = [];
      const node = (await pool.runSobol(scenario, config, 77, { onProgress: (d) => progress.push(d) })).result;
      const single = summarizeSobol(runSobolChunk({ prepared, weights, toggles: ALL_ON }, config, 77, 0, 24), 77);
      expect(progress.at(-1)).toBe(24);
      expect(node.done).toBe(24);
      for (let o = 0; o < 2; o++) {
        expect(Array.from(node.outputs[o].indices.S)).toEqual(Array.from(single.outputs[o].indices.S));
        expect(Array.from(node.outputs[o].indices.ciS.hi)).toEqual(Array.from(single.outputs[o].indices.ciS.hi));
      }
      expect(Array.from(node.perEnterprise.ST)).toEqual(Array.from(single.perEnterprise.ST));
      // Monte Carlo: 30 samples split over the two threads = one chunk of all 30 in this thread.
      const mc: McConfig = { samples: 30, weights: { mode: 'perturb', spread: 0.25 }, topN: [20], list: { kind: 'top-n', n: 20 } };
      const run = await pool.run(scenario, mc, 5);
      const one = summarize(runChunk({ prepared, weights, toggles: ALL_ON }, mc, 5, 0, 30));
      expect(run.done).toBe(30);
      expect(Array.from(run.summary.median)).toEqual(Array.from(one.median));
      expect(Array.from(run.summary.p95)).toEqual(Array.from(one.p95));
      expect(Array.from(run.partial.listCount!)).toEqual(Array.from(runChunk({ prepared, weights, toggles: ALL_ON }, mc, 5, 0, 30).listCount!));
    } finally {
      await dispose();
    }
  }, 60_000);

  it('writes the indices, per-enterprise and draws CSVs (BOM, header first, injection-safe codes)', () => {
    const res = summarizeSobol(runSobolChunk({ prepared, weights, toggles: ALL_ON }, config, 3, 0, 24), 3);
    const idx = sobolIndicesCsv(res, ids).slice(1).split('\r\n');
    expect(idx[0]).toBe('output,indicator,S,S_ci_low,S_ci_high,ST,ST_ci_low,ST_ci_high,variance,base_samples,bootstrap_replicates,note');
    expect(idx).toHaveLength(1 + 2 * 3 + 1);
    expect(idx[1].split(',').slice(0, 3)).toEqual(['meanRankShift', 'x0', String(res.outputs[0].indices.S[0])]);
    const uscc = Array.from({ length: n }, (_, r) => (r === 0 ? '=HYPERLINK("x")' : `9151000000000${String(r).padStart(5, '0')}`));
    const ent = sobolEnterpriseCsv(res, uscc, ids).slice(1).split('\r\n');
    expect(ent[0]).toBe('uscc,rank_variance,S_x0,S_x1,S_x2,ST_x0,ST_x1,ST_x2');
    expect(ent[1].startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(() => sobolEnterpriseCsv(res, uscc.slice(1), ids)).toThrow(/199 codes for 200 rows/);
    const draws = sobolDrawsCsv(res, weights, 0.3, ['young', 'old'], ids).slice(1).split('\r\n');
    expect(draws[0]).toBe('base_sample,point,factor_from_B,u_x0,u_x1,u_x2,w_young_x0,w_young_x1,w_young_x2,w_old_x0,w_old_x1,w_old_x2,meanRankShift,listChurn');
    expect(draws).toHaveLength(1 + 24 * 5 + 1);
    const a0 = draws[1].split(',');
    expect(a0.slice(0, 3)).toEqual(['0', 'A', '']);
    expect(Number(a0[3])).toBe(res.partial.uA[0]);
    expect(draws[3].split(',').slice(1, 3)).toEqual(['AB', 'x0']);
  });
});
