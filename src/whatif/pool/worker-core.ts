import { prepare, type Prepared } from '../../engine/index.ts';
import { McChunk, type McSource } from '../mc/run-chunk.ts';
import { PreparedCache, specKey } from '../mc/prepared-cache.ts';
import type { PartialStats } from '../mc/partial-stats.ts';
import { driveChunk } from './chunk-driver.ts';
import type { McLoadInput, McRunInput, McWorkerApi } from '../../protocol/monte-carlo.ts';

/**
 * The state and logic of one Monte Carlo worker, without the messaging: the Web Worker exposes
 * this object through Comlink, and tests use it directly as a fake worker. It keeps the population
 * and a cache of prepared matrices between runs (re-prepared only when the normalisation changes).
 */
export class McWorkerCore implements McWorkerApi {
  private data: McLoadInput | null = null;
  private cache: PreparedCache | null = null;
  private cancelRequested = false;

  constructor(private readonly yieldNow: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))) {}

  load(input: McLoadInput): void {
    this.data = input;
    this.cache = null;
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  private prepared(input: McRunInput): Prepared {
    const d = this.data!;
    if (!this.cache || specKey(this.cache.base.normalization) !== specKey(input.normalization)) {
      const base = prepare({ system: d.system, columns: d.columns, n: d.n, stage: d.stage, normalization: input.normalization });
      this.cache = new PreparedCache(base, d.columns);
    }
    return this.cache.base;
  }

  async run(input: McRunInput, onProgress?: (done: number, total: number) => void): Promise<PartialStats> {
    if (!this.data) throw new Error('Monte Carlo worker: no data loaded');
    this.cancelRequested = false;
    const source: McSource = { prepared: this.prepared(input), weights: input.weights, toggles: input.toggles, columns: this.data.columns, groups: this.data.groups };
    const chunk = new McChunk(source, input.config, input.seed, input.from, input.to, this.cache!);
    return driveChunk(chunk, { onProgress, cancelled: () => this.cancelRequested, yieldNow: this.yieldNow });
  }
}
