import { MonteCarloPool } from './monte-carlo-pool.ts';
import { wrapMcWorker } from './worker-api.ts';

/**
 * The browser pool: one module Web Worker per `navigator.hardwareConcurrency` (at least 1, at
 * most `max`), each running workers/monte-carlo.worker.ts behind Comlink (worker-api.ts). Call
 * `dispose()` to terminate the workers.
 */
export function createBrowserPool(max = 8): { pool: MonteCarloPool; dispose: () => void } {
  const count = Math.max(1, Math.min(max, globalThis.navigator?.hardwareConcurrency || 2));
  const workers: Worker[] = [];
  for (let i = 0; i < count; i++) workers.push(new Worker(new URL('../../../workers/monte-carlo.worker.ts', import.meta.url), { type: 'module', name: `monte-carlo-${i}` }));
  return { pool: new MonteCarloPool(workers.map(wrapMcWorker)), dispose: () => workers.forEach((w) => w.terminate()) };
}
