/**
 * Sobol results as files, and a Sobol run on Node worker_threads (for `analyze --sobol`; the entry
 * wiring lives in analyze.ts). The CSV text goes through the export module (toCsv: BOM, CRLF,
 * formula-injection protection of text cells); numbers are written in shortest round-trip form so
 * a reader can re-score an exported draw exactly.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Prepared, Toggles } from '../engine/index.ts';
import { toCsv } from '../whatif/export/csv.ts';
import type { Cell, ExportColumn } from '../whatif/export/table.ts';
import type { ListGroups } from '../whatif/lists/list-evaluator.ts';
import { driveChunk } from '../whatif/pool/chunk-driver.ts';
import { splitSamples } from '../whatif/pool/split.ts';
import { SobolChunk } from '../whatif/sobol/chunk.ts';
import type { SobolConfig } from '../whatif/sobol/config.ts';
import { forEachDraw } from '../whatif/sobol/draws.ts';
import { mergeSobolInto, sobolPartialBuffers, type SobolPartial } from '../whatif/sobol/partial.ts';
import { summarizeSobol, type SobolResult } from '../whatif/sobol/summarize.ts';

const num = (header: string): ExportColumn => ({ header, kind: 'number' });
const text = (header: string): ExportColumn => ({ header, kind: 'text' });
const csv = (name: string, columns: ExportColumn[], rows: Cell[][]) => toCsv({ name, columns, rows, notes: [] });

/**
 * Indices of outputs (a) mean absolute rank shift and (b) list churn: one row per output and
 * indicator, S and ST with their bootstrap intervals; empty cells and the reason when undefined.
 */
export function sobolIndicesCsv(res: SobolResult, indicatorIds: readonly string[]): string {
  const rows: Cell[][] = [];
  for (const o of res.outputs) {
    const x = o.indices;
    for (let i = 0; i < res.d; i++) {
      rows.push([o.id, indicatorIds[i], x.S[i], x.ciS.lo[i], x.ciS.hi[i], x.ST[i], x.ciST.lo[i], x.ciST.hi[i], x.V, res.done, x.replicates, x.defined ? '' : x.reason]);
    }
  }
  const cols = [
    text('output'),
    text('indicator'),
    num('S'),
    num('S_ci_low'),
    num('S_ci_high'),
    num('ST'),
    num('ST_ci_low'),
    num('ST_ci_high'),
    num('variance'),
    num('base_samples'),
    num('bootstrap_replicates'),
    text('note'),
  ];
  return csv('sobol', cols, rows);
}

/** Per-enterprise rank indices keyed by USCC: V of the rank, then S_i and ST_i per indicator (empty when undefined). */
export function sobolEnterpriseCsv(res: SobolResult, uscc: readonly string[], indicatorIds: readonly string[]): string {
  const { n, d, perEnterprise: pe } = res;
  if (uscc.length !== n) throw new Error(`Sobol export: ${uscc.length} codes for ${n} rows`);
  const cols = [text('uscc'), num('rank_variance'), ...indicatorIds.map((id) => num(`S_${id}`)), ...indicatorIds.map((id) => num(`ST_${id}`))];
  const rows: Cell[][] = [];
  for (let r = 0; r < n; r++) {
    const row: Cell[] = [uscc[r], pe.V[r]];
    for (let i = 0; i < d; i++) row.push(pe.S[r * d + i]);
    for (let i = 0; i < d; i++) row.push(pe.ST[r * d + i]);
    rows.push(row);
  }
  return csv('sobol-enterprises', cols, rows);
}

/**
 * Every design point: base sample, point (A / B / AB), the factor taken from B, the u of every
 * factor, the weight of every stage × indicator scored there, and the outputs recorded there.
 */
export function sobolDrawsCsv(res: SobolResult, baseWeights: ArrayLike<number>, spread: number, stageIds: readonly string[], indicatorIds: readonly string[]): string {
  const p = res.partial;
  const cols = [
    num('base_sample'),
    text('point'),
    text('factor_from_B'),
    ...indicatorIds.map((id) => num(`u_${id}`)),
    ...stageIds.flatMap((s) => indicatorIds.map((id) => num(`w_${s}_${id}`))),
    ...res.outputs.map((o) => num(o.id)),
  ];
  const rows: Cell[][] = [];
  forEachDraw(p, baseWeights, stageIds.length, spread, (dr) => {
    rows.push([dr.j, dr.point, dr.factor >= 0 ? indicatorIds[dr.factor] : '', ...dr.u, ...dr.weights, ...dr.outputs]);
  });
  return csv('sobol-draws', cols, rows);
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
