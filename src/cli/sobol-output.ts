/**
 * Sobol results as files, and a Sobol run on Node worker_threads (for `analyze --sobol`). The
 * tables are built in src/whatif/sobol/export.ts (shared with the browser) and written by toCsv.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Prepared, Toggles } from '../engine/index.ts';
import { toCsv } from '../whatif/export/csv.ts';
import type { ListGroups } from '../whatif/lists/list-evaluator.ts';
import { driveChunk } from '../whatif/pool/chunk-driver.ts';
import { splitSamples } from '../whatif/pool/split.ts';
import { SobolChunk } from '../whatif/sobol/chunk.ts';
import type { SobolConfig } from '../whatif/sobol/config.ts';
import { sobolDrawsTable, sobolEnterpriseTable, sobolIndicesTable } from '../whatif/sobol/export.ts';
import { mergeSobolInto, sobolPartialBuffers, type SobolPartial } from '../whatif/sobol/partial.ts';
import { summarizeSobol, type SobolResult } from '../whatif/sobol/summarize.ts';

/** The CLI's files: the browser's tables (src/whatif/sobol/export.ts) with id headers, as CSV. */
export function sobolIndicesCsv(res: SobolResult, indicatorIds: readonly string[]): string {
  return toCsv(sobolIndicesTable(res, indicatorIds));
}

export function sobolEnterpriseCsv(res: SobolResult, uscc: readonly string[], indicatorIds: readonly string[]): string {
  return toCsv(sobolEnterpriseTable(res, uscc, indicatorIds));
}

export function sobolDrawsCsv(res: SobolResult, baseWeights: ArrayLike<number>, spread: number, stageIds: readonly string[], indicatorIds: readonly string[]): string {
  return toCsv(sobolDrawsTable(res, baseWeights, spread, stageIds, indicatorIds));
}

export interface SobolNodeInput {
  prepared: Prepared;
  weights: Float64Array;
  toggles: Toggles;
  config: SobolConfig;
  seed: number;
  /** worker_threads to use (≥ 1). */
  workers: number;
  groups?: ListGroups;
  onProgress?: (done: number, total: number) => void;
}

interface Job {
  source: { prepared: Prepared; weights: Float64Array; toggles: Toggles; groups?: ListGroups };
  config: SobolConfig;
  seed: number;
  from: number;
  to: number;
}

/**
 * A worker entry that registers tsx before importing this module (Node does not pass `--import`
 * loaders on to worker threads); same as scripts/bench-whatif.ts.
 */
function tsWorkerUrl(): URL {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(import.meta.url)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

if (!isMainThread && (workerData as { sobolJob?: Job } | null)?.sobolJob) {
  const job = (workerData as { sobolJob: Job }).sobolJob;
  const chunk = new SobolChunk(job.source, job.config, job.seed, job.from, job.to);
  void driveChunk(chunk, {
    onProgress: (done) => parentPort!.postMessage({ type: 'progress', done }),
    cancelled: () => false,
    yieldNow: () => new Promise((r) => setImmediate(r)),
  }).then((partial) => parentPort!.postMessage({ type: 'done', partial }, sobolPartialBuffers(partial)));
}

/**
 * The Sobol run on `workers` worker_threads, base samples split like the browser pool's
 * (splitSamples), partials merged exactly: the same result as the browser pool for the same seed.
 */
export async function runSobolNode(input: SobolNodeInput): Promise<SobolResult> {
  const { prepared, weights, toggles, config, seed, groups } = input;
  const ranges = splitSamples(config.samples, Math.max(1, input.workers));
  const progress = new Array<number>(ranges.length).fill(0);
  const partials = await Promise.all(
    ranges.map(
      ([from, to], w) =>
        new Promise<SobolPartial>((resolve, reject) => {
          const job: Job = { source: { prepared, weights, toggles, ...(groups ? { groups } : {}) }, config, seed, from, to };
          const worker = new Worker(tsWorkerUrl(), { workerData: { sobolJob: job } });
          worker.on('message', (m: { type: 'progress'; done: number } | { type: 'done'; partial: SobolPartial }) => {
            if (m.type === 'progress') {
              progress[w] = m.done;
              input.onProgress?.(
                progress.reduce((a, b) => a + b, 0),
                config.samples,
              );
            } else {
              resolve(m.partial);
              void worker.terminate();
            }
          });
          worker.on('error', reject);
        }),
    ),
  );
  return summarizeSobol(
    partials.reduce((a, b) => mergeSobolInto(a, b)),
    seed,
  );
}
