/**
 * The reference of `npm run bench:import`: DuckDB-wasm alone reading the chosen CSV with the app's
 * `read_csv` SQL, timed from the file's bytes being in the page to the Arrow result. The wasm and
 * worker are the built site's own files (their paths come in the query string), started as
 * src/db/duckdb.ts starts them (selectBundle over eh/mvp, castBigIntToDouble, setup SQL).
 */
import * as duckdb from '@duckdb/duckdb-wasm';

export interface ReadResult {
  /** File.arrayBuffer(): the bytes becoming available in the page (not part of the reference). */
  bytesMs: number;
  /** registerFileBuffer + query → Arrow Table: the reference. */
  readMs: number;
  registerMs: number;
  rows: number;
  columns: number;
  bundle: string;
}

declare global {
  interface Window {
    benchDuckdb: {
      ready: Promise<{ startupMs: number; bundle: string }>;
      read(sql: string, fileName: string): Promise<ReadResult>;
    };
  }
}

const q = new URLSearchParams(location.search);
const abs = (key: string) => new URL(`../${q.get(key) ?? ''}`, document.baseURI).href;
const status = document.getElementById('status')!;

async function start() {
  const t = performance.now();
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: abs('mvp'), mainWorker: abs('mvpWorker') },
    eh: { mainModule: abs('eh'), mainWorker: abs('ehWorker') },
  });
  const worker = new Worker(bundle.mainWorker!, { type: 'classic' });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const sql of JSON.parse(q.get('setup') ?? '[]') as string[]) await conn.query(sql);
  const name = bundle.mainModule.includes('-eh') ? 'eh' : 'mvp';
  return { db, conn, startupMs: performance.now() - t, bundle: name };
}

const started = start();
window.benchDuckdb = {
  ready: started.then(({ startupMs, bundle }) => {
    status.textContent = `DuckDB-wasm ready (${bundle})`;
    return { startupMs, bundle };
  }),
  async read(sql, fileName) {
    const { db, conn, bundle } = await started;
    const input = document.getElementById('file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) throw new Error('no file chosen');
    const tA = performance.now();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const t0 = performance.now();
    await db.registerFileBuffer(fileName, bytes);
    const t1 = performance.now();
    const table = await conn.query(sql);
    const t2 = performance.now();
    const result = { bytesMs: t0 - tA, readMs: t2 - t0, registerMs: t1 - t0, rows: table.numRows, columns: table.numCols, bundle };
    await db.dropFile(fileName);
    status.textContent = `read ${result.rows} rows × ${result.columns} columns in ${Math.round(result.readMs)} ms`;
    return result;
  },
};
