import { afterEach, describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import { setWasmKernels, warmUpKernels } from '../../src/engine/wasm-kernels.ts';
import { runChunk, type McConfig, type PartialStats } from '../../src/whatif/mc/index.ts';
import { McChunk, type McSource } from '../../src/whatif/mc/run-chunk.ts';
import { STAGE_BANDS, type ListRule } from '../../src/whatif/lists/list-rule.ts';
import { runSobolChunk, type SobolConfig, type SobolPartial } from '../../src/whatif/sobol/index.ts';
import { ALL_ON, preparedFor, randomData, twoStageSystem } from './fixtures.ts';

/**
 * Monte Carlo and Sobol take the WebAssembly kernels where they run (every other test here, in
 * Node) and their JavaScript loops elsewhere: both paths must give the same partial sums exactly.
 * The values themselves are checked against independent computations in monte-carlo.test.ts and
 * sobol.test.ts; this file checks that the JavaScript path, used only without WebAssembly, agrees.
 */
afterEach(() => setWasmKernels(true));

function data(n: number, decimals: number) {
  const system = twoStageSystem(4);
  const { columns, stage } = randomData(n, 4, 11, decimals);
  stage[0] = 255; // a row without a stage: no stage rank
  return { prepared: preparedFor(system, columns, stage), weights: effectiveWeights(system), toggles: ALL_ON, columns };
}

const plain = (p: PartialStats | SobolPartial) => JSON.parse(JSON.stringify(p, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)));

/** A whole chunk [0, samples) stepped as a worker steps it, for its partial and the paths its samples took. */
function wholeChunk(src: McSource, config: McConfig, seed: number): McChunk {
  const chunk = new McChunk(src, config, seed, 0, config.samples);
  while (!chunk.finished) chunk.step(chunk.stepSize);
  return chunk;
}

