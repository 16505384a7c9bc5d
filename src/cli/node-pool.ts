import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import { MonteCarloPool } from '../whatif/pool/monte-carlo-pool.ts';
import { wrapMcWorker } from '../whatif/pool/worker-api.ts';
import { tsWorkerUrl } from './ts-worker.ts';

/**
 * The command line's Monte Carlo / Sobol pool: `count` worker_threads, each the browser's worker
 * object (src/cli/mc-thread.ts), driven by the same MonteCarloPool, so a run gives the browser's
 * numbers for the same seed. `dispose()` terminates the threads (the process cannot exit before).
 */
export function createNodePool(count: number): { pool: MonteCarloPool; dispose: () => Promise<void> } {
  const url = tsWorkerUrl(new URL('./mc-thread.ts', import.meta.url).href);
  const threads = Array.from({ length: Math.max(1, count) }, () => new Worker(url));
  const apis = threads.map((t) => wrapMcWorker(nodeEndpoint(t) as Comlink.Endpoint));
  return {
    pool: new MonteCarloPool(apis),
    dispose: async () => {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
