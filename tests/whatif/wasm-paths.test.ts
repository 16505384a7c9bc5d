import { afterEach, describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../src/engine/index.ts';
import { setWasmKernels } from '../../src/engine/wasm-kernels.ts';
import { runChunk, type McConfig, type PartialStats } from '../../src/whatif/mc/index.ts';
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

describe('WebAssembly and JavaScript paths agree', () => {
  it.each([
    ['overall', 2],
    ['stage', 0],
  ] as const)('Monte Carlo, %s ranks, %i decimals (ties)', (rank, decimals) => {
    const src = data(300, decimals);
    const config: McConfig = { samples: 37, rank, weights: { mode: 'perturb', spread: 0.3 }, topN: [5, 20, 60], list: { kind: 'top-percent', percent: 20, scope: 'stage' } };
    const wasm = plain(runChunk(src, config, 5, 0, 37));
    setWasmKernels(false);
    const js = plain(runChunk(src, config, 5, 0, 37));
    expect(wasm).toEqual(js);
    expect(wasm.rankSum.some((x: number) => x > 0)).toBe(true);
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
