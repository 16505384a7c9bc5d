import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import { runChunk, summarize, type McConfig } from '../../src/whatif/mc/index.ts';
import { channelYield, copyLoadInput, loadBuffers, McWorkerCore, MonteCarloPool, splitSamples, type McLoadInput, type McWorkerApi } from '../../src/whatif/pool/index.ts';
import { preparedMatrix } from '../../src/protocol/monte-carlo.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

const system = twoStageSystem(3);
const n = 400;
const { columns, stage } = randomData(n, 3, 11);
const load: McLoadInput = { system, n, columns, stage };
const normalization = { method: 'winsorized-minmax' as const, lowerQuantile: 0.01, upperQuantile: 0.99 };
const scenario = { normalization, weights: effectiveWeights(system), toggles: ALL_ON };
const config: McConfig = { samples: 60, weights: { mode: 'perturb', spread: 0.25 }, topN: [10], list: { kind: 'top-n', n: 30 }, exactTop: 20, maxBins: 40 };

/** A fake worker: the real worker core in-process, behind async calls like a Comlink remote. */
function fakeWorkers(count: number, sliceMs = 1): McWorkerApi[] {
  return Array.from({ length: count }, () => {
    const core = new McWorkerCore(() => new Promise((r) => setTimeout(r, 0)));
    return {
      load: async (input) => core.load(structuredClone(input)),
      run: async (input, onProgress) => {
        void sliceMs;
        return core.run(structuredClone(input), onProgress);
      },
      sobol: async (input, onProgress) => core.sobol(structuredClone(input), onProgress),
      cancel: async () => core.cancel(),
    };
  });
}

describe('Monte Carlo pool', () => {
  it('splits samples into near-equal contiguous ranges', () => {
    expect(splitSamples(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(splitSamples(1, 4)).toEqual([[0, 1]]);
    expect(splitSamples(0, 2)).toEqual([[0, 0]]);
  });

  it('gives the same result as one single-threaded run, with progress reaching the total', async () => {
    const prepared = preparedFor(system, columns, stage);
    const single = summarize(runChunk({ prepared, weights: scenario.weights, toggles: ALL_ON, columns }, config, 2024, 0, config.samples));
    for (const count of [1, 2, 3]) {
      const pool = new MonteCarloPool(fakeWorkers(count));
      await pool.load(load);
      const progress: number[] = [];
      const out = await pool.run(scenario, config, 2024, { onProgress: (d) => progress.push(d) });
      expect(out.cancelled).toBe(false);
      expect(out.done).toBe(60);
      expect(progress.at(-1)).toBe(60);
      expect(Array.from(out.summary.median)).toEqual(Array.from(single.median));
      expect(Array.from(out.summary.p95)).toEqual(Array.from(single.p95));
      expect(Array.from(out.summary.onList!)).toEqual(Array.from(single.onList!));
    }
  });

  it('cancels through an AbortSignal and returns the samples done so far', async () => {
    const pool = new MonteCarloPool(fakeWorkers(2));
    await pool.load(load);
    const ac = new AbortController();
    // So many samples that no machine finishes them in the first 50 ms slice (5000 could be, on an idle one).
    const big = { ...config, samples: 1_000_000 };
    const out = await pool.run(scenario, big, 1, { signal: ac.signal, onProgress: (d) => d > 0 && ac.abort() });
    expect(out.cancelled).toBe(true);
    expect(out.done).toBeGreaterThan(0);
    expect(out.done).toBeLessThan(1_000_000);
  });

  it('a new run cancels the one in flight (latest wins)', async () => {
    const pool = new MonteCarloPool(fakeWorkers(2));
    await pool.load(load);
    // So many samples that the first run cannot finish before the second one starts, however fast it runs.
    const first = pool.run(scenario, { ...config, samples: 1_000_000 }, 1);
    await new Promise((r) => setTimeout(r, 20));
    const second = await pool.run(scenario, config, 2);
    expect((await first).cancelled).toBe(true);
    expect(second.cancelled).toBe(false);
    expect(second.done).toBe(60);
  });

  it('copies and lists the buffers of a load', () => {
    const copy = copyLoadInput(load);
    expect(copy.columns.x0).not.toBe(columns.x0);
    expect(Array.from(copy.columns.x0)).toEqual(Array.from(columns.x0));
    expect(loadBuffers(load)).toHaveLength(Object.keys(columns).length + 1);
    const m = preparedMatrix(preparedFor(system, columns, stage));
    const withMatrix = { ...load, matrix: m };
    // s, one bonus column and one veto column besides the columns and the stages.
    expect(loadBuffers(withMatrix)).toHaveLength(Object.keys(columns).length + 4);
    const copied = copyLoadInput(withMatrix).matrix!;
    expect(copied.s).not.toBe(m.s);
    expect(Array.from(copied.s)).toEqual(Array.from(m.s));
    expect(copied.veto[0]).not.toBe(m.veto[0]);
    expect(() => new MonteCarloPool([])).toThrow(/at least one worker/);
  });

  it('the worker core runs with the MessageChannel yield the browser worker uses', async () => {
    const core = new McWorkerCore(channelYield());
    core.load(load);
    const prepared = preparedFor(system, columns, stage);
    const part = await core.run({ ...scenario, config, seed: 3, from: 0, to: 60 });
    const single = runChunk({ prepared, weights: scenario.weights, toggles: ALL_ON }, config, 3, 0, 60);
    expect(Array.from(part.hist)).toEqual(Array.from(single.hist));
  });

  it('keeps the matrix a load hands over instead of preparing it again, and prepares other normalisations from the columns', async () => {
    const prepared = preparedFor(system, columns, stage);
    const input = { ...scenario, config, seed: 5, from: 0, to: 30 };
    const plainCore = new McWorkerCore();
    plainCore.load(copyLoadInput(load));
    const expected = await plainCore.run(input);
    // The true matrix: the same partial as preparing it.
    const given = new McWorkerCore();
    given.load(copyLoadInput({ ...load, matrix: preparedMatrix(prepared) }));
    expect(await given.run(input)).toEqual(expected);
    // A matrix of other values proves the worker used the one it was given and did not prepare.
    const other = preparedMatrix(prepared);
    for (let i = 0; i < other.s.length; i++) other.s[i] = 1 - other.s[i];
    const marked = new McWorkerCore();
    marked.load(copyLoadInput({ ...load, matrix: other }));
    const changed = await marked.run(input);
    expect(changed.rankSum).not.toEqual(expected.rankSum);
    // Another normalisation is prepared from the columns, as without a matrix.
    const minmax = { ...input, normalization: { method: 'minmax' as const, lowerQuantile: 0, upperQuantile: 1 } };
    expect(await marked.run(minmax)).toEqual(await plainCore.run(minmax));
    expect(() => new McWorkerCore().load({ ...load, matrix: { ...other, s: other.s.subarray(1) } })).toThrow(/matrix has/);
    expect(() => new McWorkerCore().load({ ...load, matrix: { ...other, veto: [] } })).toThrow(/bonus or veto columns/);
    expect(() => new McWorkerCore().load({ ...load, matrix: { ...other, bonusPoints: [other.bonusPoints[0].subarray(1)] } })).toThrow(/bonus or veto columns/);
  });

  it('a worker without data says so', async () => {
    const core = new McWorkerCore();
    await expect(core.run({ ...scenario, config, seed: 1, from: 0, to: 1 })).rejects.toThrow(/no data loaded/);
  });
});
