import * as Comlink from 'comlink';
import { partialBuffers, type PartialStats } from '../mc/partial-stats.ts';
import { MonteCarloPool } from './monte-carlo-pool.ts';
import { loadBuffers, type McLoadInput, type McRunInput, type McWorkerApi, type SobolRunInput } from '../../protocol/monte-carlo.ts';
import type { SobolPartial } from '../sobol/partial.ts';

/**
 * The browser pool: one module Web Worker per `navigator.hardwareConcurrency` (at least 1, at
 * most `max`), each running workers/monte-carlo.worker.ts behind Comlink. Buffers go in by
 * transfer (each worker gets its own copy from MonteCarloPool.load), progress comes back through
 * a Comlink proxy. Call `dispose()` to terminate the workers.
 */
export function createBrowserPool(max = 8): { pool: MonteCarloPool; dispose: () => void } {
  const count = Math.max(1, Math.min(max, globalThis.navigator?.hardwareConcurrency || 2));
  const workers: Worker[] = [];
  const apis: McWorkerApi[] = [];
  for (let i = 0; i < count; i++) {
    const w = new Worker(new URL('../../../workers/monte-carlo.worker.ts', import.meta.url), { type: 'module', name: `monte-carlo-${i}` });
    workers.push(w);
    const remote = Comlink.wrap<McWorkerApi>(w);
    apis.push({
      load: (input: McLoadInput) => remote.load(Comlink.transfer(input, loadBuffers(input))),
      run: (input: McRunInput, onProgress?: (done: number, total: number) => void) =>
        remote.run(input, onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<PartialStats>,
      sobol: (input: SobolRunInput, onProgress?: (done: number, total: number) => void) =>
        remote.sobol(input, onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<SobolPartial>,
      cancel: () => remote.cancel(),
    });
  }
  return { pool: new MonteCarloPool(apis), dispose: () => workers.forEach((w) => w.terminate()) };
}

export { partialBuffers };
