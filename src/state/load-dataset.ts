import { transfer, type Remote } from 'comlink';
import { readCsvSql } from '../data/sql.ts';
import type { Connector } from '../db/connector.ts';
import { duckdbStartup } from '../db/duckdb.ts';
import { DEMO_EVALUATION_YEAR } from '../demo/generate.ts';
import type { DatasetSource, LoadReport, ScoringApi } from '../protocol/scoring.ts';
import { startDemoWorker } from './workers.ts';

/** Milliseconds of each load phase, for the overview and the benchmark. */
export interface LoadTimings {
  generateMs: number;
  /** Waiting for DuckDB to be ready after the bytes were (its start-up overlaps generation). */
  duckdbWaitMs: number;
  /** DuckDB `read_csv` to Arrow IPC. */
  readCsvMs: number;
  /** Scoring worker: decode, map, validate, convert. */
  workerMs: number;
  /** DuckDB start-up (fetch + compile + open), overlapping the other phases. */
  duckdbInitMs: number;
  /** From the start of loading to the report. */
  totalMs: number;
}

/**
 * The one path every CSV takes: register the bytes with DuckDB, `read_csv` with the shared SQL of
 * src/data, and hand the result's Arrow IPC bytes (undecoded, transferred) to the scoring worker,
 * which maps, validates and converts them. The main thread never decodes the rows.
 */
export async function loadCsvBytes(
  db: Connector,
  scoring: Remote<ScoringApi>,
  bytes: Uint8Array,
  source: DatasetSource,
  evalYear?: number,
  onPhase: (phase: 'reading' | 'scoring') => void = () => {},
): Promise<{ report: LoadReport; duckdbWaitMs: number; readCsvMs: number; workerMs: number }> {
  const t0 = performance.now();
  onPhase('reading');
  const file = `input-${Date.now()}.csv`;
  await db.registerFileBuffer(file, bytes);
  const tReady = performance.now();
  let ipc: Uint8Array;
  try {
    ipc = await db.queryIPC(readCsvSql(file, { delimiter: ',' }));
  } finally {
    await db.dropFile(file);
  }
  const t1 = performance.now();
  onPhase('scoring');
  const input = evalYear === undefined ? { ipc, source } : { ipc, source, evalYear };
  const report = await scoring.load(transfer(input, [ipc.buffer]));
  return { report, duckdbWaitMs: tReady - t0, readCsvMs: t1 - tReady, workerMs: performance.now() - t1 };
}

/** The demo (模拟数据): generated in a worker, then loaded like any user's CSV. */
export async function loadDemo(
  db: Connector,
  scoring: Remote<ScoringApi>,
  rows: number,
  onPhase: (phase: 'reading' | 'scoring') => void = () => {},
): Promise<{ report: LoadReport; timings: LoadTimings }> {
  const t0 = performance.now();
  const demo = startDemoWorker();
  let bytes: Uint8Array;
  try {
    bytes = await demo.api.generate(rows);
  } finally {
    demo.worker.terminate();
  }
  const generateMs = performance.now() - t0;
  const source = { kind: 'demo' as const, name: `模拟数据 / demo (${rows.toLocaleString('en')} rows)` };
  const { report, duckdbWaitMs, readCsvMs, workerMs } = await loadCsvBytes(db, scoring, bytes, source, DEMO_EVALUATION_YEAR, onPhase);
  const duckdbInitMs = duckdbStartup.readyAt - duckdbStartup.startedAt;
  return { report, timings: { generateMs, duckdbWaitMs, readCsvMs, workerMs, duckdbInitMs, totalMs: performance.now() - t0 } };
}
