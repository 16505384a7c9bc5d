/**
 * The Monte Carlo / Sobol worker on a Node worker_thread: the browser worker's object
 * (src/whatif/pool/worker-api.ts) on Comlink's node adapter, so `analyze` runs the same code.
 */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { channelYield } from '../whatif/pool/chunk-driver.ts';
import { exposedMcApi } from '../whatif/pool/worker-api.ts';
import { McWorkerCore } from '../whatif/pool/worker-core.ts';

if (!parentPort) throw new Error('mc-thread.ts runs as a worker thread (see src/cli/node-pool.ts)');
Comlink.expose(exposedMcApi(new McWorkerCore(channelYield())), nodeEndpoint(parentPort));
