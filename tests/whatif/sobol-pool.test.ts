import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import { channelYield, McWorkerCore, MonteCarloPool, type McLoadInput, type McWorkerApi } from '../../src/whatif/pool/index.ts';
import { runSobolChunk, summarizeSobol, type SobolConfig } from '../../src/whatif/sobol/index.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

const system = twoStageSystem(3);
const n = 300;
const { columns, stage } = randomData(n, 3, 21);
const load: McLoadInput = { system, n, columns, stage };
const normalization = { method: 'winsorized-minmax' as const, lowerQuantile: 0.01, upperQuantile: 0.99 };
const scenario = { normalization, weights: effectiveWeights(system), toggles: ALL_ON };
const config: SobolConfig = { samples: 40, weights: { mode: 'perturb', spread: 0.25 }, list: { kind: 'top-n', n: 30 } };

/** In-process fake workers: the real worker core behind async calls, inputs cloned like postMessage. */
function fakeWorkers(count: number): McWorkerApi[] {
  return Array.from({ length: count }, () => {
    const core = new McWorkerCore(() => new Promise((r) => setTimeout(r, 0)));
    return {
      load: async (input) => core.load(structuredClone(input)),
      run: async (input, onProgress) => core.run(structuredClone(input), onProgress),
      sobol: async (input, onProgress) => core.sobol(structuredClone(input), onProgress),
      cancel: async () => core.cancel(),
    };
  });
}

describe('Sobol on the worker pool', () => {
  it('gives the numbers of one single-threaded run for 1, 2 and 3 workers, with progress reaching N', async () => {
    const prepared = preparedFor(system, columns, stage);
    const single = summarizeSobol(runSobolChunk({ prepared, weights: scenario.weights, toggles: ALL_ON }, config, 99, 0, 40), 99);
    for (const count of [1, 2, 3]) {
      const pool = new MonteCarloPool(fakeWorkers(count));
      await pool.load(load);
      const progress: number[] = [];
      const out = await pool.runSobol(scenario, config, 99, { onProgress: (d) => progress.push(d) });
      expect(out.cancelled).toBe(false);
      expect(out.done).toBe(40);
      expect(progress.at(-1)).toBe(40);
      for (let o = 0; o < 2; o++) {
        expect(Array.from(out.result.outputs[o].indices.S)).toEqual(Array.from(single.outputs[o].indices.S));
        expect(Array.from(out.result.outputs[o].indices.ciST.lo)).toEqual(Array.from(single.outputs[o].indices.ciST.lo));
      }
      expect(Array.from(out.result.perEnterprise.S)).toEqual(Array.from(single.perEnterprise.S));
      expect(Array.from(out.partial.uB)).toEqual(Array.from(single.partial.uB));
    }
  });

  it('cancels through an AbortSignal and summarises the base samples done so far', async () => {
    const pool = new MonteCarloPool(fakeWorkers(2));
    await pool.load(load);
    const ac = new AbortController();
    const out = await pool.runSobol(scenario, { ...config, samples: 200_000 }, 1, { signal: ac.signal, onProgress: (d) => d > 0 && ac.abort() });
    expect(out.cancelled).toBe(true);
    expect(out.done).toBeGreaterThan(0);
    expect(out.done).toBeLessThan(200_000);
    expect(out.result.done).toBe(out.done);
  });

  it('a Monte Carlo run started meanwhile cancels the Sobol run (latest wins, one pool)', async () => {
    const pool = new MonteCarloPool(fakeWorkers(2));
    await pool.load(load);
    const first = pool.runSobol(scenario, { ...config, samples: 200_000 }, 1);
    await new Promise((r) => setTimeout(r, 20));
    const mc = await pool.run(scenario, { samples: 20, weights: { mode: 'perturb', spread: 0.2 } }, 2);
    expect((await first).cancelled).toBe(true);
    expect(mc.done).toBe(20);
  });

  it('the worker core runs Sobol with the MessageChannel yield of the browser worker; refuses simplex', async () => {
    const core = new McWorkerCore(channelYield());
    core.load(load);
    const prepared = preparedFor(system, columns, stage);
    const part = await core.sobol({ ...scenario, config, seed: 3, from: 5, to: 12 });
    const single = runSobolChunk({ prepared, weights: scenario.weights, toggles: ALL_ON }, config, 3, 5, 12);
    expect(Array.from(part.first)).toEqual(Array.from(single.first));
    await expect(core.sobol({ ...scenario, config: { ...config, weights: { mode: 'simplex' } }, seed: 3, from: 0, to: 1 })).rejects.toThrow(/not independent/);
    await expect(new McWorkerCore().sobol({ ...scenario, config, seed: 1, from: 0, to: 1 })).rejects.toThrow(/no data loaded/);
  });
});
