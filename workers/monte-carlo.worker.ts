/**
 * Monte Carlo and Sobol worker: McWorkerCore (src/whatif/pool/worker-core.ts) exposed through Comlink.
 * Partial results go back by transfer, not copy (a 100,000-row partial is ~35 MB).
 */
import * as Comlink from 'comlink';
import { partialBuffers } from '../src/whatif/mc/partial-stats.ts';
import { channelYield } from '../src/whatif/pool/chunk-driver.ts';
import type { McLoadInput, McRunInput, SobolRunInput } from '../src/protocol/monte-carlo.ts';
import { sobolPartialBuffers } from '../src/whatif/sobol/partial.ts';
import { McWorkerCore } from '../src/whatif/pool/worker-core.ts';

const core = new McWorkerCore(channelYield());

const api = {
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

Comlink.expose(api);
