/** Monte Carlo and Sobol worker: McWorkerCore (src/whatif/pool/worker-core.ts) exposed through Comlink. */
import * as Comlink from 'comlink';
import { channelYield } from '../src/whatif/pool/chunk-driver.ts';
import { exposedMcApi } from '../src/whatif/pool/worker-api.ts';
import { McWorkerCore } from '../src/whatif/pool/worker-core.ts';

Comlink.expose(exposedMcApi(new McWorkerCore(channelYield())));
