import { PreparedCache, type NormalizationSpec, type Prepared, type PrepareRequest } from '../../engine/index.ts';
import { warmUpKernels } from '../../engine/wasm-kernels.ts';
import { McChunk, type McSource } from '../mc/run-chunk.ts';
import type { PartialStats } from '../mc/partial-stats.ts';
import { driveChunk } from './chunk-driver.ts';
import { preparedFromMatrix, type McLoadInput, type McRunInput, type McWorkerApi, type SobolRunInput } from '../../protocol/monte-carlo.ts';
import { SobolChunk } from '../sobol/chunk.ts';
import type { SobolPartial } from '../sobol/partial.ts';

/**
 * The state and logic of one Monte Carlo worker, without the messaging: the Web Worker exposes
 * this object through Comlink, and tests use it directly as a fake worker. It keeps the population
 * and a cache of prepared matrices between runs (re-prepared only when the normalisation changes).
 */
export class McWorkerCore implements McWorkerApi {
  private data: McLoadInput | null = null;
  private cache = new PreparedCache();
  private cancelRequested = false;

  constructor(private readonly yieldNow: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))) {}

  load(input: McLoadInput): void {
    warmUpKernels(); // once per worker: the first run then starts in optimised code
    this.data = input;
    this.cache = new PreparedCache();
    if (input.matrix) this.cache.pin(preparedFromMatrix(input, input.matrix), this.request(input.matrix.normalization));
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  private prepared(input: Pick<McRunInput, 'normalization'>): Prepared {
    return this.cache.prepare(this.request(input.normalization));
  }

  private request(normalization: NormalizationSpec): PrepareRequest {
    const d = this.data!;
    // The population's stages are fixed for the whole load, so one stage key serves every run.
    return { system: d.system, columns: d.columns, n: d.n, normalization, stageKey: 'monte-carlo', stage: () => d.stage };
  }

  async run(input: McRunInput, onProgress?: (done: number, total: number) => void): Promise<PartialStats> {
    if (!this.data) throw new Error('Monte Carlo worker: no data loaded');
    this.cancelRequested = false;
    const source: McSource = { prepared: this.prepared(input), weights: input.weights, toggles: input.toggles, columns: this.data.columns, groups: this.data.groups };
    const chunk = new McChunk(source, input.config, input.seed, input.from, input.to, this.cache);
    return driveChunk(chunk, { onProgress, cancelled: () => this.cancelRequested, yieldNow: this.yieldNow });
  }

  async sobol(input: SobolRunInput, onProgress?: (done: number, total: number) => void): Promise<SobolPartial> {
    if (!this.data) throw new Error('Monte Carlo worker: no data loaded');
    this.cancelRequested = false;
    const source = { prepared: this.prepared(input), weights: input.weights, toggles: input.toggles, groups: this.data.groups };
    const chunk = new SobolChunk(source, input.config, input.seed, input.from, input.to);
    return driveChunk(chunk, { onProgress, cancelled: () => this.cancelRequested, yieldNow: this.yieldNow });
  }
}
