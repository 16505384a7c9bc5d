import * as Comlink from 'comlink';
import { partialBuffers, type PartialStats } from '../mc/partial-stats.ts';
import { loadBuffers, type McLoadInput, type McRunInput, type McWorkerApi, type SobolRunInput } from '../../protocol/monte-carlo.ts';
import { sobolPartialBuffers, type SobolPartial } from '../sobol/partial.ts';
import type { McWorkerCore } from './worker-core.ts';

/**
 * The Monte Carlo / Sobol worker's side of the Comlink channel, one object for the browser's Web
 * Worker (workers/monte-carlo.worker.ts) and Node's worker_threads (src/cli/mc-thread.ts).
 * Partial results go back by transfer, not copy (a 100,000-row partial is ~35 MB).
 */
export function exposedMcApi(core: McWorkerCore) {
  return {
    load(input: McLoadInput): void {
      core.load(input);
    },
    async run(input: McRunInput, onProgress?: (done: number, total: number) => void) {
      const partial = await core.run(input, onProgress ? (d, t) => void onProgress(d, t) : undefined);
      return Comlink.transfer(partial, partialBuffers(partial));
    },
    async sobol(input: SobolRunInput, onProgress?: (done: number, total: number) => void) {
      const partial = await core.sobol(input, onProgress ? (d, t) => void onProgress(d, t) : undefined);
      return Comlink.transfer(partial, sobolPartialBuffers(partial));
    },
    cancel(): void {
      core.cancel();
    },
  };
}

/**
 * The pool's side: a Comlink endpoint (a Web Worker, or a worker_thread through Comlink's node
 * adapter) as the McWorkerApi MonteCarloPool drives. The population goes in by transfer (the pool
 * hands each worker its own copy); progress comes back through a Comlink proxy.
 */
export function wrapMcWorker(endpoint: Comlink.Endpoint): McWorkerApi {
  const remote = Comlink.wrap<McWorkerApi>(endpoint);
  return {
    load: (input: McLoadInput) => remote.load(Comlink.transfer(input, loadBuffers(input))),
    run: (input: McRunInput, onProgress?: (done: number, total: number) => void) => remote.run(input, onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<PartialStats>,
    sobol: (input: SobolRunInput, onProgress?: (done: number, total: number) => void) =>
      remote.sobol(input, onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<SobolPartial>,
    cancel: () => remote.cancel(),
  };
}