describe('WebAssembly and JavaScript paths agree', () => {
  it.each([
    ['overall', 2],
    ['stage', 0],
  ] as const)('Monte Carlo, %s ranks, %i decimals (ties)', (rank, decimals) => {
    const src = data(301, decimals); // not a multiple of 4: mcFlush's padding rows
    const config: McConfig = { samples: 37, rank, weights: { mode: 'perturb', spread: 0.3 }, topN: [5, 20, 60], list: { kind: 'top-percent', percent: 20, scope: 'stage' } };
    const wasm = plain(runChunk(src, config, 5, 0, 37));
    setWasmKernels(false);
    const js = plain(runChunk(src, config, 5, 0, 37));
    expect(wasm).toEqual(js);
    expect(wasm.rankSum.some((x: number) => x > 0)).toBe(true);
  });

  // The rank kernel applies single-band list rules while it ranks (rankMc): every such rule, with
  // overall and stage ranks, must give the partial of the JavaScript path (ranked result, then
  // ListEvaluator.evaluate), and must really have taken the kernel's path.
  const rules: [string, ListRule | undefined][] = [
    ['no list', undefined],
    ['top 30 overall', { kind: 'top-n', n: 30, scope: 'overall' }],
    ['top 15% by stage', { kind: 'top-percent', percent: 15, scope: 'stage' }],
    ['top 7 by stage', { kind: 'top-n', n: 7, scope: 'stage' }],
    ['score ≥ 50', { kind: 'threshold', minScore: 50 }],
    // Long enough to reach the vetoed rows (score 0, ~5%): they must stay off.
    ['top 200 overall', { kind: 'top-n', n: 200, scope: 'overall' }],
    ['top 99% by stage', { kind: 'top-percent', percent: 99, scope: 'stage' }],
    ['score ≥ 0', { kind: 'threshold', minScore: 0 }],
  ];
  it.each(rules.flatMap(([name, list]) => (['overall', 'stage'] as const).map((rank) => [name, rank, list] as const)))(
    'Monte Carlo, %s, %s ranks: the kernel path equals the JavaScript path',
    (_name, rank, list) => {
      const src = data(203, 1);
      const config: McConfig = { samples: 21, rank, weights: { mode: 'perturb', spread: 0.3 }, topN: [5, 40, 90], ...(list ? { list } : {}) };
      const run = () => {
        const chunk = wholeChunk(src, config, 9);
        return { partial: plain(chunk.partial), paths: chunk.paths };
      };
      const wasm = run();
      setWasmKernels(false);
      const js = run();
      expect(wasm.paths).toEqual({ fused: 21, evaluated: 0 });
      expect(js.paths).toEqual({ fused: 0, evaluated: 21 });
      expect(wasm.partial).toEqual(js.partial);
      if (list) {
        const on = (wasm.partial.listCount as number[]).reduce((a, b) => a + b, 0);
        expect(on).toBeGreaterThan(0);
        expect(on).toBeLessThan(203 * 21);
      }
    },
  );

  it('Monte Carlo with bands: the kernel ranks, the evaluator lists, as in JavaScript', () => {
    const src = data(203, 2);
    const config: McConfig = { samples: 13, weights: { mode: 'perturb', spread: 0.3 }, list: STAGE_BANDS };
    const chunk = wholeChunk(src, config, 4);
    expect(chunk.paths).toEqual({ fused: 0, evaluated: 13 });
    const wasm = plain(chunk.partial);
    setWasmKernels(false);
    expect(plain(runChunk(src, config, 4, 0, 13))).toEqual(wasm);
    expect((wasm.bandCount as number[]).some((x) => x > 0)).toBe(true);
  });

  it('Monte Carlo sampling the normalisation: every spec scores in one kernel memory, as in JavaScript', () => {
    const src = data(203, 1);
    const config: McConfig = {
      samples: 16,
      weights: { mode: 'perturb', spread: 0.3 },
      list: { kind: 'top-percent', percent: 20, scope: 'stage' },
      methods: ['winsorized-minmax', 'minmax', 'percentile-rank'],
      quantiles: [
        [0.01, 0.99],
        [0.05, 0.95],
      ],
    };
    const chunk = wholeChunk(src, config, 6);
    expect(chunk.paths).toEqual({ fused: 16, evaluated: 0 });
    const wasm = plain(chunk.partial);
    setWasmKernels(false);
    expect(plain(runChunk(src, config, 6, 0, 16))).toEqual(wasm);
  });

  it('Monte Carlo where the kernel declines (every score tied): the evaluated path counts every sample', () => {
    const system = twoStageSystem(2);
    const n = 40;
    const columns = { x0: new Float64Array(n).fill(3), x1: new Float64Array(n).fill(5), b: new Float64Array(n), v: new Float64Array(n) };
    const stage = Uint8Array.from({ length: n }, (_, r) => r % 2);
    const src = { prepared: preparedFor(system, columns, stage), weights: effectiveWeights(system), toggles: ALL_ON };
    const config: McConfig = { samples: 8, weights: { mode: 'perturb', spread: 0.3 }, list: { kind: 'top-n', n: 5, scope: 'overall' } };
    const chunk = wholeChunk(src, config, 1);
    expect(chunk.paths).toEqual({ fused: 0, evaluated: 8 });
    const p = chunk.partial;
    // All tied: every rank is 1 and every row is on the top-5 list (ties at the cut are in), in every sample.
    expect(Array.from(p.rankSum)).toEqual(new Array(n).fill(8));
    expect(Array.from(p.listCount!)).toEqual(new Array(n).fill(8));
  });

  it('the warm-up a worker runs on load changes nothing a run computes', () => {
    const src = data(203, 1);
    const config: McConfig = { samples: 9, weights: { mode: 'perturb', spread: 0.3 }, list: { kind: 'top-percent', percent: 20, scope: 'stage' } };
    warmUpKernels();
    warmUpKernels(); // once per realm: the second call returns at once
    const wasm = plain(runChunk(src, config, 2, 0, 9));
    setWasmKernels(false);
    expect(plain(runChunk(src, config, 2, 0, 9))).toEqual(wasm);
  });

  it('Sobol, per-enterprise sums included', () => {
    const src = data(250, 1);
    const config: SobolConfig = { samples: 9, weights: { mode: 'perturb', spread: 0.3 }, list: { kind: 'top-percent', percent: 20, scope: 'stage' } };
    const wasm = plain(runSobolChunk(src, config, 3, 0, 9));
    setWasmKernels(false);
    const js = plain(runSobolChunk(src, config, 3, 0, 9));
    expect(wasm).toEqual(js);
    expect(wasm.first.some((x: number) => x !== 0)).toBe(true);
  });
});
